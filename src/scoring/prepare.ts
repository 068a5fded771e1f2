// Turns a member's contracts into numbers once (dates to day numbers, clients to indices, each
// contract's weight and outcome timeline), so that scoring on any later day is a tight loop.
// Derived payment dates are resolved on the as-of date: from then on, nothing new happens.

import { classify, type OutcomeTimeline, type RawOutcome } from './classify.ts';
import { toDay, wholeMonthsBetween, type Day } from './dates.ts';
import { resolveModel, type ModelOptions, type ResolvedModel } from './params.ts';
import type { Contract } from './types.ts';
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

export interface PreparedContract {
  input: Contract;
  id: string;
  /** The client's name as first written by the member, trimmed. */
  client: string;
  clientIndex: number;
  start: Day;
  end: Day | null;
  earnings: number;
  firstPayment: Day;
  lastPayment: Day | null;
  weight: number;
  timeline: OutcomeTimeline;
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
export function earningsOf(contract: Contract): number {
  if (contract.earnings !== undefined && contract.earnings !== null) return contract.earnings;
  let sum = 0;
  for (const payment of contract.payments ?? []) sum += payment.amount;
  return Math.round(sum * 100) / 100;
}

export function firstPaymentOf(contract: Contract, start: Day): Day {
  const payments = contract.payments;
  if (!payments || payments.length === 0) return start;
  let first = Infinity;
  for (const payment of payments) first = Math.min(first, toDay(payment.date));
  return first;
}

/** The latest payment; for a paid contract with no dates, its end, or the as-of date while open. */
export function lastPaymentOf(contract: Contract, earnings: number, end: Day | null, asOf: Day): Day | null {
  if (earnings <= 0) return null;
  const payments = contract.payments;
  if (payments && payments.length > 0) {
    let last = -Infinity;
    for (const payment of payments) last = Math.max(last, toDay(payment.date));
    return last;
  }
  if (contract.lastPayment) return toDay(contract.lastPayment);
  return end ?? asOf;
}

export function prepareContract(contract: Contract, clientIndex: number, asOf: Day, model: ResolvedModel): PreparedContract {
  const start = toDay(contract.start);
  const end = contract.end ? toDay(contract.end) : null;
  const earnings = earningsOf(contract);
  const firstPayment = firstPaymentOf(contract, start);
  const lastPayment = lastPaymentOf(contract, earnings, end, asOf);
  const paidMonths = lastPayment === null ? 0 : wholeMonthsBetween(firstPayment, lastPayment);
  const timeline = classify(
    {
      start,
      end,
      earnings,
      firstPayment,
      lastPayment,
      paidMonths,
      stars: contract.stars ?? null,
      privateScore: contract.privateScore ?? null,
      endReason: contract.endReason ?? 'completed',
      disputed: contract.disputed === true,
      refunded: contract.refunded === true,
      clientFlagged: contract.clientFlagged === true,
      pausedForClient: contract.pausedForClient === true,
    },
    model.params,
  );
  return {
    input: contract,
    id: contract.id,
    client: contract.client.trim(),
    clientIndex,
    start,
    end,
    earnings,
    firstPayment,
    lastPayment,
    weight: weightFromPaidMonths(earnings, lastPayment !== null, paidMonths, model.params),
    timeline,
    referenceDay: end ?? Infinity,
    switchDay: timeline.switchDay,
    codeBefore: CODES[timeline.before.outcome],
    codeAfter: CODES[timeline.after.outcome],
  };
}

export function prepareMember(contracts: readonly Contract[], asOf: string | Day, options: ModelOptions = {}): PreparedMember {
  const asOfDay = typeof asOf === 'number' ? asOf : toDay(asOf);
  const model = resolveModel(options);
  const clientIndices = new Map<string, number>();
  const clientNames: string[] = [];
  const prepared: PreparedContract[] = new Array(contracts.length);
  for (let i = 0; i < contracts.length; i++) {
    const contract = contracts[i] as Contract;
    const key = clientKey(contract.client);
    let clientIndex = clientIndices.get(key);
    if (clientIndex === undefined) {
      clientIndex = clientNames.length;
      clientIndices.set(key, clientIndex);
      clientNames.push(contract.client.trim());
    }
    prepared[i] = prepareContract(contract, clientIndex, asOfDay, model);
  }
  return { asOf: asOfDay, model, contracts: prepared, clientNames };
}
