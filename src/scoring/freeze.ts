// "Nothing new happens": a paid open contract with no payment dates is taken as paid on the
// as-of date. Freezing writes that date down, so scoring the frozen contracts on any later day
// is what the forecast promises for that day.

import { formatDay, toDay, type Day } from './dates.ts';
import { earningsOf } from './prepare.ts';
import type { Contract } from './types.ts';

export function freezeAt(contracts: readonly Contract[], asOf: string | Day): Contract[] {
  const asOfText = typeof asOf === 'number' ? formatDay(asOf) : formatDay(toDay(asOf));
  return contracts.map((contract) => {
    const open = !contract.end;
    const hasPaymentDates = (contract.payments?.length ?? 0) > 0 || Boolean(contract.lastPayment);
    if (!open || hasPaymentDates || earningsOf(contract) <= 0) return contract;
    return { ...contract, lastPayment: asOfText };
  });
}
