// The daily reminder's content: which reminders are due on a member's day, from hand-built
// contract sets (expected numbers worked out by hand from docs/scoring-model.md), and properties
// over random valid members.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findReminders,
  forecastContracts,
  formatDay,
  MODEL_NAMES,
  parseDay,
  scoreContracts,
  type Contract,
  type ModelName,
  type Reminder,
} from '../../src/scoring/index.ts';
import { memberArb } from '../scoring/arbitraries.ts';

const OLD: { model: ModelName } = { model: 'upwork-2015' };

function c(fields: Partial<Contract> & Pick<Contract, 'id' | 'client' | 'start'>): Contract {
  return { type: 'hourly', ...fields };
}

function plusDays(date: string, days: number): string {
  return formatDay((parseDay(date) as number) + days);
}

function ofKind(reminders: Reminder[], kind: Reminder['kind']): Reminder[] {
  return reminders.filter((reminder) => reminder.kind === kind);
}

/** Four 5-star contracts from four clients, ended 2026-07-01: 100% in every 2015 window until 2027-01-02. */
const GOOD_2015 = ['Acme', 'Bolt', 'Cobalt', 'Delta'].map((client, index) =>
  c({ id: `s${index + 1}`, client, start: '2026-06-01', end: '2026-07-01', earnings: 100, stars: 5 }),
);

describe('findReminders: inactive-contract', () => {
  // Open, $0, no feedback, started 2026-10-01: "too new" through 2026-11-30 (start + 60 days),
  // negative (2015) from 2026-12-01.
  const idle = c({ id: 'C12', client: 'Echo', start: '2026-10-01' });
  const contracts = [...GOOD_2015, idle];

  it('warns 7 days before the grace period runs out, with the effect and what to do', () => {
    const reminders = findReminders(contracts, '2026-11-24', OLD);
    expect(reminders).toHaveLength(1);
    const [reminder] = reminders;
    // 4 successes and 1 negative: (4 − 1) / 5 = 60%.
    expect(reminder).toMatchObject({
      kind: 'inactive-contract',
      tone: 'warning',
      date: '2026-12-01',
      contractId: 'C12',
      client: 'Echo',
      effect: { from: 100, to: 60 },
    });
    expect(reminder?.text).toBe(
      'On 2026-12-01 (in 7 days) C12 (Echo) passes 60 days with no payment or feedback and counts as negative: your score falls from 100% to 60%.',
    );
    expect(reminder?.action).toContain('end it by 2026-11-30: "end C12"');
    expect(reminder?.action).toContain('"pay C12 amount:USD"');
  });

  it('warns again the day before, and is silent in between', () => {
    const [last] = findReminders(contracts, '2026-11-30', OLD);
    expect(last).toMatchObject({ kind: 'inactive-contract', date: '2026-12-01', contractId: 'C12' });
    expect(last?.text).toContain('(tomorrow)');
    expect(last?.action).toContain('end it by today (2026-11-30)');
    for (const asOf of [
      '2026-11-23',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-12-01',
    ]) {
      expect(findReminders(contracts, asOf, OLD), asOf).toEqual([]);
    }
  });

  it('says nothing under 2025 rules, where such a contract never counts', () => {
    expect(findReminders(contracts, '2026-11-24')).toEqual([]);
    expect(findReminders(contracts, '2026-11-30')).toEqual([]);
  });

  it('warns before an open long-term contract goes stale, and suggests recording a payment', () => {
    const paid = [
      // Paid 2026-05-15 → 2026-09-01: long-term success (weight 1.5 + 1 bonus = 2.5) through
      // 2026-11-30 (last payment + 90 days), then stops counting (2025).
      c({
        id: 'L',
        client: 'Acme',
        start: '2026-05-01',
        earnings: 3000,
        payments: [
          { date: '2026-05-15', amount: 1500 },
          { date: '2026-09-01', amount: 1500 },
        ],
      }),
      c({ id: 'B', client: 'Bolt', start: '2026-09-01', end: '2026-10-01', earnings: 500, stars: 5 }),
      c({ id: 'N', client: 'Cobalt', start: '2026-09-01', end: '2026-10-05', earnings: 500, stars: 1 }),
    ];
    // 3m = 6m: S 3.75, N 1.25 of T 5 → 50%. Without L: S 1.25, N 1.25 → 0%.
    const [week] = findReminders(paid, '2026-11-24');
    expect(week).toMatchObject({
      kind: 'inactive-contract',
      date: '2026-12-01',
      contractId: 'L',
      effect: { from: 50, to: 0 },
    });
    expect(week?.text).toBe(
      'On 2026-12-01 (in 7 days) L (Acme) has had no payment for 90 days (last paid 2026-09-01) and stops counting: your score falls from 50% to 0%.',
    );
    expect(week?.action).toBe(
      'If the work goes on, record the next payment by 2026-11-30: "pay L amount:USD". If it is over, end it ("end L") and ask Acme for feedback.',
    );
    expect(ofKind(findReminders(paid, '2026-11-30'), 'inactive-contract')).toHaveLength(1);
    expect(findReminders(paid, '2026-11-26')).toEqual([]);
    // 2015: it counts as negative instead.
    expect(findReminders(paid, '2026-11-24', OLD)[0]?.text).toContain('and counts as negative');
  });
});

