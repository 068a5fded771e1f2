// The chart-cache port: rendered forecast charts kept where every instance of the bot finds them
// (db/chart-cache-queries.ts keeps them in PostgreSQL). A chart is found by its member and key; the
// key says exactly what the picture depends on, so a changed forecast is never answered from here.

import type { Png } from '../charts/render-png.ts';

export interface CachedChart extends Png {
  memberId: number;
  key: string;
  /** The last day the chart may be served (YYYY-MM-DD); after it the row is only waiting to be evicted. */
  validUntil: string;
}

export interface ChartCache {
  /** The member's chart with this key, if cached and valid on `today`. */
  get(memberId: number, key: string, today: string): Promise<CachedChart | null>;
  /** Stores a chart (the same member and key again replaces it) and drops the member's charts that ran out before `today`. */
  put(chart: CachedChart, today: string): Promise<void>;
  /** Drops every chart of the member (their contracts or their community's model changed, or they were forgotten). */
  forgetMember(memberId: number): Promise<number>;
  /** Drops the charts of every member that ran out before `today`. */
  evictExpired(today: string): Promise<number>;
}
