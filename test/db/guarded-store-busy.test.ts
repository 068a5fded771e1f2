// Busy is not away: a call queued behind others (a burst on the pool, one member's lock) waits on
// while the database answers other calls, and only a database that answers nothing counts as away.

import { describe, expect, it } from 'vitest';
import { guardStore } from '../../db/guarded-store.ts';
import type { Store } from '../../src/ports/store.ts';
import { DatabaseUnavailableError } from '../../src/commands/database-unavailable.ts';

const STALL_MS = 200;
const BUSY_MS = 1000;

/** A store whose listContracts answers after `ms` (forever when null). */
function storeAnsweringAfter(ms: (memberId: number) => number | null): Store {
  return {
    listContracts: (memberId: number) =>
      new Promise((resolve) => {
        const wait = ms(memberId);
        if (wait !== null) setTimeout(() => resolve([]), wait);
      }),
  } as unknown as Store;
}

async function settledAfter(work: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  try {
    await work;
    return { ms: Date.now() - started, error: null };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describe('the guarded store under load', () => {
  it('a database that answers nothing is away after the stall bound', async () => {
    const store = guardStore(
      storeAnsweringAfter(() => null),
      { stallMs: STALL_MS, busyMs: BUSY_MS },
    );
    const { ms, error } = await settledAfter(store.listContracts(1));
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(ms).toBeGreaterThanOrEqual(STALL_MS - 5);
    expect(ms).toBeLessThan(BUSY_MS);
  });

  it('a slow call waits on while other calls get answers, and gets its own answer', async () => {
    // Member 1's call takes 3 stall bounds; others answer every 50 ms meanwhile.
    const store = guardStore(
      storeAnsweringAfter((memberId) => (memberId === 1 ? 3 * STALL_MS : 10)),
      { stallMs: STALL_MS, busyMs: BUSY_MS },
    );
    const chatter = setInterval(() => void store.listContracts(2), 50);
    try {
      const { ms, error } = await settledAfter(store.listContracts(1));
      expect(error).toBeNull();
      expect(ms).toBeGreaterThanOrEqual(3 * STALL_MS - 5);
    } finally {
      clearInterval(chatter);
    }
  });

  it('however busy, one call waits at most the busy bound', async () => {
    const store = guardStore(
      storeAnsweringAfter((memberId) => (memberId === 1 ? null : 10)),
      { stallMs: STALL_MS, busyMs: BUSY_MS },
    );
    const chatter = setInterval(() => void store.listContracts(2), 50);
    try {
      const { ms, error } = await settledAfter(store.listContracts(1));
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(ms).toBeGreaterThanOrEqual(BUSY_MS - 5);
      expect(ms).toBeLessThan(BUSY_MS + STALL_MS + 100);
    } finally {
      clearInterval(chatter);
    }
  });
});
