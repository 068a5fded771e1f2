// The chart service without a database: a cache that fails or stalls costs a render, never the
// chart; the same chart asked twice at once is rendered once.

import { describe, expect, it } from 'vitest';
import { CACHE_WAIT_MS, createChartService } from '../../src/charts/chart-service.ts';
import { forecastSvg, type Series } from '../../src/charts/forecast-svg.ts';
import { inProcessRenderer } from '../../src/charts/in-process-renderer.ts';
import { renderPng } from '../../src/charts/render-png.ts';
import type { ChartCache } from '../../src/ports/chart-cache.ts';
import type { ChartRenderer } from '../../src/ports/chart-renderer.ts';

const SERIES: Series = {
  title: 'Your score',
  points: [
    { date: '2026-11-22', value: 87 },
    { date: '2027-11-22', value: 74 },
  ],
};
const OWNER = { memberId: 7, asOf: '2026-11-22' };

function counting(): ChartRenderer & { renders: number } {
  const renderer = {
    renders: 0,
    render: async (svg: string) => (renderer.renders++, inProcessRenderer.render(svg)),
    close: async () => {},
  };
  return renderer;
}

const never = () => new Promise<never>(() => {});
const stalled: ChartCache = { get: never, put: never, forgetMember: never, evictExpired: never };
const failing: ChartCache = {
  get: async () => Promise.reject(new Error('down')),
  put: async () => Promise.reject(new Error('down')),
  forgetMember: async () => Promise.reject(new Error('down')),
  evictExpired: async () => Promise.reject(new Error('down')),
};

describe('createChartService', () => {
  it('renders the chart when the cache fails, and says so', async () => {
    const errors: unknown[] = [];
    const service = createChartService({
      cache: failing,
      renderer: counting(),
      memoryCharts: 0,
      onCacheError: (error) => errors.push(error),
    });
    const chart = await service.chartOf(SERIES, OWNER);
    expect(chart.png.equals(renderPng(forecastSvg(SERIES)).png)).toBe(true);
    expect(chart.cached).toBe(false);
    await service.forgetMember(OWNER.memberId);
    expect(errors.length).toBe(3);
  });

  it('does not wait for a stalled cache longer than CACHE_WAIT_MS per call', async () => {
    const service = createChartService({ cache: stalled, renderer: counting(), memoryCharts: 0 });
    const started = performance.now();
    const chart = await service.chartOf(SERIES, OWNER);
    await service.forgetMember(OWNER.memberId);
    expect(chart.width).toBe(800);
    expect(performance.now() - started).toBeLessThan(4 * CACHE_WAIT_MS + 1000);
  });

  it('renders a chart asked for twice at once a single time', async () => {
    const renderer = counting();
    const service = createChartService({ cache: failing, renderer, memoryCharts: 0 });
    const [a, b] = await Promise.all([service.chartOf(SERIES, OWNER), service.chartOf(SERIES, OWNER)]);
    expect(renderer.renders).toBe(1);
    expect(a.png.equals(b.png)).toBe(true);
  });
});
