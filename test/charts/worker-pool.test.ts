// The chart worker pool renders on other threads exactly what the main thread would, queues what
// it cannot start at once, and fails (rather than hangs) once closed.

import { afterAll, describe, expect, it } from 'vitest';
import { forecastSvg, type Series } from '../../src/charts/forecast-svg.ts';
import { renderPng } from '../../src/charts/render-png.ts';
import { createWorkerPool, defaultPoolSize } from '../../src/charts/worker-pool.ts';

const series = (value: number): Series => ({
  title: `Your score, ${value}`,
  points: [
    { date: '2026-11-22', value },
    { date: '2027-03-10', value: value - 10 },
    { date: '2027-11-22', value: value - 10 },
  ],
});

describe('createWorkerPool', () => {
  const pool = createWorkerPool(2);
  afterAll(() => pool.close());

  it('renders PNGs byte-identical to the in-process render, more at once than it has workers', async () => {
    const svgs = [80, 85, 90, 95, 100].map((value) => forecastSvg(series(value)));
    const rendered = await Promise.all(svgs.map((svg) => pool.render(svg)));
    rendered.forEach((png, i) => {
      const local = renderPng(svgs[i] as string);
      expect(png.png.equals(local.png)).toBe(true);
      expect([png.width, png.height]).toEqual([local.width, local.height]);
    });
    // Different inputs, different pictures: the pool did not answer one job with another's result.
    expect(rendered[0]?.png.equals(rendered[1]?.png as Buffer)).toBe(false);
  }, 60_000);

  it('refuses renders once closed', async () => {
    const closing = createWorkerPool(1);
    await closing.close();
    await expect(closing.render(forecastSvg(series(90)))).rejects.toThrow(/closed/);
  });

  it('sizes itself one below the CPU count, at least one', () => {
    expect(defaultPoolSize()).toBeGreaterThanOrEqual(1);
  });
});
