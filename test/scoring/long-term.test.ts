// The long-term client score of default-model.md: clients of the past year (a contract whose
// last payment is ≥ as-of − 12 months); long-term when, across all of the client's contracts,
// earliest start → latest of (last payment, end, as-of while open) is ≥ 3 calendar months;
// score = round(100 × long-term clients / clients of the past year); none without clients.

import { describe, expect, it } from 'vitest';
import type { ClientLongTermReport, LongTermReport } from '../../src/scoring/index.ts';
import { contract, score, success } from './fixtures.ts';

const AS_OF = '2024-06-30';

function longTermOf(contracts: Parameters<typeof score>[0], asOf = AS_OF): LongTermReport {
  return score(contracts, asOf).longTerm;
}

function clientOf(report: LongTermReport, name: string): ClientLongTermReport {
  const found = report.byClient.find((candidate) => candidate.client === name);
  if (!found) throw new Error(`no client ${name}`);
  return found;
}

describe('Long-term client score', () => {
  it("seed 000's 25%: one long-term client of four", () => {
    const report = longTermOf([
      // A: 2024-01-01 → 2024-05-01; + 3 months = 2024-04-01 ≤ 2024-05-01 → long-term.
      contract({ client: 'A', start: '2024-01-01', end: '2024-05-01', earnings: 1000 }),
      // B: 2024-05-01 → 2024-05-20 → not.
      contract({ client: 'B', start: '2024-05-01', end: '2024-05-20' }),
      // C: 2024-03-01 → 2024-04-15; + 3 months = 2024-06-01 > 2024-04-15 → not.
      contract({ client: 'C', start: '2024-03-01', end: '2024-04-15' }),
      // D: open since 2024-06-01, until the as-of date 2024-06-30 → not.
      contract({ client: 'D', start: '2024-06-01', end: null, stars: null, earnings: 300 }),
    ]);
    // 100 × 1 / 4 = 25.
    expect(report).toMatchObject({ percent: 25, clients: 4, longTermClients: 1 });
    expect(clientOf(report, 'A')).toMatchObject({
      longTerm: true,
      inPastYear: true,
      since: '2024-01-01',
      until: '2024-05-01',
      months: 4,
    });
    expect(clientOf(report, 'D')).toMatchObject({ longTerm: false, ongoing: true, until: '2024-06-30' });
  });

  it('clients of the past year: last payment exactly 12 months before the as-of date is in, a day earlier is out', () => {
    const report = longTermOf([
      // E: last payment = end 2023-06-30 = 2024-06-30 − 12 months → in; 2023-01-01 + 3 months ≤ 2023-06-30 → long-term.
      contract({ client: 'E', start: '2023-01-01', end: '2023-06-30' }),
      // F: last payment 2023-06-29 < 2023-06-30 → not a client of the past year (though long-term).
      contract({ client: 'F', start: '2023-01-01', end: '2023-06-29' }),
      // G: recent, short → in, not long-term.
      contract({ client: 'G', start: '2024-05-01', end: '2024-05-20' }),
    ]);
    // base E, G; long-term E → 100 × 1 / 2 = 50.
    expect(report).toMatchObject({ percent: 50, clients: 2, longTermClients: 1 });
    expect(clientOf(report, 'F')).toMatchObject({ inPastYear: false, longTerm: true });
    expect(clientOf(report, 'E')).toMatchObject({ inPastYear: true, longTerm: true });
  });

  it('the past year is by payment: a $0 contract ending recently does not put a client in the base', () => {
    const report = longTermOf([
      contract({ client: 'A', start: '2024-05-01', end: '2024-05-20' }),
      contract({ client: 'Z', start: '2024-05-01', end: '2024-06-20', earnings: 0, stars: null }),
    ]);
    // base: A only, not long-term → 0 / 1 = 0.
    expect(report).toMatchObject({ percent: 0, clients: 1, longTermClients: 0 });
    expect(clientOf(report, 'Z').inPastYear).toBe(false);
  });

  it('the span runs across all of a client’s contracts (names trimmed, case-insensitive)', () => {
    const contracts = [
      contract({ client: 'Globex', start: '2024-01-10', end: '2024-02-10' }),
      contract({ client: ' globex ', start: '2024-03-01', end: '2024-04-10' }),
    ];
    // since 2024-01-10 (earliest start), until 2024-04-10 (latest end); + 3 months = 2024-04-10 ≤ → long-term.
    const exact = longTermOf(contracts);
    expect(exact).toMatchObject({ percent: 100, clients: 1, longTermClients: 1 });
    expect(exact.byClient).toHaveLength(1);
    expect(exact.byClient[0]).toMatchObject({ longTerm: true, since: '2024-01-10', until: '2024-04-10', months: 3 });
    // second contract ends a day earlier, 2024-04-09 < 2024-04-10 → not long-term (2 whole months).
    const short = longTermOf([contracts[0] ?? contract(), { ...(contracts[1] ?? contract()), end: '2024-04-09' }]);
    expect(short).toMatchObject({ percent: 0, clients: 1, longTermClients: 0 });
    expect(short.byClient[0]).toMatchObject({ longTerm: false, months: 2 });
  });

  it('an older contract with a client of the past year counts from its start', () => {
    // H paid in 2024-06 (in the base); its earliest start 2022-01-01 → until 2024-06-10 → long-term.
    const report = longTermOf([
      contract({ client: 'H', start: '2022-01-01', end: '2022-02-01' }),
      contract({ client: 'H', start: '2024-06-01', end: '2024-06-10' }),
    ]);
    expect(report).toMatchObject({ percent: 100, clients: 1, longTermClients: 1 });
    expect(report.byClient[0]).toMatchObject({ since: '2022-01-01', until: '2024-06-10' });
  });

  it('an open contract runs until the as-of date', () => {
    const open = contract({ client: 'Y', start: '2024-03-30', end: null, stars: null, earnings: 300 });
    // 2024-03-30 + 3 months = 2024-06-30 ≤ as-of 2024-06-30 → long-term.
    expect(longTermOf([open], '2024-06-30')).toMatchObject({ percent: 100, longTermClients: 1 });
    expect(longTermOf([open], '2024-06-30').byClient[0]).toMatchObject({
      ongoing: true,
      until: '2024-06-30',
      months: 3,
    });
    // as-of 2024-06-29 < 2024-06-30 → not yet.
    expect(longTermOf([open], '2024-06-29')).toMatchObject({ percent: 0, longTermClients: 0 });
  });

  it('a payment after the end extends the span (latest of last payment and end)', () => {
    // ended 2024-03-01 but last paid 2024-04-12: until 2024-04-12 ≥ 2024-01-10 + 3 months = 2024-04-10 → long-term.
    const late = contract({
      client: 'P',
      start: '2024-01-10',
      end: '2024-03-01',
      earnings: null,
      payments: [
        { date: '2024-01-20', amount: 50 },
        { date: '2024-04-12', amount: 50 },
      ],
    });
    expect(longTermOf([late])).toMatchObject({ percent: 100, longTermClients: 1 });
    expect(longTermOf([late]).byClient[0]?.until).toBe('2024-04-12');
    // paid within the contract only: until = end 2024-03-01 < 2024-04-10 → not long-term.
    const inside = {
      ...late,
      payments: [
        { date: '2024-01-20', amount: 50 },
        { date: '2024-02-20', amount: 50 },
      ],
    };
    expect(longTermOf([inside])).toMatchObject({ percent: 0, longTermClients: 0 });
    // the lastPayment field counts too: 2024-04-10 ≥ 2024-04-10 → long-term.
    const field = contract({ client: 'Q', start: '2024-01-10', end: '2024-02-01', lastPayment: '2024-04-10' });
    expect(longTermOf([field])).toMatchObject({ percent: 100, longTermClients: 1 });
  });

  it('no clients of the past year → no score', () => {
    expect(longTermOf([])).toMatchObject({ percent: null, clients: 0, longTermClients: 0 });
    // only an old client (last paid 2022-02-01) → none in the base.
    expect(longTermOf([contract({ client: 'Old', start: '2022-01-01', end: '2022-02-01' })]).percent).toBeNull();
    // only $0 contracts → no last payment → none in the base.
    expect(
      longTermOf([contract({ client: 'Z', earnings: 0, stars: null, start: '2024-01-01', end: '2024-05-01' })]).percent,
    ).toBeNull();
  });

  it('the score is rounded, halves up', () => {
    const short = (client: string) => contract({ client, start: '2024-05-01', end: '2024-05-20' });
    const long = (client: string) => contract({ client, start: '2024-01-01', end: '2024-05-01' });
    // 1 / 3 = 33.33 → 33.
    expect(longTermOf([long('A'), short('B'), short('C')]).percent).toBe(33);
    // 2 / 3 = 66.67 → 67.
    expect(longTermOf([long('A'), long('B'), short('C')]).percent).toBe(67);
    // 1 / 8 = 12.5 → 13.
    const eight = [long('A'), ...['B', 'C', 'D', 'E', 'F', 'G', 'H'].map(short)];
    expect(longTermOf(eight).percent).toBe(13);
  });

  it('longTermOn is the earliest start + 3 calendar months (clamped at month ends)', () => {
    // 2023-11-30 + 3 months = 2024-02-30 → 2024-02-29 (leap year).
    const report = longTermOf(
      [contract({ client: 'Z', start: '2023-11-30', end: null, stars: null, earnings: 100 })],
      '2024-01-15',
    );
    expect(report.byClient[0]).toMatchObject({ longTerm: false, longTermOn: '2024-02-29', since: '2023-11-30' });
    // 2024-01-31 + 3 months = 2024-04-31 → 2024-04-30.
    const april = longTermOf(
      [contract({ client: 'W', start: '2024-01-31', end: null, stars: null, earnings: 100 })],
      '2024-02-15',
    );
    expect(april.byClient[0]?.longTermOn).toBe('2024-04-30');
    // on 2024-04-30 it is long-term: 2024-04-30 ≤ 2024-04-30.
    const reached = longTermOf(
      [contract({ client: 'W', start: '2024-01-31', end: null, stars: null, earnings: 100 })],
      '2024-04-30',
    );
    expect(reached.byClient[0]).toMatchObject({ longTerm: true, longTermOn: '2024-04-30' });
  });

  it('does not lower the Job Success Score: a 0% long-term client score leaves 100% JSS', () => {
    const report = score([success('A', 'A', '2024-06-01'), success('B', 'B', '2024-06-02')], AS_OF);
    expect(report.longTerm.percent).toBe(0);
    expect(report.score).toBe(100);
  });
});
