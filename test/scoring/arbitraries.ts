// fast-check arbitraries for the scoring core's property tests: a valid member (as-of date and
// 0–30 contracts) as the contract validator would let it through, biased towards the edges of
// default-model.md: month ends and Feb 29, exact 3/6/12/24-month distances, the 60-day grace and
// 90-day activity limits, long-term spans of exactly 3 months, $0 and value-tier earnings, client
// names that differ only in case or whitespace, and every boolean flag.
//
// Contracts are generated as specs relative to the as-of date and resolved with a small date
// library of their own (UTC Date based), so the generator does not depend on the code under test.

import fc from 'fast-check';
import type { Contract, EndReason, Payment } from '../../src/scoring/index.ts';

// ---------------------------------------------------------------------------------------------
// Independent calendar helpers (day numbers = days since 1970-01-01, as in src/scoring/dates.ts)

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, dayOfMonth: number): number {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month - 1, dayOfMonth);
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function ymdOf(day: number): [number, number, number] {
  const date = new Date(day * MS_PER_DAY);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

export function isoOf(day: number): string {
  const [year, month, dayOfMonth] = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

export function dayOfIso(text: string): number {
  return dayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

export function daysInMonthOf(year: number, month: number): number {
  return ymdOf(dayOf(year, month + 1, 1) - 1)[2];
}

/** Calendar month shift with the day clamped to the target month's length (date-fns semantics). */
export function shiftMonths(day: number, months: number): number {
  const [year, month, dayOfMonth] = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return dayOf(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonthOf(targetYear, targetMonth)));
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

// ---------------------------------------------------------------------------------------------
// The as-of date

const LEAP_YEARS = [2020, 2024, 2028];

const asOfDayArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: dayOf(2018, 1, 1), max: dayOf(2030, 12, 31) }) },
  {
    // A month end (or the 28th–31st clamped to it): month-end clamping of every window cutoff.
    weight: 3,
    arbitrary: fc
      .record({
        year: fc.integer({ min: 2018, max: 2030 }),
        month: fc.integer({ min: 1, max: 12 }),
        dom: fc.integer({ min: 28, max: 31 }),
      })
      .map(({ year, month, dom }) => dayOf(year, month, Math.min(dom, daysInMonthOf(year, month)))),
  },
  {
    // Feb 29 of a leap year, or the day after it.
    weight: 1,
    arbitrary: fc
      .record({ year: fc.constantFrom(...LEAP_YEARS), after: fc.integer({ min: 0, max: 1 }) })
      .map(({ year, after }) => dayOf(year, 2, 29) + after),
  },
);

// ---------------------------------------------------------------------------------------------
// Dates relative to the as-of date

/** A date on or before the as-of date, mostly within the last ~30 months. */
export type DateSpec =
  | { kind: 'daysBack'; days: number }
  | { kind: 'monthsBack'; months: number; delta: number }
  | { kind: 'monthEnd'; monthsBack: number; dom: number }
  | { kind: 'leapDay'; which: number };

const boundaryDays = fc.constantFrom(0, 1, 2, 59, 60, 61, 62, 89, 90, 91, 92);

const dateSpecArb: fc.Arbitrary<DateSpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('daysBack' as const),
      days: fc.oneof(fc.integer({ min: 0, max: 920 }), boundaryDays),
    }),
  },
  {
    // Exactly N months before as-of, give or take a day or two: the window edges.
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('monthsBack' as const),
      months: fc.constantFrom(1, 2, 3, 3, 6, 6, 12, 12, 24, 24, 25, 30),
      delta: fc.integer({ min: -2, max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('monthEnd' as const),
      monthsBack: fc.integer({ min: 0, max: 30 }),
      dom: fc.integer({ min: 28, max: 31 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leapDay' as const), which: fc.integer({ min: 0, max: 1 }) }) },
);

function resolveDate(spec: DateSpec, asOf: number): number {
  switch (spec.kind) {
    case 'daysBack':
      return asOf - spec.days;
    case 'monthsBack':
      return Math.min(asOf, shiftMonths(asOf, -spec.months) + spec.delta);
    case 'monthEnd': {
      const [year, month] = ymdOf(shiftMonths(asOf, -spec.monthsBack));
      return Math.min(asOf, dayOf(year, month, Math.min(spec.dom, daysInMonthOf(year, month))));
    }
    case 'leapDay': {
      const [asOfYear] = ymdOf(asOf);
      const leapDays: number[] = [];
      for (let year = asOfYear; year >= asOfYear - 8 && leapDays.length < 2; year--) {
        const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        if (isLeap && dayOf(year, 2, 29) <= asOf) leapDays.push(dayOf(year, 2, 29));
      }
      return leapDays[spec.which % Math.max(1, leapDays.length)] ?? asOf;
    }
  }
}

/** When the contract ended, relative to its start (or an absolute date; start and end are swapped if needed). */
export type EndSpec =
  | { kind: 'open' }
  | { kind: 'afterStart'; days: number }
  | { kind: 'monthsAfterStart'; months: number; delta: number }
  | { kind: 'at'; date: DateSpec };

const endSpecArb: fc.Arbitrary<EndSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'open' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('afterStart' as const),
      days: fc.oneof(fc.integer({ min: 0, max: 700 }), boundaryDays),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('monthsAfterStart' as const),
      months: fc.constantFrom(1, 2, 3, 3, 4, 6, 9, 12),
      delta: fc.integer({ min: -1, max: 1 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('at' as const), date: dateSpecArb }) },
);

/** A payment date (or lastPayment), resolved into [start, as-of]. */
export type PaySpec =
  | { kind: 'afterStart'; days: number }
  | { kind: 'monthsAfterStart'; months: number; delta: number }
  | { kind: 'beforeAsOf'; days: number }
  | { kind: 'atEnd'; delta: number };

const paySpecArb: fc.Arbitrary<PaySpec> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('afterStart' as const),
      days: fc.oneof(fc.integer({ min: 0, max: 400 }), boundaryDays),
    }),
  },
  {
    // First payment + 3 (6, 9) months, exactly or a day off: long-term work and duration bonus.
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('monthsAfterStart' as const),
      months: fc.constantFrom(1, 3, 3, 6, 9, 12),
      delta: fc.integer({ min: -1, max: 1 }),
    }),
  },
  {
    // Around the 90-day activity limit of open contracts.
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('beforeAsOf' as const),
      days: fc.oneof(fc.constantFrom(0, 89, 90, 91, 92), fc.integer({ min: 0, max: 400 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('atEnd' as const), delta: fc.integer({ min: -2, max: 2 }) }) },
);