describe('findReminders: leaves-window', () => {
  it('warns the day before a success leaves a window and the score falls', () => {
    const contracts = [
      // Ended exactly 24 months before 2026-11-22: in the 24-month window today, out tomorrow.
      c({ id: 'A', client: 'Acme', start: '2024-11-01', end: '2024-11-22', earnings: 100, stars: 5 }),
      c({ id: 'B', client: 'Bolt', start: '2026-08-01', end: '2026-09-01', earnings: 100, stars: 5 }),
      c({ id: 'C', client: 'Cobalt', start: '2026-08-01', end: '2026-09-10', earnings: 100, stars: 1 }),
    ];
    // 3m, 6m, 12m: S 1, N 1 → 0%; 24m: S 2, N 1 of 3 → 33.3% shown. Tomorrow 24m → 0%.
    expect(findReminders(contracts, '2026-11-22')).toEqual([
      {
        kind: 'leaves-window',
        tone: 'warning',
        date: '2026-11-23',
        contractId: 'A',
        client: 'Acme',
        text: 'On 2026-11-23 (tomorrow) your score falls from 33% to 0%: A (Acme, success) leaves the 24m window.',
        action: null,
        effect: { from: 33, to: 0 },
      },
    ]);
    // Nothing to act on, so no week-ahead warning.
    expect(findReminders(contracts, '2026-11-16')).toEqual([]);
  });
});

describe('findReminders: feedback-counts (2015)', () => {
  // X (negative) ended 2026-05-22 and leaves the 6-month window on 2026-11-23. Then M1 and M2,
  // without feedback, are 2 of the window's 6 contracts (33% > 30%) and count as negative.
  const contracts = [
    c({ id: 'X', client: 'Xeno', start: '2026-05-01', end: '2026-05-22', earnings: 100, stars: 1 }),
    ...['Acme', 'Bolt', 'Cobalt', 'Delta'].map((client, index) =>
      c({ id: `S${index + 1}`, client, start: '2026-08-01', end: '2026-09-01', earnings: 100, stars: 5 }),
    ),
    c({ id: 'M1', client: 'Echo', start: '2026-08-01', end: '2026-10-01', earnings: 100 }),
    c({ id: 'M2', client: 'Fox', start: '2026-08-01', end: '2026-10-05', earnings: 100 }),
  ];

  it('warns 7 days and 1 day before missing feedback counts against the member', () => {
    // Today 6m = 12m: S 4, N 1, neutral 2 of 7 → 42.9% → 43%. Tomorrow 6m: S 4, N 2 of 6 → 33%
    // (4 / 6 = 67% if M1 and M2 stayed neutral), 12m still 43%: the score stays at 43%.
    for (const asOf of ['2026-11-16', '2026-11-22']) {
      const reminders = findReminders(contracts, asOf, OLD);
      expect(
        reminders.map((reminder) => reminder.kind),
        asOf,
      ).toEqual(['feedback-counts']);
      expect(reminders[0]).toMatchObject({
        tone: 'warning',
        date: '2026-11-23',
        contractId: null,
        effect: { from: 67, to: 43 },
      });
      expect(reminders[0]?.text).toContain(
        'become more than 30% of the contracts in your 6-month window, so M2 (Fox) and M1 (Echo) count as negative there: your score stays at 43% (67% without this).',
      );
      expect(reminders[0]?.action).toBe(
        'Ask Fox for feedback on M2 and Echo for feedback on M1, then record what they give, e.g. "edit M2 stars:5".',
      );
    }
    expect(findReminders(contracts, '2026-11-19', OLD)).toEqual([]);
  });

  it('says nothing under 2025 rules, where missing feedback is left out', () => {
    expect(ofKind(findReminders(contracts, '2026-11-22'), 'feedback-counts')).toEqual([]);
  });

  it('with feedback recorded there is nothing to warn about', () => {
    const withFeedback = contracts.map((contract) =>
      contract.id.startsWith('M') ? { ...contract, stars: 5 } : contract,
    );
    expect(ofKind(findReminders(withFeedback, '2026-11-22', OLD), 'feedback-counts')).toEqual([]);
  });
});

