// The forecast chart as a file the adapters attach or upload next to a reply with a series block.

import type { Block, Reply } from '../replies/reply.ts';
import { forecastSvg, type Series } from './forecast-svg.ts';
import { renderPng, type Png } from './render-png.ts';

export const FORECAST_FILENAME = 'forecast.png';

export interface ForecastChart extends Png {
  filename: typeof FORECAST_FILENAME;
}

/**
 * Charts the command layer is getting for a reply's series block (from the chart cache or the
 * render workers; src/commands/dispatch.ts), by the block object itself: a block changed since (a
 * shared view drops the recorded scores) is another object, so it is rendered afresh. The reply
 * goes out without waiting for it; the adapters send the chart once it is ready. A pending chart
 * never rejects: one that failed was reported by the dispatcher and is null (no chart is sent).
 */
const pending = new WeakMap<object, Promise<ForecastChart | null>>();

export function attachChart(series: Series, chart: Promise<ForecastChart | null>): void {
  pending.set(
    series,
    chart.then(
      (made) => made && { filename: FORECAST_FILENAME, png: made.png, width: made.width, height: made.height },
    ),
  );
}

/**
 * The chart of a series block: the one the command layer is getting for it (null when that
 * failed), else rendered here and now (throws when rendering fails).
 */
export async function forecastChart(series: Series): Promise<ForecastChart | null> {
  return pending.get(series) ?? { filename: FORECAST_FILENAME, ...renderPng(forecastSvg(series)) };
}

/** The reply's series block, when it has one (score and forecast replies do). */
export function seriesBlockOf(reply: Reply): Extract<Block, { type: 'series' }> | undefined {
  return reply.blocks.find((block): block is Extract<Block, { type: 'series' }> => block.type === 'series');
}
