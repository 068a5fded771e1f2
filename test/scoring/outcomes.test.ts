// Step 1 of default-model.md: the outcome of each contract on the as-of date, rule by rule, in
// both presets, with the boundaries of every threshold; and the derived payment dates.

import { describe, expect, it } from 'vitest';
import { classifyOne, contract, MODELS, missingFeedback, reportOf, score, success } from './fixtures.ts';

const AS_OF = '2024-06-30';

describe.each(MODELS)('Step 1 in %s: rules shared by both presets', (model) => {
  describe('rule 1: difficult clients are excluded', () => {
    it('clientFlagged is excluded even with 1 star and a dispute (rule 1 comes before rule 2)', () => {
      const c = contract({ clientFlagged: true, stars: 1, disputed: true });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'excluded', reasonCode: 'client-flagged' });
    });

    it('pausedForClient is excluded even with 1 star and a refund', () => {
      const c = contract({ pausedForClient: true, stars: 1, refunded: true });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'excluded', reasonCode: 'paused-for-client' });
    });
  });

  describe('rule 2: disputes and refunds are negative', () => {
    it('disputed is negative even with 5 stars (rule 2 comes before rule 3)', () => {
      const c = contract({ disputed: true, stars: 5 });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'negative', reasonCode: 'disputed' });
    });

    it('refunded is negative even with private feedback 10', () => {
      const c = contract({ refunded: true, stars: null, privateScore: 10 });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'negative', reasonCode: 'refunded' });
    });

    it('a disputed $0 contract without feedback is negative, not a no-activity case', () => {
      const c = contract({ disputed: true, stars: null, earnings: 0 });
      expect(classifyOne(c, AS_OF, { model }).outcome).toBe('negative');
    });
  });

  describe('rule 3: private feedback (≥ 9 success, 7–8 neutral, ≤ 6 negative)', () => {
    it.each([
      [10, 'success'],
      [9, 'success'],
      [8, 'neutral'],
      [7, 'neutral'],
      [6, 'negative'],
      [0, 'negative'],
    ] as const)('private score %s → %s', (privateScore, outcome) => {
      const c = contract({ stars: null, privateScore });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome, reasonCode: 'private-feedback' });
    });

    it('private feedback takes precedence over stars: private 6 with 5 stars is negative', () => {
      const c = contract({ stars: 5, privateScore: 6 });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'negative', reasonCode: 'private-feedback' });
    });

    it('private feedback takes precedence over stars: private 9 with 1 star is a success', () => {
      const c = contract({ stars: 1, privateScore: 9 });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'success', reasonCode: 'private-feedback' });
    });

    it('private feedback 8 with 5 stars is neutral', () => {
      const c = contract({ stars: 5, privateScore: 8 });
      expect(classifyOne(c, AS_OF, { model }).outcome).toBe('neutral');
    });
  });

  describe('rule 3: stars (≥ 4.5 success, < 3.5 negative, else neutral)', () => {
    it.each([
      [5, 'success'],
      [4.5, 'success'],
      [4.49, 'neutral'],
      [3.5, 'neutral'],
      [3.49, 'negative'],
      [1, 'negative'],
    ] as const)('%s stars → %s', (stars, outcome) => {
      const c = contract({ stars });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome, reasonCode: 'stars' });
    });
  });

  describe('rule 3: a $0 contract with negative feedback stays negative', () => {
    it('$0 and 2 stars is negative', () => {
      const c = contract({ earnings: 0, stars: 2 });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'negative', reasonCode: 'stars' });
    });

    it('$0 and private feedback 5 is negative', () => {
      const c = contract({ earnings: 0, stars: null, privateScore: 5 });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'negative', reasonCode: 'private-feedback' });
    });
  });

  describe('rule 4: $0 and no feedback', () => {
    it('client_unresponsive is excluded, however long the contract ran', () => {
      // start 2023-01-01, end 2023-12-01: far beyond the 60 grace days, still excluded.
      const c = contract({
        earnings: 0,
        stars: null,
        start: '2023-01-01',
        end: '2023-12-01',
        endReason: 'client_unresponsive',
      });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({
        outcome: 'excluded',
        reasonCode: 'client-unresponsive',
      });
    });

    it('closed exactly 60 days after its start is excluded ("closed quickly")', () => {
      // 2024-01-01 → 2024-03-01 = 31 + 29 (leap February) = 60 days ≤ 60.
      const c = contract({ earnings: 0, stars: null, start: '2024-01-01', end: '2024-03-01' });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'excluded', reasonCode: 'closed-quickly' });
    });

    it('open exactly 60 days after its start is excluded ("too new")', () => {
      // as-of 2024-03-01 − start 2024-01-01 = 60 days ≤ 60.
      const c = contract({ earnings: 0, stars: null, start: '2024-01-01', end: null });
      expect(classifyOne(c, '2024-03-01', { model })).toMatchObject({ outcome: 'excluded', reasonCode: 'too-new' });
    });
  });

  describe('rule 5: paid, no feedback', () => {
    it('closed, first payment + 3 months = last payment exactly: long-term success', () => {
      // no payments: first = start 2024-01-15, last = end 2024-04-15; 2024-01-15 + 3 months = 2024-04-15 ≤ 2024-04-15.
      const c = contract({ stars: null, earnings: 500, start: '2024-01-15', end: '2024-04-15' });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'success', reasonCode: 'long-term' });
    });

    it('closed, payments 3 months apart exactly: long-term success', () => {
      // first payment 2024-02-10 + 3 months = 2024-05-10 ≤ last payment 2024-05-10.
      const c = contract({
        stars: null,
        earnings: 200,
        start: '2024-01-01',
        end: '2024-06-01',
        payments: [
          { date: '2024-02-10', amount: 100 },
          { date: '2024-05-10', amount: 100 },
        ],
      });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'success', reasonCode: 'long-term' });
    });

    it('closed, long-term at a month end: 31 Jan + 3 months = 30 Apr', () => {
      // 2024-01-31 + 3 months = 2024-04-31 → clamped to 2024-04-30 ≤ end 2024-04-30 → long-term.
      const c = contract({ stars: null, earnings: 500, start: '2024-01-31', end: '2024-04-30' });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'success', reasonCode: 'long-term' });
      // end 2024-04-29 < 2024-04-30 → not long-term: missing feedback.
      expect(classifyOne({ ...c, end: '2024-04-29' }, AS_OF, { model }).reasonCode).toBe('missing-feedback');
    });

    it('open long-term work with the last payment exactly 90 days ago is a success', () => {
      // 2024-01-15 + 3 months = 2024-04-15 ≤ last payment 2024-04-15; as-of 2024-07-14 − 2024-04-15 = 90 days ≤ 90.
      const c = contract({ stars: null, earnings: 500, start: '2024-01-15', end: null, lastPayment: '2024-04-15' });
      expect(classifyOne(c, '2024-07-14', { model })).toMatchObject({ outcome: 'success', reasonCode: 'long-term' });
    });

    it('open, not long-term, last payment exactly 90 days ago: excluded as in progress', () => {
      // first = start 2024-03-15, + 3 months = 2024-06-15 > last payment 2024-04-01: not long-term.
      // as-of 2024-06-30 − 2024-04-01 = 90 days ≤ 90 → in progress.
      const c = contract({ stars: null, earnings: 300, start: '2024-03-15', end: null, lastPayment: '2024-04-01' });
      expect(classifyOne(c, '2024-06-30', { model })).toMatchObject({ outcome: 'excluded', reasonCode: 'in-progress' });
    });

    it('open and paid with no payment dates is taken as paid on the as-of date: in progress', () => {
      // last payment = as-of 2024-06-30 (0 days ago); first = start 2024-06-01 + 3 months = 2024-09-01 > 2024-06-30.
      const c = contract({ stars: null, earnings: 300, start: '2024-06-01', end: null });
      expect(classifyOne(c, AS_OF, { model })).toMatchObject({ outcome: 'excluded', reasonCode: 'in-progress' });
    });

    it('open and paid with no payment dates, started exactly 3 months ago: long-term success', () => {
      // first = start 2024-03-30, last = as-of 2024-06-30; 2024-03-30 + 3 months = 2024-06-30 ≤ 2024-06-30.
      const c = contract({ stars: null, earnings: 300, start: '2024-03-30', end: null });
      expect(classifyOne(c, '2024-06-30', { model })).toMatchObject({ outcome: 'success', reasonCode: 'long-term' });
      // one day earlier: 2024-06-30 > 2024-06-29 → not long-term, in progress.
      expect(classifyOne(c, '2024-06-29', { model })).toMatchObject({ outcome: 'excluded', reasonCode: 'in-progress' });
    });
  });
});

