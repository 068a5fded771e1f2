// Advice drawn from the member's own contracts: seed 003's preventions (end inactive contracts
// quickly, ask for feedback, keep long-term work paid) and seed 000's strategies (long-term
// clients, read in the context of career stage and strategy), made concrete with ids and dates.

import { addMonths, formatDay, subMonths, type Day } from './dates.ts';
import { forecastPrepared, type ForecastReport } from './forecast.ts';
import { planPrepared, type PlanReport } from './plan.ts';
import type { ModelOptions } from './params.ts';
import { prepareContract, prepareMember, type PreparedContract, type PreparedMember } from './prepare.ts';
import { RunningTotals } from './running-totals.ts';
import { reportPrepared } from './score.ts';
import type { Contract, LongTermReport, ScoreReport } from './types.ts';

export type TipKind =
  | 'close-inactive'
  | 'record-payment'
  | 'ask-feedback'
  | 'becomes-long-term'
  | 'score-change'
  | 'reach-target'
  | 'get-a-score'
  | 'long-term-context';

export interface Tip {
  kind: TipKind;
  /** 'urgent': acting in the next 14 days changes the score; 'soon': later; 'info': context. */
  priority: 'urgent' | 'soon' | 'info';
  date: string | null;
  contractId: string | null;
  client: string | null;
  text: string;
}

/** Days ahead in which a deadline makes a tip urgent. */
export const URGENT_DAYS = 14;
/** At most this many feedback requests are suggested, the most valuable first. */
export const MAX_FEEDBACK_TIPS = 3;
/** The long-term client score's reading: below this share of long-term clients is "low". */
const LOW_LONG_TERM_PERCENT = 50;
/** Less than this many months since the first contract is an early career stage. */
const EARLY_CAREER_MONTHS = 12;
/** This many clients in the past year or more is a many-new-clients strategy. */
const MANY_CLIENTS = 8;

interface TipContext {
  member: PreparedMember;
  report: ScoreReport;
  forecast: ForecastReport;
  plan: PlanReport;
}

function tip(kind: TipKind, priority: Tip['priority'], text: string, extra: Partial<Tip> = {}): Tip {
  return { kind, priority, date: null, contractId: null, client: null, text, ...extra };
}

function deadlinePriority(day: Day, asOf: Day): Tip['priority'] {
  return day - asOf <= URGENT_DAYS ? 'urgent' : 'soon';
}

function label(contract: PreparedContract): string {
  return `${contract.id} (${contract.client})`;
}

function inactivityTips({ member }: TipContext): Tip[] {
  const tips: Tip[] = [];
  const { asOf, model } = member;
  for (const contract of member.contracts) {
    const { switchKind, switchDay, after } = contract.timeline;
    if (switchKind === null || switchDay < asOf) continue;
    const deadline = formatDay(switchDay);
    const ids = { contractId: contract.id, client: contract.client, date: deadline };
    if (switchKind === 'grace' && after.outcome === 'negative') {
      tips.push(
        tip(
          'close-inactive',
          deadlinePriority(switchDay, asOf),
          `End ${label(contract)} by ${deadline} if no work will happen: an open contract with no payment or feedback counts as negative after ${model.params.graceDays} days.`,
          ids,
        ),
      );
    } else if (switchKind === 'active' && after.outcome !== contract.timeline.before.outcome) {
      const effect = after.outcome === 'negative' ? 'counts as negative' : 'stops counting';
      tips.push(
        tip(
          'record-payment',
          deadlinePriority(switchDay, asOf),
          `${label(contract)} was last paid ${formatDay(contract.lastPayment as Day)}: with no payment by ${deadline} it ${effect}. If the work goes on, record the next payment; if it is over, end it and ask for feedback.`,
          ids,
        ),
      );
    }
  }
  return tips;
}

/** Feedback requests are weighed for at most this many contracts, the most recently ended first. */
const FEEDBACK_CANDIDATES = 20;

function feedbackTips({ member, report }: TipContext): Tip[] {
  if (report.score === null) return [];
  const current = report.score;
  const missing = member.contracts
    .map((contract, index) => ({ contract, index }))
    .filter(({ index }) => {
      const shown = report.contracts[index];
      return shown !== undefined && shown.reasonCode === 'missing-feedback' && shown.windows.length > 0;
    })
    .sort((a, b) => (b.contract.end ?? 0) - (a.contract.end ?? 0))
    .slice(0, FEEDBACK_CANDIDATES);
  const candidates: { contract: PreparedContract; score: number }[] = [];
  // The totals on the as-of date once; each candidate swaps only its own contract in and out.
  const running = missing.length > 0 ? new RunningTotals(member, member.asOf) : null;
  for (const { contract, index } of missing) {
    // Re-prepare only this contract, with 5 stars, and score the member with it swapped in.
    const withStars = prepareContract(
      { ...contract.input, stars: 5 },
      contract.client,
      contract.clientIndex,
      member.asOf,
      member.model,
    );
    const score = (running as RunningTotals).displayedWithReplaced(index, withStars, member.asOf).score;
    if (score !== null && score > current) candidates.push({ contract, score });
  }
  candidates.sort((a, b) => b.score - a.score);
  return candidates
    .slice(0, MAX_FEEDBACK_TIPS)
    .map(({ contract, score }) =>
      tip(
        'ask-feedback',
        'soon',
        `Ask ${contract.client} for feedback on ${contract.id}: 5 stars would take your score from ${current}% to ${score}%.`,
        { contractId: contract.id, client: contract.client },
      ),
    );
}

