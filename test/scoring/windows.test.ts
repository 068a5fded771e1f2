// Step 2 of default-model.md: the reference date and the 3/6/12/24-month windows
// (in the N-month window when reference date ≥ as-of − N months, calendar month arithmetic).

import { describe, expect, it } from 'vitest';
import { contract, negative, reportOf, score, success } from './fixtures.ts';

describe('Step 2: windows', () => {
  it('a contract that ended exactly 6 months before the as-of date is in the 6-month window', () => {
    // as-of 2024-06-30 − 6 months = 2023-12-30 ≤ end 2023-12-30.
    const report = score([success('A', 'A', '2023-12-30')], '2024-06-30');
    expect(reportOf(report, 'A').windows).toEqual(['6m', '12m', '24m']);
    expect(report.windows['6m'].outcomes).toBe(1);
  });

  it('a contract that ended 6 months and one day before is not in the 6-month window', () => {
    // end 2023-12-29 < 2023-12-30.
    const report = score([success('A', 'A', '2023-12-29')], '2024-06-30');
    expect(reportOf(report, 'A').windows).toEqual(['12m', '24m']);
    expect(report.windows['6m'].outcomes).toBe(0);
    expect(report.windows['12m'].outcomes).toBe(1);
  });

  it('the 3-month window (upwork-2025 only): ended exactly 3 months before is in, a day more is out', () => {
    // as-of 2024-06-30 − 3 months = 2024-03-30.
    const report = score([success('IN', 'A', '2024-03-30'), success('OUT', 'B', '2024-03-29')], '2024-06-30');
    expect(reportOf(report, 'IN').windows).toEqual(['3m', '6m', '12m', '24m']);
    expect(reportOf(report, 'OUT').windows).toEqual(['6m', '12m', '24m']);
    expect(report.windows['3m']).toMatchObject({ inModel: true, outcomes: 1 });
  });

  it('upwork-2015 has no 3-month window and no trending', () => {
    const report = score([success('A', 'A', '2024-06-01')], '2024-06-30', { model: 'upwork-2015' });
    expect(reportOf(report, 'A').windows).toEqual(['6m', '12m', '24m']);
    expect(report.windows['3m']).toMatchObject({ inModel: false, eligible: false, score: null });
    expect(report.windows.trending).toMatchObject({ inModel: false, eligible: false, score: null });
  });

  it('12- and 24-month boundaries', () => {
    // as-of 2024-06-30: 12m starts 2023-06-30, 24m starts 2022-06-30.
    const contracts = [
      success('Y-IN', 'A', '2023-06-30'),
      success('Y-OUT', 'B', '2023-06-29'),
      success('2Y-IN', 'C', '2022-06-30'),
      success('2Y-OUT', 'D', '2022-06-29'),
    ];
    const report = score(contracts, '2024-06-30');
    expect(reportOf(report, 'Y-IN').windows).toEqual(['12m', '24m']);
    expect(reportOf(report, 'Y-OUT').windows).toEqual(['24m']);
    expect(reportOf(report, '2Y-IN').windows).toEqual(['24m']);
    expect(reportOf(report, '2Y-OUT').windows).toEqual([]);
    expect(report.windows['12m'].outcomes).toBe(1);
    expect(report.windows['24m'].outcomes).toBe(3);
  });

  it('a contract outside every window does not count (a 1-star contract 25 months old leaves the score at 100)', () => {
    // 24m (from 2022-06-30): A and B, two successes from two clients → 100. The 1-star contract ended 2022-05-31.
    const contracts = [
      success('A', 'A', '2024-05-01'),
      success('B', 'B', '2024-05-02'),
      negative('OLD', 'C', '2022-05-31'),
    ];
    const report = score(contracts, '2024-06-30');
    expect(report.windows['24m']).toMatchObject({ outcomes: 2, negatives: 0, score: 100 });
    expect(report.score).toBe(100);
  });

  it('an open contract is dated on the as-of date: it is in every window', () => {
    // open, paid, no payment dates: last payment = as-of; started 2020-01-01, long-term success.
    const c = contract({ id: 'OPEN', stars: null, earnings: 500, start: '2020-01-01', end: null });
    const report = score([c], '2024-06-30');
    expect(reportOf(report, 'OPEN')).toMatchObject({ outcome: 'success', windows: ['3m', '6m', '12m', '24m'] });
  });

  it('month-end clamping: as-of 31 Aug 2023, the 6-month window starts 28 Feb 2023', () => {
    // 2023-08-31 − 6 months = 2023-02-31 → clamped to 2023-02-28.
    const report = score([success('IN', 'A', '2023-02-28'), success('OUT', 'B', '2023-02-27')], '2023-08-31');
    expect(reportOf(report, 'IN').windows).toEqual(['6m', '12m', '24m']);
    expect(reportOf(report, 'OUT').windows).toEqual(['12m', '24m']);
  });

  it('month-end clamping in a leap year: as-of 31 Aug 2024, the 6-month window starts 29 Feb 2024', () => {
    // 2024-08-31 − 6 months = 2024-02-31 → clamped to 2024-02-29.
    const report = score([success('IN', 'A', '2024-02-29'), success('OUT', 'B', '2024-02-28')], '2024-08-31');
    expect(reportOf(report, 'IN').windows).toEqual(['6m', '12m', '24m']);
    expect(reportOf(report, 'OUT').windows).toEqual(['12m', '24m']);
  });

  it('windows are nested: the 24-month totals hold the 12-month ones, which hold the 6-month ones', () => {
    // 6m: A (success). 12m adds B (negative, 2023-10-01). 24m adds C (neutral, 2023-01-01).
    const contracts = [
      success('A', 'A', '2024-05-01'),
      negative('B', 'B', '2023-10-01'),
      contract({ id: 'C', client: 'C', start: '2022-12-01', end: '2023-01-01', stars: 4 }),
    ];
    const report = score(contracts, '2024-06-30');
    // 6m: S=1, T=1 → 100 (1 outcome: not eligible). 12m: S=1, N=1, T=2 → 0. 24m: S=1, N=1, neutral 1, T=3 → 0.
    expect(report.windows['6m']).toMatchObject({
      successes: 1,
      negatives: 0,
      neutrals: 0,
      total: 1,
      score: 100,
      eligible: false,
    });
    expect(report.windows['12m']).toMatchObject({
      successes: 1,
      negatives: 1,
      neutrals: 0,
      total: 2,
      score: 0,
      eligible: true,
    });
    expect(report.windows['24m']).toMatchObject({
      successes: 1,
      negatives: 1,
      neutrals: 1,
      total: 3,
      score: 0,
      eligible: true,
    });
  });
});
