// Every *(param)* of default-model.md can be overridden per call ({ model, params }); the
// override changes the result as the rule says, and does not leak into later calls.

import { describe, expect, it } from 'vitest';
import { PRESETS, resolveModel } from '../../src/scoring/index.ts';
import { classifyOne, contract, missingFeedback, score, success } from './fixtures.ts';

const AS_OF = '2024-06-30';

describe('parameter overrides per call', () => {
  it('graceDays: 30 makes a $0 contract closed after 45 days count (upwork-2015)', () => {
    // 2024-01-01 → 2024-02-15 = 45 days: ≤ 60 → closed quickly (default); > 30 → negative "no activity".
    const c = contract({ earnings: 0, stars: null, start: '2024-01-01', end: '2024-02-15' });
    expect(classifyOne(c, AS_OF, { model: 'upwork-2015' })).toMatchObject({
      outcome: 'excluded',
      reasonCode: 'closed-quickly',
    });
    expect(classifyOne(c, AS_OF, { model: 'upwork-2015', params: { graceDays: 30 } })).toMatchObject({
      outcome: 'negative',
      reasonCode: 'no-activity',
    });
  });

  it('graceDays: 30 ends an open $0 contract\'s "too new" period after 30 days (upwork-2015)', () => {
    // as-of 2024-01-31 − 2024-01-01 = 30 days ≤ 30 → too new; 2024-02-01 → 31 days → negative.
    const c = contract({ earnings: 0, stars: null, start: '2024-01-01', end: null });
    const params = { graceDays: 30 };
    expect(classifyOne(c, '2024-01-31', { model: 'upwork-2015', params }).reasonCode).toBe('too-new');
    expect(classifyOne(c, '2024-02-01', { model: 'upwork-2015', params }).outcome).toBe('negative');
  });

  it('starsSuccessMin: 4.8 makes 4.7 stars neutral', () => {
    const at47 = contract({ stars: 4.7 });
    expect(classifyOne(at47, AS_OF).outcome).toBe('success');
    expect(classifyOne(at47, AS_OF, { params: { starsSuccessMin: 4.8 } }).outcome).toBe('neutral');
    expect(classifyOne(contract({ stars: 4.8 }), AS_OF, { params: { starsSuccessMin: 4.8 } }).outcome).toBe('success');
  });

  it('starsNegativeBelow: 4 makes 3.9 stars negative', () => {
    const at39 = contract({ stars: 3.9 });
    expect(classifyOne(at39, AS_OF).outcome).toBe('neutral');
    expect(classifyOne(at39, AS_OF, { params: { starsNegativeBelow: 4 } }).outcome).toBe('negative');
  });

  it('privateSuccessMin: 10 and privateNegativeMax: 7 move the private-feedback cut-offs', () => {
    const params = { privateSuccessMin: 10, privateNegativeMax: 7 };
    expect(classifyOne(contract({ stars: null, privateScore: 9 }), AS_OF, { params }).outcome).toBe('neutral');
    expect(classifyOne(contract({ stars: null, privateScore: 7 }), AS_OF, { params }).outcome).toBe('negative');
    expect(classifyOne(contract({ stars: null, privateScore: 10 }), AS_OF, { params }).outcome).toBe('success');
  });

  it('activeDays: 30 makes an open paid contract last paid 40 days ago stale', () => {
    // last payment 2024-05-21: 2024-06-30 − 2024-05-21 = 40 days; ≤ 90 in progress, > 30 stale.
    const c = contract({ stars: null, earnings: 300, start: '2024-05-01', end: null, lastPayment: '2024-05-21' });
    expect(classifyOne(c, AS_OF).reasonCode).toBe('in-progress');
    expect(classifyOne(c, AS_OF, { params: { activeDays: 30 } })).toMatchObject({
      outcome: 'excluded',
      reasonCode: 'stale',
    });
    expect(classifyOne(c, AS_OF, { model: 'upwork-2015', params: { activeDays: 30 } })).toMatchObject({
      outcome: 'negative',
      reasonCode: 'stale',
    });
  });

  it('minOutcomes: 3 takes the score away from 2 contracts (upwork-2025)', () => {
    const contracts = [success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02')];
    expect(score(contracts, AS_OF).score).toBe(100);
    const report = score(contracts, AS_OF, { params: { minOutcomes: 3 } });
    expect(report.score).toBeNull();
    expect(report.noScore).toMatchObject({ missingOutcomes: 1, missingClients: 0 });
  });

  it('minOutcomes: 2 and minClients: 2 give upwork-2015 a score from 2 contracts', () => {
    // S = 1, N = 0, neutral 1 (4★): 100 × 1 / 2 = 50.
    const contracts = [
      success('A', 'A', '2024-06-01'),
      contract({ id: 'B', client: 'B', stars: 4, start: '2024-06-01', end: '2024-06-02' }),
    ];
    expect(score(contracts, AS_OF, { model: 'upwork-2015' }).score).toBeNull();
    expect(score(contracts, AS_OF, { model: 'upwork-2015', params: { minOutcomes: 2, minClients: 2 } }).score).toBe(50);
  });

  it('minClients: 1 lets one client make a score (upwork-2025)', () => {
    const contracts = [success('A1', 'A', '2024-06-01'), success('A2', 'A', '2024-06-02')];
    expect(score(contracts, AS_OF).score).toBeNull();
    expect(score(contracts, AS_OF, { params: { minClients: 1 } }).score).toBe(100);
  });

  it('missingFeedbackMaxShare: 0.5 keeps 4 missing of 10 neutral (upwork-2015)', () => {
    const contracts = [
      ...Array.from({ length: 6 }, (_, i) => success(`S${i}`, `S${i}`, `2024-05-0${i + 1}`)),
      ...Array.from({ length: 4 }, (_, i) => missingFeedback(`M${i}`, `M${i}`, `2024-05-1${i}`)),
    ];
    // default: 40% > 30% → S = 6, N = 4 → 20. With 0.5: 40% ≤ 50% → S = 6, neutral 4 → 60.
    expect(score(contracts, AS_OF, { model: 'upwork-2015' }).score).toBe(20);
    expect(score(contracts, AS_OF, { model: 'upwork-2015', params: { missingFeedbackMaxShare: 0.5 } }).score).toBe(60);
  });

  it('noActivityOutcome: "negative" makes upwork-2025 count a lapsed $0 contract', () => {
    // closed after 61 days with nothing paid and no feedback.
    const c = contract({ earnings: 0, stars: null, start: '2024-01-01', end: '2024-03-02' });
    expect(classifyOne(c, AS_OF).outcome).toBe('excluded');
    expect(classifyOne(c, AS_OF, { params: { noActivityOutcome: 'negative' } }).outcome).toBe('negative');
  });

  it('maxWeight: 4 lowers the cap', () => {
    // $5,000, 2022-01-01 → 2024-01-01: 1.5 + 8 → 8 by default; capped at 4.
    const c = contract({ earnings: 5000, start: '2022-01-01', end: '2024-01-01' });
    expect(classifyOne(c, AS_OF).weight).toBe(8);
    expect(classifyOne(c, AS_OF, { params: { maxWeight: 4 } }).weight).toBe(4);
  });

  it('overrides do not leak into the preset or later calls', () => {
    const c = contract({ stars: 4.7 });
    expect(classifyOne(c, AS_OF, { params: { starsSuccessMin: 4.8 } }).outcome).toBe('neutral');
    expect(classifyOne(c, AS_OF).outcome).toBe('success');
    expect(PRESETS['upwork-2025'].starsSuccessMin).toBe(4.5);
    expect(resolveModel({ params: { graceDays: 10 } }).params).toMatchObject({
      graceDays: 10,
      starsSuccessMin: 4.5,
      minOutcomes: 2,
    });
    expect(resolveModel({ model: 'upwork-2015' })).toMatchObject({
      name: 'upwork-2015',
      params: { minOutcomes: 4, minClients: 3 },
    });
  });

  it('the default model is upwork-2025', () => {
    expect(score([], AS_OF).model).toBe('upwork-2025');
    expect(resolveModel().name).toBe('upwork-2025');
  });
});
