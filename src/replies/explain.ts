// The reply of `explain`: what hidden facts would make the estimate meet the scores the member
// recorded, in plain words, each with the command that applies it. Nothing changes until the
// member runs one.

import type { ExplainResult, Explanation } from '../scoring/index.ts';
import { plural } from './format.ts';
import { reply, type Action, type Reply } from './reply.ts';

/** Buttons at most: one per command of the explanations shown, the likeliest first. */
const ACTIONS_SHOWN = 5;
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five'];

function facts(count: number): string {
  return `${NUMBER_WORDS[count] ?? count} hidden fact${count === 1 ? '' : 's'}`;
}

/** "Upwork's 87% on 2026-11-20", or "Upwork's scores on 3 recorded days (latest 87% on 2026-11-20)". */
function whatUpworkShowed(result: ExplainResult): string {
  const latest = result.observations[result.observations.length - 1];
  if (!latest) return "Upwork's scores";
  if (result.observations.length === 1) return `Upwork's ${latest.reported}% on ${latest.date}`;
  return `Upwork's scores on ${result.observations.length} recorded days (latest ${latest.reported}% on ${latest.date})`;
}

function sentence(lead: string, explanation: Explanation, exact: boolean): string {
  const text = explanation.text.replace(/\.$/, '');
  return exact ? `${lead} fits ${facts(explanation.changes.length)}: ${text}.` : `Nearest: ${text} (${plural(explanation.distance, 'point')} off in all).`;
}

export function explainReply(result: ExplainResult): Reply {
  const table = {
    type: 'table' as const,
    title: 'Recorded beside the estimate for each day:',
    columns: ['date', 'Upwork', 'estimate'],
    rows: result.observations.map((day) => [day.date, `${day.reported}%`, day.estimated === null ? '—' : `${day.estimated}%`]),
  };
  if (result.fits) {
    return reply('info', 'The estimate matches what Upwork showed', { summary: result.summary, blocks: [table] });
  }
  const lead = whatUpworkShowed(result);
  if (result.explanations.length === 0) {
    return reply('info', 'No hidden fact explains the gap', { summary: result.summary, blocks: [table, { type: 'context', text: 'Check the contracts\' dates, earnings and feedback with "list" and "why".' }] });
  }
  const items = result.explanations.map((explanation) => sentence(lead, explanation, result.exact));
  const actions: Action[] = result.explanations
    .flatMap((explanation) => explanation.commands)
    .slice(0, ACTIONS_SHOWN)
    .map((command) => ({ label: `Apply: ${command}`, command }));
  const commands = result.explanations.map((explanation, i) => `${i + 1}. ${explanation.commands.join(' ; ')}`);
  return reply('info', result.exact ? `What would explain ${lead}` : `Nothing explains ${lead} exactly`, {
    summary: result.summary,
    blocks: [
      { type: 'list', items },
      table,
      { type: 'context', text: `Nothing is changed until you run a command: ${commands.join('  ')}` },
    ],
    actions,
  });
}
