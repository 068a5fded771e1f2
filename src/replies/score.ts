// The replies that explain a score: score, why, forecast, plan, long-term clients, tips.

import type { ForecastReport, PastScores, PlanReport, ScoreReport, Tip, WindowKey } from '../scoring/index.ts';
import { num, percent, plural, usd, WINDOW_NAMES } from './format.ts';
import { reply, type Block, type Reply } from './reply.ts';

/** Tips shown under a score; `tips` shows them all. */
const TIPS_WITH_SCORE = 3;

function basis(report: { model: string; asOf: string }): Block {
  return {
    type: 'context',
    text: `Estimate under model ${report.model}, as of ${report.asOf}. Upwork does not publish its algorithm.`,
  };
}

export function scoreTitle(report: ScoreReport): string {
  return report.score === null
    ? 'Job Success Score: none yet'
    : `Job Success Score (estimate): ${report.score}% (${report.band}), from the ${WINDOW_NAMES[report.window ?? '']} score`;
}

export function windowsTable(report: ScoreReport): Block {
  const rows: string[][] = [];
  for (const key of ['3m', '6m', '12m', '24m'] as WindowKey[]) {
    const window = report.windows[key];
    if (!window.inModel) continue;
    rows.push([
      WINDOW_NAMES[key] as string,
      window.score === null ? '—' : num(window.score),
      window.eligible ? 'yes' : 'no',
      num(window.successes),
      num(window.negatives),
      num(window.total),
      String(window.outcomes),
      String(window.clients),
    ]);
  }
  const trending = report.windows.trending;
  if (trending.inModel)
    rows.push([
      WINDOW_NAMES.trending as string,
      trending.score === null ? '—' : num(trending.score),
      trending.eligible ? 'yes' : 'no',
      '',
      '',
      '',
      '',
      '',
    ]);
  return {
    type: 'table',
    title: 'Windows (weighted; the best eligible one is shown):',
    columns: ['window', 'score', 'eligible', 'success', 'negative', 'total', 'contracts', 'clients'],
    rows,
  };
}

export function contractsTable(report: ScoreReport, onlyId?: string): Block {
  const rows = report.contracts
    .filter((contract) => onlyId === undefined || contract.id.toLowerCase() === onlyId.toLowerCase())
    .map((contract) => [
      contract.id,
      contract.client,
      contract.inWindow ? contract.outcome : `(${contract.outcome})`,
      `×${num(contract.weight)}`,
      contract.inWindow ? contract.reason : `outside the ${report.contractsWindow} window; ${contract.reason}`,
    ]);
  return {
    type: 'table',
    title: `How each contract counts in the ${WINDOW_NAMES[report.contractsWindow]} window:`,
    columns: ['id', 'client', 'outcome', 'weight', 'why'],
    rows,
  };
}

export function longTermLine(report: ScoreReport): string {
  const longTerm = report.longTerm;
  return longTerm.percent === null
    ? 'Long-term client score: none (no client paid you in the past year)'
    : `Long-term client score: ${longTerm.percent}% (${longTerm.longTermClients} of ${plural(longTerm.clients, 'client')} of the past year worked with for ${longTerm.thresholdMonths}+ months)`;
}

function tipItems(tips: readonly Tip[], limit: number): string[] {
  return tips
    .filter((tip) => tip.kind !== 'long-term-context')
    .slice(0, limit)
    .map((tip) => `${tip.priority === 'urgent' ? 'URGENT: ' : ''}${tip.text}`);
}

/**
 * The forecast as a series; with `past`, also the weekly estimates of the past 16 weeks and the
 * scores recorded then (left out, with the past title, when there was neither a score nor a record).
 */
export function seriesOf(forecast: ForecastReport, past?: PastScores): Block {
  const points = [
    { date: forecast.asOf, value: forecast.score },
    ...forecast.changes.map((change) => ({ date: change.date, value: change.score })),
    { date: forecast.until, value: forecast.changes.at(-1)?.score ?? forecast.score },
  ];
  const known = past && (past.recorded.length > 0 || past.weeks.some((week) => week.score !== null));
  if (!past || !known)
    return { type: 'series', title: 'Your score over the next 12 months if nothing new happens', points };
  return {
    type: 'series',
    title: 'Your score: past 16 weeks, next 12 months if nothing new happens',
    points,
    past: past.weeks.map((week) => ({ date: week.date, value: week.score })),
    ...(past.recorded.length > 0 && {
      recorded: past.recorded.map((observation) => ({ date: observation.date, value: observation.score })),
    }),
  };
}

/**
 * The score with its windows, long-term clients and the most useful tips; `detailed` adds every
 * contract, `past` the past 16 weeks to the chart.
 */
export function scoreReply(
  report: ScoreReport,
  tips: readonly Tip[],
  forecast: ForecastReport | null,
  detailed = false,
  past?: PastScores,
): Reply {
  const blocks: Block[] = [];
  if (report.noScore) blocks.push({ type: 'text', text: report.noScore.text });
  blocks.push(windowsTable(report));
  if (detailed) blocks.push(contractsTable(report));
  const context = tips.find((tip) => tip.kind === 'long-term-context')?.text;
  blocks.push({ type: 'text', text: context ? `${longTermLine(report)}\n${context}` : longTermLine(report) });
  // The "no score yet" sentence already opens the reply: not again as a tip.
  const items = tipItems(
    report.noScore ? tips.filter((tip) => tip.kind !== 'get-a-score') : tips,
    detailed ? 6 : TIPS_WITH_SCORE,
  );
  if (items.length > 0) blocks.push({ type: 'list', title: 'Tips:', items });
  if (forecast) blocks.push(seriesOf(forecast, past));
  blocks.push(basis(report));
  return reply('info', scoreTitle(report), {
    blocks,
    shareable: true,
    actions: [
      { label: 'Why', command: 'why' },
      { label: 'Forecast', command: 'forecast' },
      { label: 'Plan to 90%', command: 'plan' },
    ],
  });
}

