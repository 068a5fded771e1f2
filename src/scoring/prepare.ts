// Turns a member's contracts into numbers once (dates to day numbers, clients to indices, each
// contract's weight and outcome timeline), so that scoring on any later day is a tight loop.
// Derived payment dates are resolved on the as-of date: from then on, nothing new happens.

import { classify, type ClassifyInput, type OutcomeTimeline, type RawOutcome } from './classify.ts';
import { toDay, wholeMonthsBetween, type Day } from './dates.ts';
import { resolveModel, type ModelOptions, type ModelParams, type ResolvedModel } from './params.ts';
import type { Contract, Payment } from './types.ts';
import { weightFromPaidMonths } from './weights.ts';

export const EXCLUDED = 0;
export const SUCCESS = 1;
export const NEUTRAL = 2;
export const NEGATIVE = 3;
export const MISSING = 4;
export type OutcomeCode = typeof EXCLUDED | typeof SUCCESS | typeof NEUTRAL | typeof NEGATIVE | typeof MISSING;

const CODES: Record<RawOutcome, OutcomeCode> = {
  excluded: EXCLUDED,
  success: SUCCESS,
  neutral: NEUTRAL,
  negative: NEGATIVE,
  missing: MISSING,
};

/** A contract in numbers, with everything classification needs (ClassifyInput) and its results. */
export interface PreparedContract extends ClassifyInput {
  input: Contract;
  id: string;
  /** The client's name as first written by the member, trimmed. */
  client: string;
  clientIndex: number;
  weight: number;
  timeline: OutcomeTimeline;
  /** The latest payment date the contract gives, if paid; null: derived (end, or the as-of date while open). */
  givenLastPayment: Day | null;
  /** The day the contract counts from: its end, or Infinity while open (always in every window). */
  referenceDay: Day;
  switchDay: Day;
  codeBefore: OutcomeCode;
  codeAfter: OutcomeCode;
}

export interface PreparedMember {
  asOf: Day;
  model: ResolvedModel;
  contracts: PreparedContract[];
  clientNames: string[];
}

/** Contracts with the same name, trimmed and case-insensitive, are one client. */
export function clientKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Total paid: `earnings`, else the sum of `payments`, else 0. */
export function earningsOf(contract: Pick<Contract, 'earnings' | 'payments'>): number {
  const { earnings, payments } = contract;
  if (earnings !== undefined && earnings !== null) return earnings;
  let sum = 0;
  if (payments) for (const payment of payments) sum += payment.amount;
  return Math.round(sum * 100) / 100;
}

function firstPaymentDay(payments: readonly Payment[] | null | undefined, start: Day): Day {
  if (!payments || payments.length === 0) return start;
  let first = Infinity;
  for (const payment of payments) first = Math.min(first, toDay(payment.date));
  return first;
}

/** The latest payment date the contract gives (payments, else lastPayment), or null. */
function givenLastPaymentDay(
  payments: readonly Payment[] | null | undefined,
  lastPayment: string | null | undefined,
): Day | null {
  if (payments && payments.length > 0) {
    let last = -Infinity;
    for (const payment of payments) last = Math.max(last, toDay(payment.date));
    return last;
  }
  return lastPayment ? toDay(lastPayment) : null;
}

/** The latest payment; for a paid contract with no dates, its end, or the as-of date while open. */
function lastPaymentDay(given: Day | null, earnings: number, end: Day | null, asOf: Day): Day | null {
  if (earnings <= 0) return null;
  return given ?? end ?? asOf;
}

export function prepareContract(
  contract: Contract,
  client: string,
  clientIndex: number,
  asOf: Day,
  model: ResolvedModel,
): PreparedContract {
  return prepareContractInto(blankContract(), contract, client, clientIndex, asOf, model);
}

/** A contract with every field present (one shape for all), to be filled by prepareContractInto. */
export function blankContract(): PreparedContract {
  return {
    input: BLANK_INPUT,
    id: '',
    client: '',
    clientIndex: 0,
    start: 0,
    end: null,
    earnings: 0,
    firstPayment: 0,
    givenLastPayment: null,
    lastPayment: null,
    paidMonths: 0,
    stars: null,
    privateScore: null,
    endReason: 'completed',
    disputed: false,
    refunded: false,
    clientFlagged: false,
    pausedForClient: false,
    counted: null,
    weight: 0,
    timeline: UNCLASSIFIED,
    referenceDay: Infinity,
    switchDay: Infinity,
    codeBefore: EXCLUDED,
    codeAfter: EXCLUDED,
  };
}

/**
 * Prepares a contract into `prepared`, overwriting every field: the displayed score alone
 * (displayed.ts) reuses one object for all of a member's contracts instead of allocating each.
 */
