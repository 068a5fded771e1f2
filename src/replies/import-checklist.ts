// After an import: what only the member knows, as one command each. Upwork's money reports say
// nothing of feedback, of how a contract ended, or (the earnings report) of the client.

import { UNKNOWN_CLIENT_PREFIX } from '../contracts/upwork/plan.ts';
import { formatDay, toDay } from '../scoring/dates.ts';
import type { Contract } from '../scoring/types.ts';

/** An open contract with no payment for this long looks ended. */
export const LOOKS_ENDED_DAYS = 90;
/** Contracts named in each item before the rest are only counted. */
const NAMED = 8;

function lastPaid(contract: Contract): string | null {
  let last = contract.lastPayment ?? null;
  for (const payment of contract.payments ?? []) if (last === null || payment.date > last) last = payment.date;
  return last;
}

function named(commands: string[]): string {
  const shown = commands.slice(0, NAMED).join(', ');
  return commands.length > NAMED ? `${shown} … and ${commands.length - NAMED} more` : shown;
}

/** One line per kind of gap, each with the commands that fill it; empty when nothing is missing. */
export function importChecklist(contracts: readonly Contract[], asOf: string): string[] {
  const cutoff = formatDay(toDay(asOf) - LOOKS_ENDED_DAYS);
  const noFeedback: string[] = [];
  const looksEnded: string[] = [];
  const noClient: string[] = [];
  for (const contract of contracts) {
    if (contract.end && contract.stars == null && contract.counted == null && contract.privateScore == null)
      noFeedback.push(`edit ${contract.id} stars:5`);
    const last = lastPaid(contract);
    if (!contract.end && last !== null && last < cutoff) looksEnded.push(`end ${contract.id} end:${last}`);
    if (contract.client.startsWith(UNKNOWN_CLIENT_PREFIX)) noClient.push(`edit ${contract.id} client:"…"`);
  }
  const items: string[] = [];
  if (noFeedback.length > 0)
    items.push(
      `Closed without feedback, give the stars the client left (or counted:… when you know how Upwork counted it): ${named(noFeedback)}`,
    );
  if (looksEnded.length > 0)
    items.push(
      `No payment for ${LOOKS_ENDED_DAYS} days but open; if it ended, end it (the date is the last payment's): ${named(looksEnded)}`,
    );
  if (noClient.length > 0)
    items.push(`No client name in the file (the same client on two contracts counts once): ${named(noClient)}`);
  return items;
}
