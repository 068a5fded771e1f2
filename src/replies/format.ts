// Small formatting helpers shared by the reply builders.

import type { Contract } from '../scoring/types.ts';

export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function percent(value: number | null): string {
  return value === null ? 'none' : `${value}%`;
}

/** Dollars, with cents when there are any ($1,200 and $1,200.50, never $1,200.5). */
export function usd(value: number): string {
  const cents = Math.round(value * 100) % 100 !== 0;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 })}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export const WINDOW_NAMES: Record<string, string> = {
  '3m': '3-month',
  '6m': '6-month',
  '12m': '12-month',
  '24m': '24-month',
  trending: 'trending (3m + 6m) / 2',
};

/** One line describing a contract: id, client, dates, money, feedback. */
export function contractLine(contract: Contract): string {
  const when = contract.end ? `${contract.start} → ${contract.end}` : `${contract.start} → open`;
  const paid = contract.earnings ?? (contract.payments ?? []).reduce((sum, payment) => sum + payment.amount, 0);
  const parts = [`${contract.id}: ${contract.client} (${contract.type})`, when, usd(paid)];
  if (contract.payments && contract.payments.length > 0) parts.push(plural(contract.payments.length, 'payment'));
  if (contract.stars !== null && contract.stars !== undefined) parts.push(`${contract.stars}★`);
  if (contract.privateScore !== null && contract.privateScore !== undefined)
    parts.push(`private ${contract.privateScore}/10`);
  const flags = (['disputed', 'refunded', 'clientFlagged', 'pausedForClient'] as const).filter(
    (flag) => contract[flag] === true,
  );
  if (contract.endReason && contract.endReason !== 'completed') flags.push(contract.endReason as never);
  if (flags.length > 0) parts.push(flags.join(', '));
  if (contract.counted) parts.push(`counted as ${contract.counted}`);
  return parts.join(' · ');
}
