// Chart services for tests of what goes out before the chart: a renderer whose renders wait until
// the test releases them (or fail), over a chart cache kept in memory.

import { createChartService, type ChartService } from '../../src/charts/chart-service.ts';
import { renderPng } from '../../src/charts/render-png.ts';
import type { CachedChart, ChartCache } from '../../src/ports/chart-cache.ts';
import type { ChartRenderer } from '../../src/ports/chart-renderer.ts';

function memoryChartCache(): ChartCache {
  const charts = new Map<string, CachedChart>();
  return {
    async get(memberId, key, today) {
      const chart = charts.get(`${memberId}/${key}`);
      return chart && chart.validUntil >= today ? chart : null;
    },
    async put(chart) {
      charts.set(`${chart.memberId}/${chart.key}`, chart);
    },
    async forgetMember(memberId) {
      let dropped = 0;
      for (const key of charts.keys()) if (key.startsWith(`${memberId}/`) && charts.delete(key)) dropped++;
      return dropped;
    },
    async evictExpired() {
      return 0;
    },
  };
}

export interface HeldCharts {
  charts: ChartService;
  /** Renders asked for so far. */
  readonly asked: number;
  /** Lets every render asked so far (and every later one) finish. */
  release(): void;
}

/** Charts whose renders wait for `release()`; with `failure`, they fail with it instead once released. */
export function heldCharts(failure?: Error): HeldCharts {
  let asked = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const renderer: ChartRenderer = {
    async render(svg) {
      asked++;
      await released;
      if (failure) throw failure;
      return renderPng(svg);
    },
    async close() {},
  };
  return {
    charts: createChartService({ cache: memoryChartCache(), renderer, memoryCharts: 0 }),
    get asked() {
      return asked;
    },
    release: () => release(),
  };
}
