// The forecast chart as a file the adapters attach or upload next to a reply with a series block.

import type { Block, Reply } from '../replies/reply.ts';
import { forecastSvg, type Series } from './forecast-svg.ts';
import { renderPng, type Png } from './render-png.ts';

export const FORECAST_FILENAME = 'forecast.png';

export interface ForecastChart extends Png {
  filename: typeof FORECAST_FILENAME;
}

/**
 * Charts the command layer already has for a reply's series block (from the chart cache or the
 * render workers; src/commands/dispatch.ts), by the block object itself: a block changed since (a
 * shared view drops the recorded scores) is another object, so it is rendered afresh.
 */
const ready = new WeakMap<object, ForecastChart>();

export function attachChart(series: Series, chart: ForecastChart): void {
  ready.set(series, { filename: FORECAST_FILENAME, png: chart.png, width: chart.width, height: chart.height });
}

/** The chart of a series block: the one already made for it, else rendered here and now. */
export function forecastChart(series: Series): ForecastChart {
  return ready.get(series) ?? { filename: FORECAST_FILENAME, ...renderPng(forecastSvg(series)) };
}

/** The reply's series block, when it has one (score and forecast replies do). */
export function seriesBlockOf(reply: Reply): Extract<Block, { type: 'series' }> | undefined {
  return reply.blocks.find((block): block is Extract<Block, { type: 'series' }> => block.type === 'series');
}
