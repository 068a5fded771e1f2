// What counts as recording something twice, and the command that records it anyway.
// - A contract is a duplicate of one the member has when every field but its id is equal: the
//   client by name ignoring case (as scoring groups clients), the rest as stored, a field left out
//   equal to its empty value (no end = null, no flag = false). The id is left out because add gives
//   one when none is typed, so the same add typed twice differs only there.
// - A payment is a duplicate when the contract lists one of the same date and amount; a contract
//   that keeps only a total (no list of payments, see withPayment in handlers/pay.ts) cannot tell
//   amounts apart, so there a payment dated its last payment day counts as possibly the same.

import type { Contract, Payment } from '../scoring/index.ts';
import { choice, type ArgSpec, type ArgValue } from './args.ts';
import { quoteValue } from './grammar.ts';

/** The argument that records a duplicate anyway. */
const CONFIRM_DUPLICATE = 'confirm:yes';
export const CONFIRM_ARG = {
  name: 'confirm',
  kind: choice(['yes']),
  description: 'yes: record it even when the same is recorded already (else you are asked first)',
} as const;

/** The fields compared, with their empty value (what a field left out reads as). */
const COMPARED: readonly [keyof Contract, unknown][] = [
  ['type', null],
  ['start', null],
  ['end', null],
  ['earnings', null],
  ['lastPayment', null],
  ['stars', null],
  ['privateScore', null],
  ['endReason', null],
  ['disputed', false],
  ['refunded', false],
  ['clientFlagged', false],
  ['pausedForClient', false],
  ['counted', null],
];

function paymentsKey(contract: Contract): string {
  return JSON.stringify((contract.payments ?? []).map((payment) => [payment.date, payment.amount]));
}

export function sameContractEntry(a: Contract, b: Contract): boolean {
  if (a.client.toLowerCase() !== b.client.toLowerCase()) return false;
  if (!COMPARED.every(([field, empty]) => (a[field] ?? empty) === (b[field] ?? empty))) return false;
  return paymentsKey(a) === paymentsKey(b);
}

/** The member's contract that `contract` repeats, if any. */
export function duplicateOf(existing: readonly Contract[], contract: Contract): Contract | undefined {
  return existing.find((candidate) => sameContractEntry(candidate, contract));
}

/** How `payment` is already on `contract`: listed with the same date and amount, or on its last payment day of a total-only contract. */
export function recordedPayment(contract: Contract, payment: Payment): 'listed' | 'last-payment-day' | null {
  const listed = contract.payments ?? [];
  if (listed.some((earlier) => earlier.date === payment.date && earlier.amount === payment.amount)) return 'listed';
  if (listed.length === 0 && (contract.earnings ?? 0) > 0 && contract.lastPayment === payment.date)
    return 'last-payment-day';
  return null;
}

/** The command as the grammar reads it back, from its converted arguments, with confirm:yes appended. */
export function confirmedCommand(
  name: string,
  positionals: readonly string[],
  args: Readonly<Record<string, ArgValue | undefined>>,
  specs: readonly ArgSpec[] = [],
): string {
  // Money with cents reads as typed ($1,200.50 is amount:1200.50, not 1200.5).
  const isMoney = (arg: string) => specs.some((spec) => spec.name === arg && spec.kind.type === 'money');
  const shown = (arg: string, value: ArgValue) =>
    typeof value === 'number' && isMoney(arg) && !Number.isInteger(value) ? value.toFixed(2) : String(value);
  const named = Object.entries(args)
    .filter(([arg, value]) => arg !== 'confirm' && value !== undefined && value !== null)
    .map(([arg, value]) => `${arg}:${quoteValue(shown(arg, value as ArgValue))}`);
  return [name, ...positionals.map(quoteValue), ...named, CONFIRM_DUPLICATE].join(' ');
}