describe('findReminders: good news', () => {
  it('score-rises: the day before a negative leaves a window', () => {
    const contracts = [
      c({ id: 'A', client: 'Acme', start: '2026-05-01', end: '2026-05-22', earnings: 100, stars: 1 }),
      c({ id: 'B', client: 'Bolt', start: '2026-09-01', end: '2026-10-01', earnings: 100, stars: 5 }),
      c({ id: 'D', client: 'Delta', start: '2026-09-01', end: '2026-10-10', earnings: 100, stars: 5 }),
    ];
    // 3m: 100%; 6m: (2 − 1) / 3 = 33.3%; trending 66.7% → 67%. Tomorrow 6m: 100% → trending 100%.
    expect(findReminders(contracts, '2026-11-22')).toEqual([
      {
        kind: 'score-rises',
        tone: 'good',
        date: '2026-11-23',
        contractId: 'A',
        client: 'Acme',
        text: 'On 2026-11-23 (tomorrow) your score rises from 67% to 100%: A (Acme, negative) leaves the 6m window.',
        action: null,
        effect: { from: 67, to: 100 },
      },
    ]);
    expect(findReminders(contracts, '2026-11-16')).toEqual([]);
  });

  it('becomes-long-term: the day before a client with work in progress reaches 3 months', () => {
    const contracts = [
      c({ id: 'old', client: 'Acme', start: '2026-01-05', end: '2026-06-30', earnings: 900, stars: 5 }),
      c({ id: 'new', client: 'Beta', start: '2026-08-23', earnings: 400, lastPayment: '2026-11-15' }),
    ];
    // Acme is long-term; Beta (since 2026-08-23) is from 2026-11-23: 1 of 2 → 2 of 2.
    expect(findReminders(contracts, '2026-11-22')).toEqual([
      {
        kind: 'becomes-long-term',
        tone: 'good',
        date: '2026-11-23',
        contractId: null,
        client: 'Beta',
        text: 'Beta becomes a long-term client on 2026-11-23 (tomorrow) if the work continues: your long-term client score goes from 50% to 100%.',
        action: null,
        effect: { from: 50, to: 100 },
      },
    ]);
    expect(findReminders(contracts, '2026-11-21')).toEqual([]);
    expect(findReminders(contracts, '2026-11-23')).toEqual([]);
    // Work that ended does not continue.
    const ended = contracts.map((contract) =>
      contract.id === 'new' ? { ...contract, end: '2026-11-20', stars: 5 } : contract,
    );
    expect(findReminders(ended, '2026-11-22')).toEqual([]);
  });
});

describe('findReminders: nothing due', () => {
  it('is empty without contracts or when nothing happens within a week', () => {
    expect(findReminders([], '2026-11-22')).toEqual([]);
    expect(findReminders(GOOD_2015, '2026-11-22')).toEqual([]);
    expect(findReminders(GOOD_2015, '2026-11-22', OLD)).toEqual([]);
  });

  it('lists warnings first, then good news, and keeps member text verbatim', () => {
    const name = '<@U123> *Idle* & co';
    const contracts = [
      ...GOOD_2015,
      c({ id: 'C12', client: name, start: '2026-10-01' }),
      // A success ended 2026-05-30 leaves the 6-month window on 2026-12-01 too.
      c({ id: 'Z', client: 'Zed', start: '2026-05-01', end: '2026-05-30', earnings: 100, stars: 5 }),
      c({ id: 'new', client: 'Beta', start: '2026-09-01', earnings: 400, lastPayment: '2026-11-15' }),
    ];
    const reminders = findReminders(contracts, '2026-11-30', OLD);
    // 6m: 5 successes → 100%. On 2026-12-01 Z leaves it and C12 counts: 6m (4 − 1) / 5 = 60%,
    // 12m (5 − 1) / 6 = 66.7% → 67%. Without C12 it would stay 100%: the fall is C12's alone, so
    // it is not told again as a window departure.
    expect(reminders.map((reminder) => reminder.kind)).toEqual(['inactive-contract', 'becomes-long-term']);
    const inactive = reminders[0];
    expect(inactive?.client).toBe(name);
    expect(inactive?.text).toContain(`C12 (${name}) passes 60 days`);
    expect(inactive?.text).toContain('your score falls from 100% to 67%.');
    // Beta (since 2026-09-01) becomes long-term on 2026-12-01: 1 of the 6 clients of the past year.
    expect(reminders[1]).toMatchObject({ client: 'Beta', effect: { from: 0, to: 17 } });
  });

  it('when a window departure and an inactive contract both lower the score, each is told, with its share', () => {
    const contracts = [
      ...GOOD_2015,
      c({ id: 'N1', client: 'Echo', start: '2026-06-01', end: '2026-07-01', earnings: 100, stars: 1 }),
      // Ended 2024-11-30: in the 24-month window through 2026-11-30.
      c({ id: 'Z', client: 'Zed', start: '2024-11-01', end: '2024-11-30', earnings: 100, stars: 5 }),
      c({ id: 'C12', client: 'Idle', start: '2026-10-01' }),
    ];
    // Today 6m = 12m: (4 − 1) / 5 = 60%; 24m: (5 − 1) / 6 = 66.7% → 67%. On 2026-12-01 Z leaves
    // the 24-month window (→ 60% alone) and C12 counts as negative: (4 − 2) / 6 = 33%.
    const reminders = findReminders(contracts, '2026-11-30', OLD);
    expect(reminders.map((reminder) => [reminder.kind, reminder.effect])).toEqual([
      ['inactive-contract', { from: 60, to: 33 }],
      ['leaves-window', { from: 67, to: 33 }],
    ]);
    expect(reminders[0]?.text).toContain('your score falls from 67% to 33% (60% without this).');
    expect(reminders[1]?.text).toContain('your score falls from 67% to 33%: ');
    expect(reminders[1]).toMatchObject({ contractId: 'Z', client: 'Zed' });
  });
});

