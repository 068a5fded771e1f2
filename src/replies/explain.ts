// The reply of `explain`: what hidden facts would make the estimate meet the scores the member
// recorded, in the scoring core's plain words, each with the command that applies it. Nothing
// changes until the member runs one.

import type { ExplainResult } from '../scoring/index.ts';
import { reply, type Action, type Block, type Reply } from './reply.ts';

/** Buttons at most: one per command of the explanations shown, the likeliest first. */
const ACTIONS_SHOWN = 5;

export function explainReply(result: ExplainResult): Reply {
  const table: Block = {
    type: 'table',
    title: 'Recorded beside the estimate for each day:',
    columns: ['date', 'Upwork', 'estimate'],
    rows: result.observations.map((day) => [
      day.date,
      `${day.reported}%`,
      day.estimated === null ? '—' : `${day.estimated}%`,
    ]),
  };
  if (result.fits)
    return reply('info', 'The estimate matches what Upwork showed', { summary: result.summary, blocks: [table] });
  if (result.explanations.length === 0) {
    return reply('info', 'No hidden fact explains the gap', {
      summary: result.summary,
      blocks: [
        table,
        { type: 'context', text: 'Check the contracts\' dates, earnings and feedback with "list" and "why".' },
      ],
    });
  }
  const several = result.explanations.length > 1;
  const blocks: Block[] = [];
  // One explanation reads as the summary; several as a list, likeliest first, each with its commands.
  if (several) {
    blocks.push({
      type: 'list',
      items: result.explanations.map(
        (explanation, i) => `${i + 1}. ${explanation.text} Apply: ${explanation.commands.join(' then ')}`,
      ),
    });
  }
  blocks.push(table);
  if (!result.complete && result.exact)
    blocks.push({
      type: 'context',
      text: 'The search was cut short (many contracts): a smaller explanation may exist.',
    });
  const commands = result.explanations.flatMap((explanation) => explanation.commands);
  blocks.push({
    type: 'context',
    text: `Nothing is changed until you run a command${several ? '' : `: ${commands.join(' then ')}`}. A wrong guess is undone with edit ID counted:none.`,
  });
  const actions: Action[] = [...new Set(commands)]
    .slice(0, ACTIONS_SHOWN)
    .map((command) => ({ label: `Apply: ${command}`, command }));
  const title = result.exact
    ? several
      ? `${result.explanations.length} explanations for the gap`
      : 'An explanation for the gap'
    : 'Nothing explains the gap exactly';
  return reply('info', title, {
    summary: several
      ? 'Each of these would make the estimate meet every day you recorded; the likeliest first.'
      : result.summary,
    blocks,
    actions,
  });
}