export function whyReply(report: ScoreReport, onlyId?: string): Reply {
  const counts = new Map<string, number>();
  for (const contract of report.contracts)
    if (contract.inWindow) counts.set(contract.outcome, (counts.get(contract.outcome) ?? 0) + 1);
  const summary =
    [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ') || 'no contracts in the window';
  if (report.contracts.length === 0) {
    return reply('info', 'Why your score is what it is', {
      summary: 'You have no contracts yet, so there is nothing to explain.',
      blocks: [
        {
          type: 'text',
          text: 'Add your first with add, e.g. add client:"Acme Ltd" type:hourly start:2026-01-10 (or bring your history with import; help upwork).',
        },
      ],
      actions: [{ label: 'Help', command: 'help add' }],
    });
  }
  return reply('info', onlyId ? `Why ${onlyId} counts as it does` : 'Why your score is what it is', {
    summary: `${scoreTitle(report)}. In the ${WINDOW_NAMES[report.contractsWindow]} window: ${summary}.`,
    blocks: [contractsTable(report, onlyId), basis(report)],
  });
}

/** Every change date of the forecast, and the chart's series (with the past 16 weeks when given). */
export function forecastReply(forecast: ForecastReport, past?: PastScores): Reply {
  const blocks: Block[] = [];
  if (forecast.changes.length === 0)
    blocks.push({ type: 'text', text: 'No change in the next 12 months if nothing new happens.' });
  else {
    blocks.push({
      type: 'table',
      title: 'Dates your score changes if nothing new happens:',
      columns: ['date', 'score', 'window', 'why'],
      rows: forecast.changes.map((change) => [change.date, percent(change.score), change.window ?? '—', change.reason]),
    });
  }
  if (forecast.assumedPaidOnAsOf.length > 0) {
    blocks.push({
      type: 'context',
      text: `No payment dates for ${forecast.assumedPaidOnAsOf.join(', ')}: taken as last paid on ${forecast.asOf}. Record payments with "pay" to keep open work counting.`,
    });
  }
  blocks.push(seriesOf(forecast, past), basis(forecast));
  return reply('info', `Forecast: now ${percent(forecast.score)}, until ${forecast.until}`, {
    blocks,
    shareable: true,
  });
}

export function planReply(plan: PlanReport): Reply {
  const source = {
    given: 'as given',
    median: 'the median of your paid contracts',
    fallback: 'no paid contracts yet, so $250',
  }[plan.earningsSource];
  return reply('info', `Plan to reach ${plan.target}%: now ${percent(plan.score)}`, {
    summary: plan.summary,
    blocks: [
      {
        type: 'fields',
        fields: [
          {
            label: 'New contracts needed',
            value: plan.contractsNeeded === null ? 'out of reach' : String(plan.contractsNeeded),
          },
          { label: 'Reached by waiting alone', value: plan.reachedByWaitingOn ?? 'not within 12 months' },
          {
            label: 'Each new contract',
            value: `${usd(plan.earnings)} (${source}), 5 stars, a new client, weight ${num(plan.weight)}`,
          },
        ],
      },
      basis(plan),
    ],
  });
}

/**
 * A client's long-term column: long-term; or, while work goes on, the day it would become so; or,
 * when all their work has ended short of the threshold, why it is not (never a day in the past).
 */
function longTermStatus(client: ScoreReport['longTerm']['byClient'][number], thresholdMonths: number): string {
  if (client.longTerm) return 'long-term';
  if (client.ongoing) return `from ${client.longTermOn} if work continues`;
  return `no: ended before ${thresholdMonths} months`;
}

export function longTermReply(report: ScoreReport, tips: readonly Tip[]): Reply {
  const context = tips.find((tip) => tip.kind === 'long-term-context')?.text ?? '';
  const rows = report.longTerm.byClient.map((client) => [
    client.client,
    longTermStatus(client, report.longTerm.thresholdMonths),
    `${client.since} → ${client.until}`,
    plural(client.months, 'month'),
    client.inPastYear ? 'yes' : 'no',
  ]);
  const upcoming = tips.filter((tip) => tip.kind === 'becomes-long-term').map((tip) => tip.text);
  const blocks: Block[] = [{ type: 'text', text: context }];
  if (rows.length > 0)
    blocks.push({
      type: 'table',
      title: 'Clients:',
      columns: ['client', 'long-term', 'worked', 'span', 'paid in past year'],
      rows,
    });
  if (upcoming.length > 0) blocks.push({ type: 'list', title: 'Coming up:', items: upcoming });
  blocks.push(basis(report));
  return reply('info', longTermLine(report), { blocks, shareable: true });
}

export function tipsReply(tips: readonly Tip[], report: ScoreReport): Reply {
  const items = tipItems(tips, tips.length);
  const context = tips.find((tip) => tip.kind === 'long-term-context')?.text;
  const blocks: Block[] =
    items.length > 0 ? [{ type: 'list', items }] : [{ type: 'text', text: 'Nothing to act on right now.' }];
  if (context) blocks.push({ type: 'text', text: context });
  blocks.push(basis(report));
  return reply(
    'info',
    report.score === null ? 'Tips (no score yet)' : `Tips (your estimated score: ${report.score}%)`,
    { blocks },
  );
}