function resolvePay(spec: PaySpec, start: number, end: number | null, asOf: number): number {
  let day: number;
  switch (spec.kind) {
    case 'afterStart':
      day = start + spec.days;
      break;
    case 'monthsAfterStart':
      day = shiftMonths(start, spec.months) + spec.delta;
      break;
    case 'beforeAsOf':
      day = asOf - spec.days;
      break;
    case 'atEnd':
      day = (end ?? asOf) + spec.delta;
      break;
  }
  return clamp(day, start, asOf);
}

export type EarningsSpec =
  | { kind: 'absent' }
  | { kind: 'zero' }
  | { kind: 'sum' }
  | { kind: 'sumPlus'; extra: number }
  | { kind: 'atLeast'; value: number };

function earningsSpecArb(profile: 'good' | 'mixed'): fc.Arbitrary<EarningsSpec> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'absent' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'zero' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'sum' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('sumPlus' as const),
        extra: fc.constantFrom(0.01, 0.5, 1, 99.99, 750, 1234.56),
      }),
    },
    {
      // Value-tier edges ($250, $1,000) and ordinary amounts.
      weight: profile === 'good' ? 12 : 3,
      arbitrary: fc.record({
        kind: fc.constant('atLeast' as const),
        value: fc.oneof(
          fc.constantFrom(1, 249.99, 250, 250.01, 999.99, 1000, 1000.01, 5000),
          fc.integer({ min: 1, max: 20000 }),
        ),
      }),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Clients: a few names that are one client (trimmed, case-insensitive) and some plain ones.

export const CLIENT_POOL: readonly string[] = [
  'Acme',
  'acme',
  ' ACME ',
  'Globex Corp',
  'globex corp',
  'GLOBEX CORP  ',
  'Initech',
  '  initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
];

/** How a member's contracts tend to go: mostly well (scores around the 75/80/90 bands) or anything. */
export type Profile = 'good' | 'mixed';

/** Flags: mostly absent, sometimes explicitly false, sometimes true. */
function flagArb(profile: Profile): fc.Arbitrary<boolean | undefined> {
  return fc.oneof(
    { weight: profile === 'good' ? 40 : 10, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  );
}

function starsArb(profile: Profile): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: profile === 'good' ? 12 : 3, arbitrary: fc.constant(5) },
    { weight: 2, arbitrary: fc.constantFrom(4.5, 4.8, 4.9) },
    // The success (4.5) and negative (3.5) thresholds and either side of them.
    { weight: 2, arbitrary: fc.constantFrom(1, 2, 3, 3.4, 3.5, 4, 4.4) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) },
  );
}

const privateScoreArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(6, 7, 8, 9, 10, 10),
  fc.integer({ min: 0, max: 10 }),
);

export interface ContractSpec {
  client: number;
  type: 'hourly' | 'fixed';
  start: DateSpec;
  end: EndSpec;
  payments: { at: PaySpec; amount: number }[] | null;
  lastPayment: PaySpec | null;
  earnings: EarningsSpec;
  stars: number | null;
  privateScore: number | null;
  endReason: EndReason | null;
  disputed: boolean | undefined;
  refunded: boolean | undefined;
  clientFlagged: boolean | undefined;
  pausedForClient: boolean | undefined;
}