describe('Step 1: rules that differ between the presets', () => {
  describe('rule 3, "$0 with positive feedback"', () => {
    it('$0 with 5 stars: upwork-2025 excluded, upwork-2015 success', () => {
      const c = contract({ earnings: 0, stars: 5 });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2025' })).toMatchObject({
        outcome: 'excluded',
        reasonCode: 'zero-earnings-positive-feedback',
      });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2015' })).toMatchObject({
        outcome: 'success',
        reasonCode: 'stars',
      });
    });

    it('$0 with neutral feedback (4 stars): upwork-2025 excluded, upwork-2015 neutral', () => {
      const c = contract({ earnings: 0, stars: 4 });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2025' })).toMatchObject({
        outcome: 'excluded',
        reasonCode: 'zero-earnings-positive-feedback',
      });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2015' }).outcome).toBe('neutral');
    });

    it('$0 with private feedback 9: upwork-2025 excluded, upwork-2015 success', () => {
      const c = contract({ earnings: 0, stars: null, privateScore: 9 });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2025' }).outcome).toBe('excluded');
      expect(classifyOne(c, AS_OF, { model: 'upwork-2015' }).outcome).toBe('success');
    });

    it('earnings of one cent with 5 stars is a success in upwork-2025 (only $0 is left out)', () => {
      const c = contract({ earnings: 0.01, stars: 5 });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2025' }).outcome).toBe('success');
    });
  });

  describe('rule 4, $0 and no feedback past the grace period', () => {
    it('closed 61 days after its start counts: upwork-2015 negative, upwork-2025 excluded', () => {
      // 2024-01-01 → 2024-03-02 = 61 days > 60: not "closed quickly".
      const c = contract({ earnings: 0, stars: null, start: '2024-01-01', end: '2024-03-02' });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2015' })).toMatchObject({
        outcome: 'negative',
        reasonCode: 'no-activity',
      });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2025' })).toMatchObject({
        outcome: 'excluded',
        reasonCode: 'no-activity',
      });
    });

    it('open 61 days after its start: upwork-2015 negative, upwork-2025 excluded', () => {
      // as-of 2024-03-02 − 2024-01-01 = 61 days > 60: no longer "too new".
      const c = contract({ earnings: 0, stars: null, start: '2024-01-01', end: null });
      expect(classifyOne(c, '2024-03-02', { model: 'upwork-2015' })).toMatchObject({
        outcome: 'negative',
        reasonCode: 'no-activity',
      });
      expect(classifyOne(c, '2024-03-02', { model: 'upwork-2025' })).toMatchObject({
        outcome: 'excluded',
        reasonCode: 'no-activity',
      });
    });
  });

  describe('rule 5, open and paid with no payment for more than 90 days ("stale")', () => {
    it('open long-term work with the last payment 91 days ago is no longer a success', () => {
      // long-term by dates (2024-01-15 + 3 months = 2024-04-15 ≤ 2024-04-15), but 2024-07-15 − 2024-04-15 = 91 days > 90.
      const c = contract({ stars: null, earnings: 500, start: '2024-01-15', end: null, lastPayment: '2024-04-15' });
      expect(classifyOne(c, '2024-07-15', { model: 'upwork-2015' })).toMatchObject({
        outcome: 'negative',
        reasonCode: 'stale',
      });
      expect(classifyOne(c, '2024-07-15', { model: 'upwork-2025' })).toMatchObject({
        outcome: 'excluded',
        reasonCode: 'stale',
      });
    });

    it('open, not long-term, last payment 91 days ago: upwork-2015 negative, upwork-2025 excluded', () => {
      // 2024-07-01 − 2024-04-01 = 91 days > 90.
      const c = contract({ stars: null, earnings: 300, start: '2024-03-15', end: null, lastPayment: '2024-04-01' });
      expect(classifyOne(c, '2024-07-01', { model: 'upwork-2015' })).toMatchObject({
        outcome: 'negative',
        reasonCode: 'stale',
      });
      expect(classifyOne(c, '2024-07-01', { model: 'upwork-2025' })).toMatchObject({
        outcome: 'excluded',
        reasonCode: 'stale',
      });
    });
  });

  describe('rule 5, closed without feedback and paid for less than 3 months ("missing feedback")', () => {
    it('a day short of 3 months is not long-term: upwork-2025 excluded', () => {
      // 2024-01-15 + 3 months = 2024-04-15 > last payment = end 2024-04-14.
      const c = contract({ id: 'M', stars: null, earnings: 500, start: '2024-01-15', end: '2024-04-14' });
      expect(classifyOne(c, AS_OF, { model: 'upwork-2025' })).toMatchObject({
        outcome: 'excluded',
        reasonCode: 'missing-feedback',
      });
    });

    it('a day short of 3 months is not long-term: upwork-2015 neutral while missing feedback is ≤ 30%', () => {
      // M plus 3 successes from other clients: 1 missing of 4 counted = 25% ≤ 30% → neutral.
      const contracts = [
        contract({ id: 'M', stars: null, earnings: 500, start: '2024-01-15', end: '2024-04-14' }),
        success('S1', 'B', '2024-05-01'),
        success('S2', 'C', '2024-05-02'),
        success('S3', 'D', '2024-05-03'),
      ];
      const report = score(contracts, AS_OF, { model: 'upwork-2015' });
      expect(reportOf(report, 'M')).toMatchObject({ outcome: 'neutral', reasonCode: 'missing-feedback' });
      // 6m: S = 3, neutral = 1, T = 4 → 100 × 3 / 4 = 75.
      expect(report.windows['6m'].score).toBe(75);
    });
  });
});

