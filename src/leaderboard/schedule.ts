// Keeps leaderboard snapshots fresh in the background, so a read after midnight finds little to
// recompute. Several bot instances can run it at once: each takes the stale rows no other holds.

import type { Store } from '../ports/store.ts';
import { refreshStaleSnapshots } from './refresh.ts';

/** Often enough that a day change is caught within minutes; a run with nothing to do is three index probes. */
export const REFRESH_EVERY_MS = 10 * 60_000;

export interface SnapshotRefreshOptions {
  store: Store;
  /** Today, YYYY-MM-DD (UTC, or the console's pinned date). */
  today: () => string;
  log: (message: string) => void;
  /** Told how many snapshots each run moved on, recomputed or looked ahead (metrics). */
  onRefreshed?: (count: number) => void;
  everyMs?: number;
}

/** Runs a refresh now and then every `everyMs`; returns a function that stops it (and waits for a run under way). */
export function startSnapshotRefresh(options: SnapshotRefreshOptions): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return; // the previous run is still going: skip this tick
    const started = Date.now();
    running = refreshStaleSnapshots(options.store, {
      communityId: null,
      today: options.today(),
      skipLocked: true,
      lookAhead: true,
    })
      .then(({ promoted, recomputed, lookedAhead }) => {
        options.onRefreshed?.(promoted + recomputed + lookedAhead);
        if (promoted + recomputed + lookedAhead > 0) {
          options.log(
            `leaderboard snapshots: ${promoted} moved to their next standing, ${recomputed} recomputed, ${lookedAhead} looked ahead, in ${Date.now() - started} ms`,
          );
        }
      })
      .catch((error: unknown) => options.log(`refreshing leaderboard snapshots failed: ${(error as Error).message}`))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, options.everyMs ?? REFRESH_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