function longTermTips({ member, report }: TipContext): Tip[] {
  const { asOf } = member;
  const longTerm = report.longTerm;
  const tips: Tip[] = [];
  // Only paid work in progress can make a client long-term by continuing.
  const paidOngoing = new Set(
    member.contracts.filter((c) => c.end === null && c.earnings > 0).map((c) => c.client.toLowerCase()),
  );
  for (const client of longTerm.byClient) {
    if (client.longTerm || !paidOngoing.has(client.client.toLowerCase())) continue;
    const clients = longTerm.clients + (client.inPastYear ? 0 : 1);
    const percent = Math.round((100 * (longTerm.longTermClients + 1)) / clients);
    const from = longTerm.percent === null ? 'none' : `${longTerm.percent}%`;
    tips.push(
      tip(
        'becomes-long-term',
        'soon',
        `${client.client} becomes a long-term client on ${client.longTermOn} if the work continues: your long-term client score would go from ${from} to ${percent}%.`,
        { client: client.client, date: client.longTermOn },
      ),
    );
  }
  for (const contract of member.contracts) {
    if (contract.end !== null || contract.timeline.before.reason !== 'in-progress') continue;
    const on = addMonths(contract.firstPayment, member.model.params.longTermMonths);
    if (on <= asOf) continue;
    tips.push(
      tip(
        'becomes-long-term',
        'info',
        `${label(contract)} counts as a success even without feedback once you are paid on or after ${formatDay(on)} (${member.model.params.longTermMonths} months of paid work).`,
        { contractId: contract.id, client: contract.client, date: formatDay(on) },
      ),
    );
  }
  return tips;
}

function forecastTips({ forecast }: TipContext): Tip[] {
  return forecast.changes.slice(0, 3).map((change) => {
    const first = change.events[0];
    return tip('score-change', 'info', `On ${change.date} your score ${change.reason}.`, {
      date: change.date,
      contractId: change.events.length === 1 && first ? first.contractId : null,
    });
  });
}

function targetTips({ report, plan }: TipContext): Tip[] {
  if (report.score === null && report.noScore) return [tip('get-a-score', 'info', report.noScore.text)];
  if (plan.contractsNeeded === 0 || plan.contractsNeeded === null) return [];
  return [tip('reach-target', 'info', plan.summary)];
}

/** Seed 000: the long-term client score read in context, never as a verdict on its own. */
export function longTermContext(longTerm: LongTermReport, member: PreparedMember): string {
  if (longTerm.percent === null) {
    return 'No client paid you in the past year, so there is no long-term client score yet. It can only help your Job Success Score, never lower it.';
  }
  const firstStart = member.contracts.reduce((first, contract) => Math.min(first, contract.start), Infinity);
  const early = firstStart > subMonths(member.asOf, EARLY_CAREER_MONTHS);
  const head =
    longTerm.clients === 1
      ? `Your one client of the past year ${longTerm.longTermClients === 1 ? 'is' : 'is not'} long-term (${longTerm.thresholdMonths}+ months), so your score is ${longTerm.percent}%.`
      : `${longTerm.percent}% of your ${longTerm.clients} clients of the past year are long-term (${longTerm.thresholdMonths}+ months).`;
  if (longTerm.percent >= LOW_LONG_TERM_PERCENT) {
    return `${head} That is a strong base: long-term clients bring steady work and raise your Job Success Score.`;
  }
  if (early) {
    return `${head} Early in a freelance career that is normal: long-term relationships take time to build, and a low share never lowers your Job Success Score.`;
  }
  if (longTerm.clients >= MANY_CLIENTS) {
    return `${head} With many new clients a year, a low share fits your strategy and does not lower your Job Success Score; offering repeat services to your best clients would raise it.`;
  }
  return `${head} A low share after your first year can point to client management: deliver, check in regularly, and offer follow-up work so clients come back. It never lowers your Job Success Score.`;
}

const PRIORITY_ORDER: Record<Tip['priority'], number> = { urgent: 0, soon: 1, info: 2 };

/** Tips from the member's report, forecast and plan (computed here when not given). */
export function tipsPrepared(member: PreparedMember, computed: Partial<Omit<TipContext, 'member'>> = {}): Tip[] {
  const report = computed.report ?? reportPrepared(member);
  const forecast = computed.forecast ?? forecastPrepared(member);
  const context: TipContext = { member, report, forecast, plan: computed.plan ?? planPrepared(member, {}, forecast) };
  const tips = [
    ...inactivityTips(context),
    ...feedbackTips(context),
    ...longTermTips(context),
    ...forecastTips(context),
    ...targetTips(context),
    tip('long-term-context', 'info', longTermContext(context.report.longTerm, member)),
  ];
  // Stable: by priority, then by date (undated last).
  return tips.sort(
    (a, b) =>
      PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || (a.date ?? '9999').localeCompare(b.date ?? '9999'),
  );
}

export function tipsFor(contracts: readonly Contract[], asOf: string | Day, options: ModelOptions = {}): Tip[] {
  return tipsPrepared(prepareMember(contracts, asOf, options));
}
