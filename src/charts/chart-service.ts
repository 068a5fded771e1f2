// Forecast charts rendered once and shared: a chart is a pure function of its SVG (the member's
// forecast, past weeks and recorded scores, as of one day) and of the renderer's code, so the key is
// a hash of exactly those. A changed forecast, model or as-of day gives another SVG, hence another
// key: a stale chart is never found, and deleting old rows is only housekeeping.
//
// The SVG is dated (its first point and labels are the as-of day), so a chart serves its member
// on that day only: valid_until is the as-of day, however long the standing itself holds.

import { createHash } from 'node:crypto';
import type { CachedChart, ChartCache } from '../ports/chart-cache.ts';
import type { ChartRenderer } from '../ports/chart-renderer.ts';
import { FORECAST_FILENAME, type ForecastChart } from './forecast-chart.ts';
import { forecastSvg, type Series } from './forecast-svg.ts';

/** Bump when the same SVG would give other pixels (resvg options, the font, outlined text). */
export const CHART_RENDER_VERSION = 1;
// (1: resvg 2.6, DejaVu Sans, text outlined per label, numbers to 0.01 px.)

export function chartKey(svg: string): string {
  return createHash('sha256').update(`v${CHART_RENDER_VERSION}\n${svg}`).digest('base64url');
}

export interface ChartOwner {
  memberId: number;
  /** The chart's as-of day: the day its forecast starts. */
  asOf: string;
}

export interface KeyedChart extends ForecastChart {
  key: string;
  /** Whether it came from the cache (else it was rendered just now). */
  cached: boolean;
}

export interface ChartService {
  /** The member's chart of `series`: from the cache, else rendered (off the main thread) and cached. */
  chartOf(series: Series, owner: ChartOwner): Promise<KeyedChart>;
  /** Drops the member's cached charts (after a write: they cannot be found again anyway). */
  forgetMember(memberId: number): Promise<void>;
}

export interface ChartServiceOptions {
  cache: ChartCache;
  renderer: ChartRenderer;
  /** Charts also kept in this instance's memory, the most recent first (0: none). */
  memoryCharts?: number;
  /** Told when the cache failed; the chart is still rendered and returned. */
  onCacheError?: (error: unknown) => void;
}

/**
 * How long a reply waits for the cache table: a database that stalls costs a render, not the reply
 * (postgres.js on a dead socket waits for TCP). What was asked goes on in the background.
 */
export const CACHE_WAIT_MS = 250;

/** `work`'s result, or null when it failed (told to `onError`) or took longer than `ms`. */
function within<T>(work: Promise<T>, ms: number, onError: (error: unknown) => void): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  const done = work.catch((error: unknown) => (onError(error), null));
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

/** About 25 KB each: a few MB for the charts asked for again soonest (a share, a forecast after a score). */
export const MEMORY_CHARTS = 200;

export function createChartService({
  cache,
  renderer,
  memoryCharts = MEMORY_CHARTS,
  onCacheError = () => {},
}: ChartServiceOptions): ChartService {
  // Two requests for the same chart at once (a double click, a share) render it once.
  const rendering = new Map<string, Promise<KeyedChart>>();
  // In front of the database (a round trip, or ~5 ms of PGlite's CPU): a Map in insertion order as an LRU.
  const recent = new Map<string, CachedChart>();
  const remember = (job: string, chart: CachedChart) => {
    if (memoryCharts <= 0) return;
    recent.delete(job);
    recent.set(job, chart);
    if (recent.size > memoryCharts) recent.delete(recent.keys().next().value as string);
  };

  async function renderAndStore(svg: string, key: string, owner: ChartOwner): Promise<KeyedChart> {
    const png = await renderer.render(svg);
    const chart = { memberId: owner.memberId, key, validUntil: owner.asOf, ...png };
    remember(`${owner.memberId}/${key}`, chart);
    await within(cache.put(chart, owner.asOf), CACHE_WAIT_MS, onCacheError);
    return { filename: FORECAST_FILENAME, key, cached: false, ...png };
  }

  return {
    async chartOf(series, owner) {
      const svg = forecastSvg(series);
      const key = chartKey(svg);
      const job = `${owner.memberId}/${key}`;
      const near = recent.get(job);
      const found =
        near && near.validUntil >= owner.asOf
          ? near
          : await within(cache.get(owner.memberId, key, owner.asOf), CACHE_WAIT_MS, onCacheError);
      if (found) {
        remember(job, found);
        return {
          filename: FORECAST_FILENAME,
          key,
          cached: true,
          png: found.png,
          width: found.width,
          height: found.height,
        };
      }
      const running = rendering.get(job);
      if (running) return running;
      const started = renderAndStore(svg, key, owner).finally(() => rendering.delete(job));
      rendering.set(job, started);
      return started;
    },
    async forgetMember(memberId) {
      for (const job of recent.keys()) if (job.startsWith(`${memberId}/`)) recent.delete(job);
      await within(cache.forgetMember(memberId), CACHE_WAIT_MS, onCacheError);
    },
  };
}