/**
 * Days worth asking about: the member's as-of date, and 1 and 7 days before the first forecast
 * changes and before open $0 contracts pass their grace period, where reminders are due. The
 * contracts stay valid on any later day (every date is on or before it).
 */
function daysToAsk(contracts: readonly Contract[], asOf: string, model: ModelName): string[] {
  const events = [
    ...forecastContracts(contracts, asOf, { model })
      .changes.slice(0, 3)
      .map((change) => change.date),
    ...contracts.filter((contract) => !contract.end).map((contract) => plusDays(contract.start, 61)),
  ];
  const days = new Set([asOf]);
  for (const event of events)
    for (const ahead of [1, 7]) if (plusDays(event, -ahead) >= asOf) days.add(plusDays(event, -ahead));
  return [...days];
}

function checkReminders(contracts: readonly Contract[], asOf: string, model: ModelName): number {
  const reminders = findReminders(contracts, asOf, { model });
  expect(findReminders(contracts, asOf, { model })).toEqual(reminders);
  if (reminders.length === 0) return 0;
  const forecast = forecastContracts(contracts, asOf, { model });
  const tomorrow = plusDays(asOf, 1);
  let seenGood = false;
  for (const reminder of reminders) {
    expect(reminder.date > asOf).toBe(true);
    expect([tomorrow, plusDays(asOf, 7)]).toContain(reminder.date);
    if (reminder.tone === 'good') expect(reminder.date).toBe(tomorrow);
    if (reminder.tone === 'good') seenGood = true;
    else expect(seenGood).toBe(false);
    expect(reminder.text.length).toBeGreaterThan(0);
    if (reminder.kind === 'score-rises' || reminder.kind === 'leaves-window') {
      const index = forecast.changes.findIndex((change) => change.date === reminder.date);
      const change = forecast.changes[index];
      expect(change).toBeDefined();
      const before = index === 0 ? forecast.score : (forecast.changes[index - 1]?.score ?? null);
      expect(reminder.effect).toEqual({ from: before, to: change?.score ?? null });
      const rose = change?.score !== null && (before === null || (change?.score as number) > before);
      expect(rose).toBe(reminder.kind === 'score-rises');
    }
    if (reminder.kind === 'inactive-contract') {
      const contract = contracts.find((candidate) => candidate.id === reminder.contractId);
      expect(contract?.end ?? null).toBeNull();
      expect(reminder.action).toContain(`"end ${reminder.contractId}"`);
    }
    if (reminder.kind === 'feedback-counts') expect(model).toBe('upwork-2015');
    if (reminder.kind === 'becomes-long-term') {
      const client = scoreContracts(contracts, asOf, { model }).longTerm.byClient.find(
        (entry) => entry.client === reminder.client,
      );
      expect(client).toMatchObject({ longTerm: false, longTermOn: reminder.date, ongoing: true });
    }
    expect(reminder.effect).toBeDefined();
    if (reminder.effect && reminder.kind !== 'becomes-long-term') {
      // Whatever it says, it is the forecast's score that day.
      const onDay = [...forecast.changes].reverse().find((change) => change.date <= reminder.date);
      expect(reminder.effect.to).toBe(onDay === undefined ? forecast.score : onDay.score);
    }
  }
  return reminders.length;
}

describe('findReminders: properties', () => {
  const members = fc.record({ member: memberArb, model: fc.constantFrom(...MODEL_NAMES) });

  it('never throws, is deterministic, and every reminder is due and consistent with the forecast', () => {
    let found = 0;
    fc.assert(
      fc.property(members, ({ member, model }) => {
        for (const asOf of daysToAsk(member.contracts, member.asOf, model))
          found += checkReminders(member.contracts, asOf, model);
      }),
      { numRuns: 200 },
    );
    // The days asked about are those where reminders are due: the checks above did run.
    expect(found).toBeGreaterThan(100);
  });
});
