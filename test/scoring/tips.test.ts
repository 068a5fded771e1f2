import { describe, expect, it } from 'vitest';
import { forecastContracts, scoreContracts, tipsFor, type Contract, type Tip } from '../../src/scoring/index.ts';

const AS_OF = '2026-11-22';

function c(fields: Partial<Contract> & Pick<Contract, 'id' | 'client' | 'start'>): Contract {
  return { type: 'hourly', ...fields };
}

function ofKind(tips: Tip[], kind: Tip['kind']): Tip[] {
  return tips.filter((tip) => tip.kind === kind);
}

describe('tips', () => {
  it('close-inactive (2015): an open $0 contract nearing its 60-day grace limit, urgent within 14 days', () => {
    // start 2026-09-30 + 60 days = 2026-11-29: the last day it is "too new"; 7 days ahead → urgent.
    const contracts = [c({ id: 'idle', client: 'Acme', start: '2026-09-30' })];
    const [tip] = ofKind(tipsFor(contracts, AS_OF, { model: 'upwork-2015' }), 'close-inactive');
    expect(tip).toMatchObject({ priority: 'urgent', date: '2026-11-29', contractId: 'idle', client: 'Acme' });
    expect(tip?.text).toContain('End idle (Acme) by 2026-11-29');
    // Under 2025 rules such a contract never counts, so there is nothing to warn about.
    expect(ofKind(tipsFor(contracts, AS_OF), 'close-inactive')).toEqual([]);
  });

  it('record-payment: an open paid contract whose last payment nears 90 days', () => {
    // last paid 2026-10-01 + 90 = 2026-12-30, 38 days ahead → soon; long-term success until then.
    const contracts = [
      c({
        id: 'ret',
        client: 'Acme',
        start: '2026-05-01',
        earnings: 3000,
        payments: [
          { date: '2026-05-15', amount: 1500 },
          { date: '2026-10-01', amount: 1500 },
        ],
      }),
    ];
    const [tip] = ofKind(tipsFor(contracts, AS_OF), 'record-payment');
    expect(tip).toMatchObject({ priority: 'soon', date: '2026-12-30', contractId: 'ret' });
    expect(tip?.text).toContain('last paid 2026-10-01: with no payment by 2026-12-30 it stops counting');
    const [stale] = ofKind(tipsFor(contracts, AS_OF, { model: 'upwork-2015' }), 'record-payment');
    expect(stale?.text).toContain('it counts as negative');
  });

  it('ask-feedback: names the score that 5 stars on a contract without feedback would give', () => {
    const contracts = [
      c({ id: 'a', client: 'Acme', start: '2026-01-05', end: '2026-02-01', earnings: 500, stars: 5 }),
      c({ id: 'b', client: 'Beta', start: '2026-03-01', end: '2026-04-01', earnings: 500, stars: 2 }),
      c({ id: 'quiet', client: 'Corvid', start: '2026-08-01', end: '2026-09-01', earnings: 500 }),
    ];
    const now = scoreContracts(contracts, AS_OF).score;
    const withStars = scoreContracts(
      contracts.map((x) => (x.id === 'quiet' ? { ...x, stars: 5 } : x)),
      AS_OF,
    ).score;
    // S = 1.25, N = 1.25 → 0%; with 5 stars S = 2.5 of T = 3.75 → (2.5 − 1.25) / 3.75 = 33.3 → 33%.
    expect([now, withStars]).toEqual([0, 33]);
    const [tip] = ofKind(tipsFor(contracts, AS_OF), 'ask-feedback');
    expect(tip).toMatchObject({ contractId: 'quiet', client: 'Corvid' });
    expect(tip?.text).toBe('Ask Corvid for feedback on quiet: 5 stars would take your score from 0% to 33%.');
  });

  it('becomes-long-term: only for a client with paid work in progress, with the new percentage', () => {
    const contracts = [
      c({ id: 'old', client: 'Acme', start: '2026-01-05', end: '2026-06-30', earnings: 900, stars: 5 }),
      c({ id: 'new', client: 'Beta', start: '2026-10-10', earnings: 400, lastPayment: '2026-11-15' }),
      c({ id: 'idle', client: 'Corvid', start: '2026-11-01' }),
    ];
    const tips = ofKind(tipsFor(contracts, AS_OF), 'becomes-long-term').filter((tip) => tip.contractId === null);
    // Acme is long-term; Beta (1 of 2 now = 50%) becomes long-term on 2027-01-10 → 2 of 2 = 100%.
    expect(tips).toHaveLength(1);
    expect(tips[0]).toMatchObject({ client: 'Beta', date: '2027-01-10' });
    expect(tips[0]?.text).toContain('from 50% to 100%');
  });

  it('score-change: the first forecast changes, as dated tips', () => {
    const contracts = [
      c({ id: 'a', client: 'Acme', start: '2025-12-01', end: '2026-01-10', earnings: 500, stars: 1 }),
      c({ id: 'b', client: 'Beta', start: '2026-03-01', end: '2026-04-01', earnings: 500, stars: 5 }),
      c({ id: 'd', client: 'Delta', start: '2026-05-01', end: '2026-06-01', earnings: 500, stars: 5 }),
    ];
    const changes = forecastContracts(contracts, AS_OF).changes;
    const tips = ofKind(tipsFor(contracts, AS_OF), 'score-change');
    // 12m: a (N 1.25), b, d (S 2.5) of T 3.75 → 33%; a leaves the 12m window on 2026-01-10 + 12 months + 1 day.
    expect(changes[0]).toMatchObject({ date: '2027-01-11', score: 100 });
    expect(tips.map((tip) => tip.date)).toEqual(changes.slice(0, 3).map((change) => change.date));
    expect(tips[0]?.text).toBe(`On ${changes[0]?.date} your score ${changes[0]?.reason}.`);
  });

  it('get-a-score and reach-target', () => {
    const one = [c({ id: 'a', client: 'Acme', start: '2026-01-05', end: '2026-03-01', earnings: 500, stars: 5 })];
    const [noScore] = ofKind(tipsFor(one, AS_OF), 'get-a-score');
    expect(noScore?.text).toContain('you need 1 more counted contract and 1 more client');
    const mixed = [
      ...one,
      c({ id: 'b', client: 'Beta', start: '2026-03-01', end: '2026-04-01', earnings: 500, stars: 4 }),
    ];
    const [target] = ofKind(tipsFor(mixed, AS_OF), 'reach-target');
    expect(target?.text).toMatch(/^\d+ new successful contracts? of \$500 each/);
  });

  it.each([
    [[], 'No client paid you in the past year'],
    [
      [c({ id: 'a', client: 'A', start: '2026-03-01', end: '2026-03-20', earnings: 100, stars: 5 })],
      'Early in a freelance career that is normal',
    ],
    [
      [c({ id: 'a', client: 'A', start: '2026-01-01', end: '2026-06-20', earnings: 100, stars: 5 })],
      'That is a strong base',
    ],
    [
      [
        c({ id: 'first', client: 'Old', start: '2024-01-02', end: '2024-02-01', earnings: 100, stars: 5 }),
        ...Array.from({ length: 8 }, (_, i) =>
          c({ id: `n${i}`, client: `New ${i}`, start: '2026-06-01', end: '2026-06-20', earnings: 100, stars: 5 }),
        ),
      ],
      'With many new clients a year, a low share fits your strategy',
    ],
    [
      [
        c({ id: 'first', client: 'Old', start: '2024-01-02', end: '2024-02-01', earnings: 100, stars: 5 }),
        c({ id: 'n', client: 'New', start: '2026-06-01', end: '2026-06-20', earnings: 100, stars: 5 }),
      ],
      'can point to client management',
    ],
  ])('long-term context reads the score by career stage and strategy (%#)', (contracts, expected) => {
    const [tip] = ofKind(tipsFor(contracts, AS_OF), 'long-term-context');
    expect(tip?.text).toContain(expected);
  });

  it('orders urgent before soon before info', () => {
    const contracts = [
      c({ id: 'idle', client: 'Acme', start: '2026-09-30' }),
      c({
        id: 'ret',
        client: 'Beta',
        start: '2026-05-01',
        earnings: 3000,
        payments: [
          { date: '2026-05-15', amount: 1500 },
          { date: '2026-10-01', amount: 1500 },
        ],
      }),
    ];
    const order = { urgent: 0, soon: 1, info: 2 };
    const priorities = tipsFor(contracts, AS_OF, { model: 'upwork-2015' }).map((tip) => order[tip.priority]);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(priorities[0]).toBe(0);
  });
});