describe('Step 1, rule 5: the 30% share of missing feedback (upwork-2015)', () => {
  // All contracts end in May 2024, inside every window on 2024-06-30, each from its own client.
  const successes = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      success(`S${i + 1}`, `Client S${i + 1}`, `2024-05-${String(i + 1).padStart(2, '0')}`),
    );
  const missing = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      missingFeedback(`M${i + 1}`, `Client M${i + 1}`, `2024-05-${String(i + 11).padStart(2, '0')}`),
    );

  it('exactly 30% (3 of 10 counted contracts) is not more than 30%: they stay neutral', () => {
    const report = score([...successes(7), ...missing(3)], AS_OF, { model: 'upwork-2015' });
    // S = 7, neutral = 3, N = 0, T = 10 → 100 × 7 / 10 = 70.
    expect(report.windows['6m']).toMatchObject({ successes: 7, negatives: 0, neutrals: 3, total: 10, score: 70 });
    expect(report.score).toBe(70);
    expect(reportOf(report, 'M1')).toMatchObject({ outcome: 'neutral', reasonCode: 'missing-feedback' });
  });

  it('40% (4 of 10) is more than 30%: every one of them is negative', () => {
    const report = score([...successes(6), ...missing(4)], AS_OF, { model: 'upwork-2015' });
    // S = 6, N = 4, T = 10 → 100 × (6 − 4) / 10 = 20.
    expect(report.windows['6m']).toMatchObject({ successes: 6, negatives: 4, neutrals: 0, total: 10, score: 20 });
    expect(report.score).toBe(20);
    for (const id of ['M1', 'M2', 'M3', 'M4']) expect(reportOf(report, id).outcome).toBe('negative');
  });

  it('the share is of non-excluded contracts: 3 missing of 9 counted (+1 excluded) is 33% > 30%', () => {
    const flagged = success('X', 'Flagged client', '2024-05-20', { clientFlagged: true });
    const report = score([...successes(6), ...missing(3), flagged], AS_OF, { model: 'upwork-2015' });
    // counted: 6 successes + 3 missing = 9; 3 / 9 = 33.3% > 30% → negative. S = 6, N = 3, T = 9 → 100 × 3 / 9 = 33.33.
    expect(report.windows['6m'].outcomes).toBe(9);
    expect(report.windows['6m'].score).toBeCloseTo(33.333, 3);
    expect(report.score).toBe(33);
    expect(reportOf(report, 'M1').outcome).toBe('negative');
    expect(reportOf(report, 'X').outcome).toBe('excluded');
  });

  it('the share is decided per window: 2 of 4 in the 6-month window, 2 of 10 in the 12-month window', () => {
    // 6m (ends ≥ 2023-12-30): S1, S2, M1, M2. 12m adds six successes that ended in September 2023.
    const older = Array.from({ length: 6 }, (_, i) => success(`O${i + 1}`, `Client O${i + 1}`, `2023-09-0${i + 1}`));
    const contracts = [...successes(2), ...missing(2), ...older];
    const report = score(contracts, AS_OF, { model: 'upwork-2015' });
    // 6m: 2 / 4 = 50% > 30% → S = 2, N = 2, T = 4 → 0.
    expect(report.windows['6m']).toMatchObject({ successes: 2, negatives: 2, neutrals: 0, score: 0, eligible: true });
    // 12m: 2 / 10 = 20% ≤ 30% → S = 8, neutral = 2, T = 10 → 80.
    expect(report.windows['12m']).toMatchObject({ successes: 8, negatives: 0, neutrals: 2, score: 80, eligible: true });
    expect(report.score).toBe(80);
    expect(report.window).toBe('12m');
    // Outcomes are reported as counted in the displayed (12-month) window.
    expect(report.contractsWindow).toBe('12m');
    expect(reportOf(report, 'M1').outcome).toBe('neutral');
  });

  it('upwork-2025 leaves missing feedback out entirely', () => {
    const report = score([...successes(6), ...missing(4)], AS_OF, { model: 'upwork-2025' });
    // counted: 6 successes of weight 1 → S = 6, T = 6 → 100.
    expect(report.windows['6m']).toMatchObject({ outcomes: 6, successes: 6, total: 6, score: 100 });
    expect(reportOf(report, 'M1')).toMatchObject({ outcome: 'excluded', reasonCode: 'missing-feedback' });
  });
});

