// The long-term client score (seed 000): of the clients who paid you in the past year, the
// share you have worked with for at least three calendar months, over one or more contracts.

import { addMonths, formatDay, subMonths, wholeMonthsBetween, type Day } from './dates.ts';
import { roundHalfUp } from './evaluate.ts';
import type { PreparedMember } from './prepare.ts';
import type { ClientLongTermReport, LongTermReport } from './types.ts';

interface ClientSpan {
  since: Day;
  until: Day;
  lastPayment: Day;
  ongoing: boolean;
}

export function longTermClients(member: PreparedMember): LongTermReport {
  const { asOf, model } = member;
  const spans: ClientSpan[] = member.clientNames.map(() => ({
    since: Infinity,
    until: -Infinity,
    lastPayment: -Infinity,
    ongoing: false,
  }));
  for (const contract of member.contracts) {
    const span = spans[contract.clientIndex] as ClientSpan;
    span.since = Math.min(span.since, contract.start);
    const lastDay = contract.end === null ? asOf : contract.end;
    span.until = Math.max(span.until, lastDay, contract.lastPayment ?? -Infinity);
    if (contract.lastPayment !== null) span.lastPayment = Math.max(span.lastPayment, contract.lastPayment);
    if (contract.end === null) span.ongoing = true;
  }
  const yearAgo = subMonths(asOf, model.params.longTermClientLookbackMonths);
  let clients = 0;
  let longTermCount = 0;
  const byClient: ClientLongTermReport[] = spans.map((span, index) => {
    const longTermOn = addMonths(span.since, model.params.longTermMonths);
    const longTerm = longTermOn <= span.until;
    const inPastYear = span.lastPayment >= yearAgo;
    if (inPastYear) {
      clients++;
      if (longTerm) longTermCount++;
    }
    return {
      client: member.clientNames[index] as string,
      longTerm,
      since: formatDay(span.since),
      until: formatDay(span.until),
      months: wholeMonthsBetween(span.since, span.until),
      inPastYear,
      ongoing: span.ongoing,
      longTermOn: formatDay(longTermOn),
    };
  });
  return {
    percent: clients === 0 ? null : roundHalfUp((100 * longTermCount) / clients),
    clients,
    longTermClients: longTermCount,
    thresholdMonths: model.params.longTermMonths,
    byClient,
  };
}
