import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramPercentile, histogramQuantile, percentileOf, quantile } from '../../src/leaderboard/statistics.ts';

describe('community statistics', () => {
  it('quantiles interpolate between neighbours', () => {
    expect(quantile([0, 50, 100], 0.5)).toBe(50);
    expect(quantile([0, 50, 100], 0.25)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([7], 0.75)).toBe(7);
  });

  it('percentiles count ties as half below', () => {
    expect(percentileOf([0, 50, 100], 50)).toBe(50);
    expect(percentileOf([0, 50, 100], 100)).toBe(83);
    expect(percentileOf([80, 80, 80, 80], 80)).toBe(50);
  });

  it('quantiles are ordered and within the data, for any scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 200 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const [q1, q2, q3] = [0.25, 0.5, 0.75].map((q) => quantile(sorted, q)) as [number, number, number];
        expect(sorted[0]).toBeLessThanOrEqual(q1);
        expect(q1).toBeLessThanOrEqual(q2);
        expect(q2).toBeLessThanOrEqual(q3);
        expect(q3).toBeLessThanOrEqual(sorted[sorted.length - 1] as number);
      }),
    );
  });

  it('the histogram gives the same quantiles and percentiles as the sorted list, for any scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 100 }),
        (values, score) => {
          const sorted = [...values].sort((a, b) => a - b);
          const histogram = new Map<number, number>();
          for (const value of values) histogram.set(value, (histogram.get(value) ?? 0) + 1);
          for (const q of [0, 0.25, 0.5, 0.75, 1])
            expect(histogramQuantile(histogram, q)).toBeCloseTo(quantile(sorted, q), 9);
          expect(histogramPercentile(histogram, score)).toBe(percentileOf(sorted, score));
        },
      ),
    );
  });
});