export function contractSpecArbOf(profile: Profile): fc.Arbitrary<ContractSpec> {
  return fc.record({
    client: fc.nat({ max: CLIENT_POOL.length - 1 }),
    type: fc.constantFrom('hourly' as const, 'fixed' as const),
    start: dateSpecArb,
    end: endSpecArb,
    payments: fc.option(
      fc.array(fc.record({ at: paySpecArb, amount: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant(0)) }), {
        maxLength: 4,
      }),
      { freq: 2 },
    ),
    lastPayment: fc.option(paySpecArb, { freq: 2 }),
    earnings: earningsSpecArb(profile),
    stars: fc.option(starsArb(profile), { freq: profile === 'good' ? 6 : 3 }),
    privateScore: fc.option(privateScoreArb, { freq: 1 }),
    endReason: fc.option(fc.constantFrom<EndReason>('completed', 'cancelled', 'client_unresponsive', 'other'), {
      freq: 2,
    }),
    disputed: flagArb(profile),
    refunded: flagArb(profile),
    clientFlagged: flagArb(profile),
    pausedForClient: flagArb(profile),
  });
}

/** Any contract (the mixed profile). */
export const contractSpecArb: fc.Arbitrary<ContractSpec> = contractSpecArbOf('mixed');

/** Turns a spec into a valid contract for the given as-of date (a day number). */
export function resolveContract(spec: ContractSpec, asOf: number, id: string, clientName?: string): Contract {
  let start = Math.min(asOf, resolveDate(spec.start, asOf));
  let end: number | null;
  switch (spec.end.kind) {
    case 'open':
      end = null;
      break;
    case 'afterStart':
      end = Math.min(asOf, start + spec.end.days);
      break;
    case 'monthsAfterStart':
      end = clamp(shiftMonths(start, spec.end.months) + spec.end.delta, start, asOf);
      break;
    case 'at': {
      const at = Math.min(asOf, resolveDate(spec.end.date, asOf));
      end = Math.max(start, at);
      start = Math.min(start, at);
      break;
    }
  }
  let payments: Payment[] | null = spec.payments
    ? spec.payments.map((payment) => ({
        date: isoOf(resolvePay(payment.at, start, end, asOf)),
        amount: payment.amount,
      }))
    : null;
  const paid = (payments ?? []).reduce((sum, payment) => sum + payment.amount, 0);
  let earnings: number | undefined;
  switch (spec.earnings.kind) {
    case 'absent':
      earnings = undefined;
      break;
    case 'zero':
      earnings = 0;
      payments = payments ? payments.map((payment) => ({ ...payment, amount: 0 })) : null;
      break;
    case 'sum':
      earnings = paid;
      break;
    case 'sumPlus':
      earnings = Math.round((paid + spec.earnings.extra) * 100) / 100;
      break;
    case 'atLeast':
      earnings = Math.max(paid, spec.earnings.value);
      break;
  }
  const effectiveEarnings = earnings ?? (payments ?? []).reduce((sum, payment) => sum + payment.amount, 0);
  const contract: Contract = {
    id,
    client: clientName ?? (CLIENT_POOL[spec.client] as string),
    type: spec.type,
    start: isoOf(start),
  };
  if (end !== null) contract.end = isoOf(end);
  if (earnings !== undefined) contract.earnings = earnings;
  if (payments !== null) contract.payments = payments;
  // No last payment when nothing was paid (the validator rejects it with earnings 0).
  if (spec.lastPayment !== null && effectiveEarnings > 0)
    contract.lastPayment = isoOf(resolvePay(spec.lastPayment, start, end, asOf));
  if (end !== null) {
    if (spec.stars !== null) contract.stars = spec.stars;
    if (spec.privateScore !== null) contract.privateScore = spec.privateScore;
    if (spec.endReason !== null) contract.endReason = spec.endReason;
  }
  if (spec.disputed !== undefined) contract.disputed = spec.disputed;
  if (spec.refunded !== undefined) contract.refunded = spec.refunded;
  if (spec.clientFlagged !== undefined) contract.clientFlagged = spec.clientFlagged;
  if (spec.pausedForClient !== undefined) contract.pausedForClient = spec.pausedForClient;
  return contract;
}

// ---------------------------------------------------------------------------------------------
// A member

export interface Member {
  asOf: string;
  contracts: Contract[];
}

function memberArbOf(profile: Profile): fc.Arbitrary<Member> {
  return fc
    .record({ asOf: asOfDayArb, specs: fc.array(contractSpecArbOf(profile), { maxLength: 30, size: 'max' }) })
    .map(({ asOf, specs }) => ({
      asOf: isoOf(asOf),
      contracts: specs.map((spec, index) => resolveContract(spec, asOf, `c${index + 1}`)),
    }));
}

/** A valid member: as-of date and 0–30 contracts, from a member whose work mostly goes well or from anyone. */
export const memberArb: fc.Arbitrary<Member> = fc.oneof(
  { weight: 2, arbitrary: memberArbOf('good') },
  { weight: 1, arbitrary: memberArbOf('mixed') },
);