export function prepareContractInto(
  prepared: PreparedContract,
  contract: Contract,
  client: string,
  clientIndex: number,
  asOf: Day,
  model: ResolvedModel,
): PreparedContract {
  const { payments, endReason } = contract;
  const start = toDay(contract.start);
  const endText = contract.end;
  const end = endText ? toDay(endText) : null;
  const earnings = earningsOf(contract);
  const firstPayment = firstPaymentDay(payments, start);
  const givenLastPayment = earnings > 0 ? givenLastPaymentDay(payments, contract.lastPayment) : null;
  const lastPayment = lastPaymentDay(givenLastPayment, earnings, end, asOf);
  const paidMonths = lastPayment === null ? 0 : wholeMonthsBetween(firstPayment, lastPayment);
  prepared.input = contract;
  prepared.id = contract.id;
  prepared.client = client;
  prepared.clientIndex = clientIndex;
  prepared.start = start;
  prepared.end = end;
  prepared.earnings = earnings;
  prepared.firstPayment = firstPayment;
  prepared.givenLastPayment = givenLastPayment;
  prepared.lastPayment = lastPayment;
  prepared.paidMonths = paidMonths;
  prepared.stars = contract.stars ?? null;
  prepared.privateScore = contract.privateScore ?? null;
  prepared.endReason = endReason ?? 'completed';
  prepared.disputed = contract.disputed === true;
  prepared.refunded = contract.refunded === true;
  prepared.clientFlagged = contract.clientFlagged === true;
  prepared.pausedForClient = contract.pausedForClient === true;
  prepared.counted = contract.counted ?? null;
  prepared.weight = weightFromPaidMonths(earnings, lastPayment !== null, paidMonths, model.params);
  prepared.referenceDay = end ?? Infinity;
  // The object is its own classification input.
  return classified(prepared, model);
}

const BLANK_INPUT: Contract = Object.freeze({ id: '', client: '', type: 'fixed', start: '1970-01-01' }) as Contract;

function classified(prepared: PreparedContract, model: ResolvedModel): PreparedContract {
  const timeline = classify(prepared, model.params);
  prepared.timeline = timeline;
  prepared.switchDay = timeline.switchDay;
  prepared.codeBefore = CODES[timeline.before.outcome];
  prepared.codeAfter = CODES[timeline.after.outcome];
  return prepared;
}

/**
 * The same contract prepared on another day (or under another model) from its numbers, without
 * parsing its dates again: only the derived last payment, the weight and the outcome change.
 */
export function reprepareContract(contract: PreparedContract, asOf: Day, model: ResolvedModel): PreparedContract {
  const lastPayment = lastPaymentDay(contract.givenLastPayment, contract.earnings, contract.end, asOf);
  const paidMonths = lastPayment === null ? 0 : wholeMonthsBetween(contract.firstPayment, lastPayment);
  return classified(
    {
      ...contract,
      lastPayment,
      paidMonths,
      weight: weightFromPaidMonths(contract.earnings, lastPayment !== null, paidMonths, model.params),
    },
    model,
  );
}

const UNCLASSIFIED: OutcomeTimeline = Object.freeze({
  before: { outcome: 'excluded', reason: 'client-flagged' },
  after: { outcome: 'excluded', reason: 'client-flagged' },
  switchDay: Infinity,
  switchKind: null,
}) as OutcomeTimeline;

export interface TypedClient {
  name: string;
  index: number;
}

/**
 * A member's contracts prepared on the as-of date. Given a member prepared already (on any day,
 * under any model), it is prepared again from its numbers, or returned as it is when prepared on
 * that day under that model: a caller that scores the same contracts on several days (the
 * leaderboard: today and the next standing) parses their dates and client names once.
 */
export function prepareMember(
  contracts: readonly Contract[] | PreparedMember,
  asOf: string | Day,
  options: ModelOptions = {},
): PreparedMember {
  const asOfDay = typeof asOf === 'number' ? asOf : toDay(asOf);
  const model = resolveModel(options);
  return isPreparedMember(contracts)
    ? reprepareMember(contracts, asOfDay, model)
    : prepareContracts(contracts, asOfDay, model);
}

function isPreparedMember(contracts: readonly Contract[] | PreparedMember): contracts is PreparedMember {
  return !Array.isArray(contracts);
}

function reprepareMember(member: PreparedMember, asOf: Day, model: ResolvedModel): PreparedMember {
  if (member.asOf === asOf && member.model.name === model.name && sameParams(member.model.params, model.params))
    return member;
  const contracts = member.contracts.map((contract) => reprepareContract(contract, asOf, model));
  return { asOf, model, contracts, clientNames: member.clientNames };
}

/** Field by field: the same options resolve to equal, not identical, params when they override some. */
function sameParams(a: ModelParams, b: ModelParams): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof ModelParams)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

function prepareContracts(contracts: readonly Contract[], asOf: Day, model: ResolvedModel): PreparedMember {
  const clients = new ClientMatcher();
  const prepared: PreparedContract[] = new Array(contracts.length);
  for (let i = 0; i < contracts.length; i++) {
    const contract = contracts[i] as Contract;
    const client = clients.match(contract.client);
    prepared[i] = prepareContract(contract, client.name, client.index, asOf, model);
  }
  return { asOf, model, contracts: prepared, clientNames: clients.names };
}

/** Numbers a member's clients in order of appearance (contracts with the same clientKey are one). */
export class ClientMatcher {
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();
  // Names as typed, to their client: a repeated name is not trimmed and lower-cased again.
  private readonly typed = new Map<string, TypedClient>();

  match(typedName: string): TypedClient {
    let client = this.typed.get(typedName);
    if (client === undefined) {
      const name = typedName.trim();
      const key = name.toLowerCase();
      let index = this.byKey.get(key);
      if (index === undefined) {
        index = this.names.length;
        this.byKey.set(key, index);
        this.names.push(name);
      }
      this.typed.set(typedName, (client = { name, index }));
    }
    return client;
  }
}
