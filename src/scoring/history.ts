// The estimate for a past day, from what was known on that day: contracts that had started,
// payments made by then, and contracts ended by then with their feedback (feedback is taken as
// known from the end date). Recorded Upwork scores are compared with these estimates.

import { toDay, type Day } from './dates.ts';
import { displayedOn } from './evaluate.ts';
import type { ModelOptions } from './params.ts';
import { prepareMember, type PreparedMember } from './prepare.ts';
import type { Contract } from './types.ts';

/** A contract as it stood on `day`, or null when it had not started. */
export function contractKnownOn(contract: Contract, day: Day): Contract | null {
  if (toDay(contract.start) > day) return null;
  const endedBy = contract.end ? toDay(contract.end) <= day : false;
  const payments = contract.payments;
  const laterPayments = payments ? payments.some((payment) => toDay(payment.date) > day) : false;
  const laterLastPayment = contract.lastPayment ? toDay(contract.lastPayment) > day : false;
  // Nothing happened after that day: the contract as written (no copy, the common case).
  if (!laterPayments && !laterLastPayment && (endedBy || !contract.end)) return contract;
  const known: Contract = { ...contract };
  if (laterPayments) {
    const paidBy = (payments ?? []).filter((payment) => toDay(payment.date) <= day);
    known.payments = paidBy;
    // The total paid by then is the payments made by then; the member's later total is not known yet.
    known.earnings = Math.round(paidBy.reduce((sum, payment) => sum + payment.amount * 100, 0)) / 100;
  }
  // A later last payment says the contract was active then, but not when it was paid before: open
  // contracts are taken as active on the day (the default for a paid contract with no date).
  if (laterLastPayment) known.lastPayment = null;
  if (!endedBy && contract.end) {
    // Open on that day: its end, feedback and end-of-contract facts were not known yet, nor what
    // Upwork counted for it (that is the outcome of the ended contract).
    known.end = null;
    known.stars = null;
    known.privateScore = null;
    known.endReason = null;
    known.disputed = null;
    known.refunded = null;
    known.counted = null;
  }
  return known;
}

/** The contracts as the member would have described them on `day`. */
export function contractsKnownOn(contracts: readonly Contract[], day: string): Contract[] {
  const dayNumber = toDay(day);
  const known: Contract[] = [];
  for (const contract of contracts) {
    const then = contractKnownOn(contract, dayNumber);
    if (then !== null) known.push(then);
  }
  return known;
}

/** The member as known on `day`, prepared for scoring on that day. */
export function prepareKnownOn(
  contracts: readonly Contract[],
  day: string,
  options: ModelOptions = {},
): PreparedMember {
  return prepareMember(contractsKnownOn(contracts, day), day, options);
}

/** The displayed score on `day`, computed from what was known that day; null when none. */
export function estimateOn(contracts: readonly Contract[], day: string, options: ModelOptions = {}): number | null {
  const member = prepareKnownOn(contracts, day, options);
  return displayedOn(member, member.asOf).score;
}