describe('Derived dates', () => {
  it('first payment is the earliest payment (not the start), last payment the latest (not the end)', () => {
    // payments out of order: earliest 2024-03-02, latest 2024-06-01. 2024-03-02 + 3 months = 2024-06-02 > 2024-06-01:
    // not long-term (from the start 2024-01-01, or to the end 2024-07-01, it would be).
    const shortPaid = contract({
      stars: null,
      earnings: null,
      start: '2024-01-01',
      end: '2024-07-01',
      payments: [
        { date: '2024-06-01', amount: 50 },
        { date: '2024-03-02', amount: 50 },
      ],
    });
    expect(classifyOne(shortPaid, '2024-07-31')).toMatchObject({ outcome: 'excluded', reasonCode: 'missing-feedback' });
    // latest payment one day later: 2024-06-02 ≤ 2024-06-02 → long-term.
    const longPaid = {
      ...shortPaid,
      payments: [
        { date: '2024-06-02', amount: 50 },
        { date: '2024-03-02', amount: 50 },
      ],
    };
    expect(classifyOne(longPaid, '2024-07-31')).toMatchObject({ outcome: 'success', reasonCode: 'long-term' });
  });

  it('first payment is the start when no payments are listed', () => {
    // first = start 2024-01-01, last = lastPayment 2024-04-01; 2024-01-01 + 3 months = 2024-04-01 ≤ 2024-04-01.
    const c = contract({
      stars: null,
      earnings: 500,
      start: '2024-01-01',
      end: '2024-12-01',
      lastPayment: '2024-04-01',
    });
    expect(classifyOne(c, '2024-12-31')).toMatchObject({ outcome: 'success', reasonCode: 'long-term' });
  });

  it('lastPayment is used before the end of a closed contract', () => {
    // last = lastPayment 2024-03-31 (not end 2024-12-01); 2024-01-01 + 3 months = 2024-04-01 > 2024-03-31.
    const c = contract({
      stars: null,
      earnings: 500,
      start: '2024-01-01',
      end: '2024-12-01',
      lastPayment: '2024-03-31',
    });
    expect(classifyOne(c, '2024-12-31')).toMatchObject({ outcome: 'excluded', reasonCode: 'missing-feedback' });
  });

  it('listed payments are used before lastPayment', () => {
    // latest payment 2024-02-01 (lastPayment 2024-06-01 is ignored); 2024-01-01 + 3 months = 2024-04-01 > 2024-02-01.
    const c = contract({
      stars: null,
      earnings: 200,
      start: '2024-01-01',
      end: '2024-06-01',
      lastPayment: '2024-06-01',
      payments: [
        { date: '2024-01-01', amount: 100 },
        { date: '2024-02-01', amount: 100 },
      ],
    });
    expect(classifyOne(c, '2024-06-30')).toMatchObject({ outcome: 'excluded', reasonCode: 'missing-feedback' });
  });

  it('the end is the last payment of a closed paid contract without payment dates', () => {
    // last = end 2024-04-01; 2024-01-01 + 3 months = 2024-04-01 ≤ 2024-04-01.
    const c = contract({ stars: null, earnings: 500, start: '2024-01-01', end: '2024-04-01' });
    expect(classifyOne(c, '2024-06-30')).toMatchObject({ outcome: 'success', reasonCode: 'long-term' });
    // end a day earlier: 2024-04-01 > 2024-03-31 → missing feedback.
    expect(classifyOne({ ...c, end: '2024-03-31' }, '2024-06-30').reasonCode).toBe('missing-feedback');
  });

  it('earnings are the sum of payments when earnings are absent', () => {
    // 100 + 200 = 300 > 250 → tier weight 1.25 (upwork-2025); payment dates 10 days apart, no duration bonus.
    const over = contract({
      earnings: null,
      start: '2024-05-01',
      end: '2024-05-30',
      payments: [
        { date: '2024-05-10', amount: 100 },
        { date: '2024-05-20', amount: 200 },
      ],
    });
    expect(classifyOne(over, AS_OF).weight).toBe(1.25);
    // 100 + 150 = 250 ≤ 250 → weight 1.
    const atTier = {
      ...over,
      payments: [
        { date: '2024-05-10', amount: 100 },
        { date: '2024-05-20', amount: 150 },
      ],
    };
    expect(classifyOne(atTier, AS_OF).weight).toBe(1);
  });

  it('a contract with payments but no earnings field is paid (rule 5), not "no activity" (rule 4)', () => {
    // open, no feedback, paid 50 on 2024-06-10 (20 days before the as-of date) → in progress; a $0 contract would be "too new".
    const c = contract({
      stars: null,
      earnings: null,
      start: '2024-06-01',
      end: null,
      payments: [{ date: '2024-06-10', amount: 50 }],
    });
    expect(classifyOne(c, AS_OF)).toMatchObject({ outcome: 'excluded', reasonCode: 'in-progress' });
  });

  it('a contract with no earnings and no payments is a $0 contract', () => {
    // open 29 days (2024-06-01 → 2024-06-30) with nothing paid → "too new".
    const c = contract({ stars: null, earnings: null, start: '2024-06-01', end: null });
    expect(classifyOne(c, AS_OF)).toMatchObject({ outcome: 'excluded', reasonCode: 'too-new' });
  });

  it('a $0 contract has no last payment: a long open $0 contract is never long-term work', () => {
    // start 2023-01-01, open, $0: rule 4 applies (no payment at all), 2015 → negative "no activity", never "long-term".
    const c = contract({ stars: null, earnings: 0, start: '2023-01-01', end: null });
    expect(classifyOne(c, AS_OF, { model: 'upwork-2015' })).toMatchObject({
      outcome: 'negative',
      reasonCode: 'no-activity',
    });
  });
});
