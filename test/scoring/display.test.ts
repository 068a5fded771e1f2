// Steps 4 and 5 of default-model.md: window score 100 × (S − N) / T floored at 0, per-window
// eligibility, trending, the displayed score (highest eligible, halves round up, ties to the
// first of 6m, 12m, 24m, trending), no score with its reason, and the bands.

import { describe, expect, it } from 'vitest';
import { bandOf, pickDisplayed, roundHalfUp } from '../../src/scoring/index.ts';
import { negative, neutral, score, success } from './fixtures.ts';

const AS_OF = '2024-06-30';

describe('Step 4: window score', () => {
  it('is floored at 0', () => {
    // A $100 5★ → success 1; B $2,000 1★ → negative 1.5. S = 1, N = 1.5, T = 2.5 → 100 × (−0.5) / 2.5 = −20 → 0.
    const report = score(
      [success('A', 'A', '2024-06-01'), negative('B', 'B', '2024-06-02', { earnings: 2000 })],
      AS_OF,
    );
    expect(report.windows['6m']).toMatchObject({ successes: 1, negatives: 1.5, total: 2.5, score: 0, eligible: true });
    expect(report.score).toBe(0);
    expect(report.band).toBe('at-risk');
  });

  it('neutrals lower the score without being negative', () => {
    // 2025: A, B 5★, C 4★ (neutral), each weight 1: S = 2, N = 0, T = 3 → 66.667 → 67.
    const report = score(
      [success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02'), neutral('C', 'C', '2024-06-03')],
      AS_OF,
    );
    expect(report.windows['6m']).toMatchObject({ successes: 2, negatives: 0, neutrals: 1, total: 3 });
    expect(report.windows['6m'].score).toBeCloseTo(66.667, 3);
    expect(report.score).toBe(67);
  });

  it('is null for a window where nothing counts', () => {
    // Only contract ended 2023-09-01: the 6-month window (from 2023-12-30) is empty.
    const report = score([success('A', 'A', '2023-09-01')], AS_OF);
    expect(report.windows['6m']).toMatchObject({ score: null, total: 0, outcomes: 0, eligible: false });
    expect(report.windows['12m'].score).toBe(100);
  });
});

describe('Step 4: eligibility, upwork-2025 (2 counted contracts from 2 clients)', () => {
  it('2 contracts from 2 clients are eligible', () => {
    const report = score([success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02')], AS_OF);
    expect(report.windows['24m']).toMatchObject({
      outcomes: 2,
      clients: 2,
      eligible: true,
      missingOutcomes: 0,
      missingClients: 0,
    });
    expect(report.score).toBe(100);
    expect(report.noScore).toBeNull();
  });

  it('1 contract: no score, 1 contract and 1 client missing', () => {
    const report = score([success('A', 'A', '2024-06-01')], AS_OF);
    expect(report.score).toBeNull();
    expect(report.window).toBeNull();
    expect(report.band).toBeNull();
    expect(report.windows['24m']).toMatchObject({ eligible: false, missingOutcomes: 1, missingClients: 1 });
    expect(report.noScore).toMatchObject({ missingOutcomes: 1, missingClients: 1 });
  });

  it('2 contracts from one client (names trimmed, case-insensitive): 1 client missing', () => {
    const report = score([success('A', 'Acme', '2024-06-01'), success('B', '  ACME ', '2024-06-02')], AS_OF);
    expect(report.windows['24m']).toMatchObject({
      outcomes: 2,
      clients: 1,
      eligible: false,
      missingOutcomes: 0,
      missingClients: 1,
    });
    expect(report.score).toBeNull();
    expect(report.noScore).toMatchObject({ missingOutcomes: 0, missingClients: 1 });
    expect(report.noScore?.text).toMatch(/\b1 more (\w+ )?client/);
  });

  it('excluded contracts do not count towards eligibility', () => {
    // B is from a flagged client: counted = A only → 1 contract, 1 client missing.
    const report = score(
      [success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02', { clientFlagged: true })],
      AS_OF,
    );
    expect(report.windows['24m']).toMatchObject({ outcomes: 1, clients: 1, missingOutcomes: 1, missingClients: 1 });
    expect(report.score).toBeNull();
  });

  it('no contracts at all: 2 contracts and 2 clients missing', () => {
    const report = score([], AS_OF);
    expect(report.score).toBeNull();
    expect(report.noScore).toMatchObject({ missingOutcomes: 2, missingClients: 2 });
  });

  it('each window needs its own outcomes: a 100 in an ineligible 6-month window is not shown', () => {
    // 6m: A only (S = 1, T = 1 → 100, 1 contract: not eligible). 12m adds B 1★ (2023-10-01): S = 1, N = 1 → 0, eligible.
    const report = score([success('A', 'A', '2024-06-01'), negative('B', 'B', '2023-10-01')], AS_OF);
    expect(report.windows['6m']).toMatchObject({ score: 100, eligible: false, missingOutcomes: 1, missingClients: 1 });
    expect(report.windows['12m']).toMatchObject({ score: 0, eligible: true });
    expect(report.score).toBe(0);
    expect(report.window).toBe('12m');
  });
});

describe('Step 4: eligibility, upwork-2015 (4 counted contracts from 3 clients)', () => {
  const model = 'upwork-2015' as const;

  it('3 contracts from 3 clients: no score, 1 contract missing', () => {
    const report = score(
      [success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02'), success('C', 'C', '2024-06-03')],
      AS_OF,
      {
        model,
      },
    );
    expect(report.score).toBeNull();
    expect(report.noScore).toMatchObject({ missingOutcomes: 1, missingClients: 0 });
    expect(report.noScore?.text).toMatch(/\b1 more (\w+ )?contract/);
  });

  it('4 contracts from 2 clients: no score, 1 client missing', () => {
    const contracts = [
      success('A1', 'A', '2024-06-01'),
      success('A2', 'A', '2024-06-02'),
      success('B1', 'B', '2024-06-03'),
      success('B2', 'B', '2024-06-04'),
    ];
    const report = score(contracts, AS_OF, { model });
    expect(report.score).toBeNull();
    expect(report.noScore).toMatchObject({ missingOutcomes: 0, missingClients: 1 });
  });

  it('4 contracts from 3 clients: a score', () => {
    // S = 3, N = 1, T = 4 → 100 × 2 / 4 = 50.
    const contracts = [
      success('A1', 'A', '2024-06-01'),
      success('A2', 'A', '2024-06-02'),
      success('B', 'B', '2024-06-03'),
      negative('C', 'C', '2024-06-04'),
    ];
    const report = score(contracts, AS_OF, { model });
    expect(report.windows['6m']).toMatchObject({ outcomes: 4, clients: 3, eligible: true, score: 50 });
    expect(report.score).toBe(50);
    expect(report.window).toBe('6m');
  });

  it('no contracts at all: 4 contracts and 3 clients missing', () => {
    const report = score([], AS_OF, { model });
    expect(report.noScore).toMatchObject({ missingOutcomes: 4, missingClients: 3 });
  });
});

describe('Step 4: trending (upwork-2025) = (3m + 6m) / 2', () => {
  it('is displayed when it is the highest eligible score', () => {
    // 3m (from 2024-03-30): A, B 5★ → 100. 6m adds C 1★ (2024-02-15): S = 2, N = 1, T = 3 → 33.333.
    // trending = (100 + 33.333) / 2 = 66.667 → 67; 12m = 24m = 33.333.
    const report = score(
      [success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02'), negative('C', 'C', '2024-02-15')],
      AS_OF,
    );
    expect(report.windows['3m']).toMatchObject({ score: 100, eligible: true });
    expect(report.windows['6m'].score).toBeCloseTo(33.333, 3);
    expect(report.windows.trending.score).toBeCloseTo(66.667, 3);
    expect(report.windows.trending.eligible).toBe(true);
    expect(report.score).toBe(67);
    expect(report.window).toBe('trending');
    // Trending's contracts are reported as counted in the 6-month window.
    expect(report.contractsWindow).toBe('6m');
  });

  it('is not eligible when the 3-month window is not', () => {
    // 3m: A only (1 contract). 6m: A and B (2024-02-15), both 5★ → 100 from 6m.
    const report = score([success('A', 'A', '2024-06-01'), success('B', 'B', '2024-02-15')], AS_OF);
    expect(report.windows['3m'].eligible).toBe(false);
    expect(report.windows.trending.eligible).toBe(false);
    expect(report.score).toBe(100);
    expect(report.window).toBe('6m');
  });
});

describe('Step 5: rounding (halves round up)', () => {
  it('roundHalfUp', () => {
    expect(roundHalfUp(62.5)).toBe(63);
    expect(roundHalfUp(87.5)).toBe(88);
    expect(roundHalfUp(89.5)).toBe(90);
    expect(roundHalfUp(84.49)).toBe(84);
    expect(roundHalfUp(89.49)).toBe(89);
    expect(roundHalfUp(0)).toBe(0);
    expect(roundHalfUp(100)).toBe(100);
  });

  it('a window score of exactly 62.5 is shown as 63 (upwork-2015)', () => {
    // 5 successes + 3 neutrals from 8 clients: S = 5, T = 8 → 100 × 5 / 8 = 62.5 → 63.
    const contracts = [
      ...['A', 'B', 'C', 'D', 'E'].map((c, i) => success(c, c, `2024-06-0${i + 1}`)),
      ...['F', 'G', 'H'].map((c, i) => neutral(c, c, `2024-05-0${i + 1}`)),
    ];
    const report = score(contracts, AS_OF, { model: 'upwork-2015' });
    expect(report.windows['6m'].score).toBe(62.5);
    expect(report.score).toBe(63);
  });

  it('a trending score of exactly 87.5 is shown as 88 (upwork-2025)', () => {
    // 3m: A, B 5★ → 100. 6m adds C 5★ and D 4★ (February): S = 3, neutral 1, T = 4 → 75. trending = (100 + 75) / 2 = 87.5 → 88.
    const contracts = [
      success('A', 'A', '2024-06-01'),
      success('B', 'B', '2024-06-02'),
      success('C', 'C', '2024-02-15'),
      neutral('D', 'D', '2024-02-16'),
    ];
    const report = score(contracts, AS_OF);
    expect(report.windows['6m'].score).toBe(75);
    expect(report.windows.trending.score).toBe(87.5);
    expect(report.score).toBe(88);
    expect(report.window).toBe('trending');
    expect(report.band).toBe('solid');
  });
});

describe('Step 5: the displayed score and its window', () => {
  it("Upwork's own example: 24m 92, 12m 88, 6m 94, 3m 98 → trending (98 + 94) / 2 = 96 → 96 shown from trending", () => {
    const shown = pickDisplayed([
      { source: '6m', score: 94, eligible: true },
      { source: '12m', score: 88, eligible: true },
      { source: '24m', score: 92, eligible: true },
      { source: 'trending', score: (98 + 94) / 2, eligible: true },
    ]);
    expect(shown).toEqual({ score: 96, source: 'trending', raw: 96 });
  });

  it('the highest eligible score wins; ineligible ones are ignored', () => {
    const shown = pickDisplayed([
      { source: '6m', score: 100, eligible: false },
      { source: '12m', score: 80, eligible: true },
      { source: '24m', score: 85.2, eligible: true },
      { source: 'trending', score: 99, eligible: false },
    ]);
    expect(shown).toEqual({ score: 85, source: '24m', raw: 85.2 });
  });

  it('no eligible candidate → no score', () => {
    expect(pickDisplayed([{ source: '6m', score: 90, eligible: false }])).toEqual({
      score: null,
      source: null,
      raw: null,
    });
  });

  it('ties go to the first of 6m, 12m, 24m, trending', () => {
    const tie = (eligible6: boolean) =>
      pickDisplayed([
        { source: '6m', score: 90, eligible: eligible6 },
        { source: '12m', score: 90, eligible: true },
        { source: '24m', score: 90, eligible: true },
        { source: 'trending', score: 90, eligible: true },
      ]);
    expect(tie(true).source).toBe('6m');
    expect(tie(false).source).toBe('12m');
    expect(
      pickDisplayed([
        { source: '6m', score: 50, eligible: true },
        { source: '12m', score: 60, eligible: true },
        { source: '24m', score: 70, eligible: true },
        { source: 'trending', score: 70, eligible: true },
      ]).source,
    ).toBe('24m');
  });

  it('a member whose windows all hold the same contracts is shown from 6m', () => {
    // A, B in June: 3m = 6m = 12m = 24m = 100, trending 100 → tie → 6m.
    const report = score([success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02')], AS_OF);
    expect(report.windows.trending).toMatchObject({ score: 100, eligible: true });
    expect(report.window).toBe('6m');
  });

  it('12m and 24m tie when 6m is not eligible → 12m', () => {
    // A (June) alone in 6m; B ended 2023-10-01 (12m and 24m): 12m = 24m = 100.
    const report = score([success('A', 'A', '2024-06-01'), success('B', 'B', '2023-10-01')], AS_OF);
    expect(report.windows['6m'].eligible).toBe(false);
    expect(report.score).toBe(100);
    expect(report.window).toBe('12m');
  });

  it('the best window is shown: an old negative pulls the 24-month window down, the 12-month one is shown', () => {
    // 12m: A, B 5★ → 100 (6m: A only, not eligible). 24m adds C 1★ (2023-01-15): S = 2, N = 1, T = 3 → 33.3.
    const report = score(
      [success('A', 'A', '2024-06-01'), success('B', 'B', '2023-10-01'), negative('C', 'C', '2023-01-15')],
      AS_OF,
    );
    expect(report.windows['24m'].score).toBeCloseTo(33.333, 3);
    expect(report.score).toBe(100);
    expect(report.window).toBe('12m');
  });
});

describe('Step 5: bands', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89, 'solid'],
    [80, 'solid'],
    [79, 'struggling'],
    [75, 'struggling'],
    [74, 'at-risk'],
    [0, 'at-risk'],
  ] as const)('%d → %s', (value, band) => {
    expect(bandOf(value)).toBe(band);
  });

  it('the report carries the band of the displayed (rounded) score', () => {
    // 2015: 3 successes + 1 neutral: 100 × 3 / 4 = 75 → struggling.
    const contracts = [
      success('A', 'A', '2024-06-01'),
      success('B', 'B', '2024-06-02'),
      success('C', 'C', '2024-06-03'),
      neutral('D', 'A', '2024-06-04'),
    ];
    const report = score(contracts, AS_OF, { model: 'upwork-2015' });
    expect(report.score).toBe(75);
    expect(report.band).toBe('struggling');
  });

  it('a displayed score of 89.5 rounds to 90 and is excellent; 89.49 stays 89, solid', () => {
    const up = pickDisplayed([{ source: '6m', score: 89.5, eligible: true }]);
    expect(up.score).toBe(90);
    expect(bandOf(up.score as number)).toBe('excellent');
    const down = pickDisplayed([{ source: '6m', score: 89.49, eligible: true }]);
    expect(down.score).toBe(89);
    expect(bandOf(down.score as number)).toBe('solid');
  });
});
