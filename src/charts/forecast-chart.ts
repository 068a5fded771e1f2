// The forecast chart as a file the adapters attach or upload next to a reply with a series block.

import type { Block, Reply } from '../replies/reply.ts';
import { forecastSvg, type Series } from './forecast-svg.ts';
import { renderPng, type Png } from './render-png.ts';

export const FORECAST_FILENAME = 'forecast.png';

export interface ForecastChart extends Png {
  filename: typeof FORECAST_FILENAME;
}

export function forecastChart(series: Series): ForecastChart {
  return { filename: FORECAST_FILENAME, ...renderPng(forecastSvg(series)) };
}

/** The reply's series block, when it has one (score and forecast replies do). */
export function seriesBlockOf(reply: Reply): Extract<Block, { type: 'series' }> | undefined {
  return reply.blocks.find((block): block is Extract<Block, { type: 'series' }> => block.type === 'series');
}
