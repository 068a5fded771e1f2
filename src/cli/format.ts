// The CLI's readable explanations of a score, a forecast and a plan.

import type { ForecastReport, PlanReport, ScoreReport, Tip, WindowKey } from '../scoring/index.ts';
import { num, percent, table, WINDOW_NAMES } from './text.ts';

/** Tips shown under a score; the rest are a `--json` away. */
const TIPS_SHOWN = 6;

function headline(report: ScoreReport): string {
  const basis = `model ${report.model}, as of ${report.asOf}`;
  if (report.score === null) return `Job Success Score: none yet (${basis})\n  ${report.noScore?.text ?? ''}`;
  return `Job Success Score (estimate): ${report.score}% (${report.band}), from the ${WINDOW_NAMES[report.window ?? '']} score (${basis})`;
}

function windowsSection(report: ScoreReport): string {
  const rows = [['window', 'score', 'eligible', 'success', 'negative', 'total', 'contracts', 'clients']];
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
  if (trending.inModel) {
    rows.push([WINDOW_NAMES.trending as string, trending.score === null ? '—' : num(trending.score), trending.eligible ? 'yes' : 'no', '', '', '', '', '']);
  }
  return `Windows (weighted; the best eligible one is shown):\n${table(rows)}`;
}

function contractsSection(report: ScoreReport): string {
  if (report.contracts.length === 0) return 'Contracts: none yet.';
  const rows = report.contracts.map((contract) => [
    contract.id,
    contract.client,
    contract.inWindow ? contract.outcome : `(${contract.outcome})`,
    `×${num(contract.weight)}`,
    contract.inWindow ? contract.reason : `outside the ${report.contractsWindow} window; ${contract.reason}`,
  ]);
  return `How each contract counts in the ${WINDOW_NAMES[report.contractsWindow]} window:\n${table(rows)}`;
}

function longTermSection(report: ScoreReport, context: string): string {
  const longTerm = report.longTerm;
  const line =
    longTerm.percent === null
      ? 'Long-term client score: none (no client paid you in the past year)'
      : `Long-term client score: ${longTerm.percent}% (${longTerm.longTermClients} of ${longTerm.clients} clients of the past year worked with for ${longTerm.thresholdMonths}+ months)`;
  return `${line}\n  ${context}`;
}

function tipsSection(tips: readonly Tip[]): string {
  const shown = tips.filter((tip) => tip.kind !== 'long-term-context').slice(0, TIPS_SHOWN);
  if (shown.length === 0) return '';
  return `Tips:\n${shown.map((tip) => `  - ${tip.priority === 'urgent' ? 'URGENT: ' : ''}${tip.text}`).join('\n')}`;
}

export function formatScore(report: ScoreReport, tips: readonly Tip[]): string {
  const context = tips.find((tip) => tip.kind === 'long-term-context')?.text ?? '';
  return [headline(report), windowsSection(report), contractsSection(report), longTermSection(report, context), tipsSection(tips)]
    .filter((part) => part !== '')
    .join('\n\n');
}

export function formatForecast(report: ForecastReport): string {
  const head = `Forecast if nothing new happens (model ${report.model}, ${report.asOf} to ${report.until}): now ${percent(report.score)}`;
  if (report.changes.length === 0) return `${head}\n  No change in the next 12 months.`;
  const rows = report.changes.map((change) => [change.date, percent(change.score), change.window ?? '—', change.reason]);
  const assumed = report.assumedPaidOnAsOf;
  const note =
    assumed.length === 0
      ? ''
      : `\nNo payment dates for ${assumed.join(', ')}: taken as last paid on ${report.asOf}. Record payments to keep open work counting.`;
  return `${head}\n${table(rows)}${note}`;
}

export function formatPlan(report: PlanReport): string {
  const source = { given: 'as given', median: 'the median of your paid contracts', fallback: 'no paid contracts yet, so $250' }[
    report.earningsSource
  ];
  return [
    `Plan to reach ${report.target}% (model ${report.model}, as of ${report.asOf}): now ${percent(report.score)}`,
    `  ${report.summary}`,
    `  New contracts: $${report.earnings.toLocaleString('en-US')} each (${source}), 5-star feedback, each from a new client.`,
  ].join('\n');
}
