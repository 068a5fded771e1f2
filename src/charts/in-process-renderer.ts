// The chart renderer on the calling thread: for tests, tools and the CLI. It blocks the event loop
// for the whole render; the bot uses the worker pool (worker-pool.ts) instead.

import type { ChartRenderer } from '../ports/chart-renderer.ts';
import { renderPng } from './render-png.ts';

export const inProcessRenderer: ChartRenderer = {
  async render(svg) {
    return renderPng(svg);
  },
  async close() {},
};
