// Community statistics over whole-number scores. A community's scores arrive as a histogram
// (how many members have each score), so quartiles and percentiles cost 101 steps, not a sort
// of every member.

/** The q-quantile of sorted numbers, interpolating between neighbours ((n − 1)·q, as spreadsheets do). */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  return a + ((sorted[high] as number) - a) * (position - low);
}

/** Share of the others below a score, counting ties as half below (so the middle member is at 50). */
export function percentileOf(sorted: readonly number[], score: number): number {
  const below = sorted.filter((value) => value < score).length;
  const equal = sorted.filter((value) => value === score).length;
  return Math.round((100 * (below + equal / 2)) / sorted.length);
}

/** Scores and how many members have each, in ascending order of score. */
export type Histogram = ReadonlyMap<number, number>;

function ascending(histogram: Histogram): [number, number][] {
  return [...histogram].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
}

export function histogramSize(histogram: Histogram): number {
  let total = 0;
  for (const count of histogram.values()) total += count;
  return total;
}

/** The value at 0-based `index` of the sorted list the histogram stands for. */
function valueAt(bins: readonly [number, number][], index: number): number {
  let seen = 0;
  for (const [value, count] of bins) {
    seen += count;
    if (index < seen) return value;
  }
  throw new RangeError(`index ${index} is past the ${seen} values`);
}

/** quantile() of the sorted list the histogram stands for. */
export function histogramQuantile(histogram: Histogram, q: number): number {
  const bins = ascending(histogram);
  const position = (histogramSize(histogram) - 1) * q;
  const low = valueAt(bins, Math.floor(position));
  const high = valueAt(bins, Math.ceil(position));
  return low + (high - low) * (position - Math.floor(position));
}

/** percentileOf() of the sorted list the histogram stands for. */
export function histogramPercentile(histogram: Histogram, score: number): number {
  let below = 0;
  for (const [value, count] of histogram) if (value < score) below += count;
  const equal = histogram.get(score) ?? 0;
  return Math.round((100 * (below + equal / 2)) / histogramSize(histogram));
}

export function histogramRange(histogram: Histogram): [number, number] {
  const bins = ascending(histogram);
  return [(bins[0] as [number, number])[0], (bins[bins.length - 1] as [number, number])[0]];
}
