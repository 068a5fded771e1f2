// The replies of `actual`: what Upwork showed the member, each day beside this bot's estimate for
// that same day (what was known then), so a gap is seen where it opened.

import type { Observation } from '../scoring/index.ts';
import { plural } from './format.ts';
import { reply, type Block, type Reply } from './reply.ts';

/** Rows shown in the list; export has every record. */
export const ACTUAL_ROWS_SHOWN = 25;

export interface ComparedDay {
  observation: Observation;
  /** This bot's displayed score for that day; null when it had none. */
  estimate: number | null;
}

/** "2 points below Upwork's", "the same", "none": how the estimate stands against a recorded score. */
export function gapWords(reported: number, estimate: number | null): string {
  if (estimate === null) return 'none (no score that day)';
  const gap = estimate - reported;
  if (gap === 0) return `${estimate}%, the same`;
  return `${estimate}%, ${plural(Math.abs(gap), 'point')} ${gap > 0 ? 'above' : 'below'} Upwork's`;
}

export function hasGap(day: ComparedDay): boolean {
  return day.estimate !== day.observation.score;
}

export function recordedReply(day: ComparedDay, replaced: Observation | null): Reply {
  const { observation } = day;
  const longterm =
    observation.longterm === null || observation.longterm === undefined
      ? ''
      : `, long-term clients ${observation.longterm}%`;
  const title = replaced
    ? `Replaced ${observation.date}: ${replaced.score}% → ${observation.score}%`
    : `Recorded ${observation.score}% for ${observation.date}`;
  return reply('success', title, {
    summary: `Upwork showed ${observation.score}%${longterm} on ${observation.date}. This bot's estimate for that day: ${gapWords(observation.score, day.estimate)}.`,
    actions: [
      ...(hasGap(day) ? [{ label: 'Explain the gap', command: 'explain', style: 'primary' as const }] : []),
      { label: 'Recorded scores', command: 'actual' },
    ],
  });
}

export function actualListReply(days: readonly ComparedDay[]): Reply {
  if (days.length === 0) {
    return reply('info', 'No Upwork scores recorded yet', {
      summary:
        'Record the Job Success Score Upwork shows you, and this bot compares it with its estimate for that day: actual 87 (or actual 87 date:2026-11-20 longterm:40).',
    });
  }
  const newestFirst = [...days].reverse();
  const shown = newestFirst.slice(0, ACTUAL_ROWS_SHOWN);
  const rows = shown.map(({ observation, estimate }) => [
    observation.date,
    `${observation.score}%`,
    observation.longterm === null || observation.longterm === undefined ? '—' : `${observation.longterm}%`,
    estimate === null ? '—' : `${estimate}%`,
    estimate === null ? '—' : signed(estimate - observation.score),
  ]);
  const gaps = days.filter(hasGap).length;
  const more = days.length - shown.length;
  return reply('info', `Your recorded Upwork scores (${days.length})`, {
    summary:
      gaps === 0
        ? 'The estimate matches every recorded day.'
        : `The estimate differs on ${plural(gaps, 'day')}; "explain" looks for what Upwork may know that the bot does not.`,
    blocks: [
      { type: 'table', columns: ['date', 'Upwork', 'long-term', 'estimate', 'gap'], rows },
      ...(more > 0
        ? [{ type: 'context' as const, text: `${plural(more, 'earlier day')} not shown; "export" has them all.` }]
        : []),
      {
        type: 'context',
        text: 'Each estimate is for its own day, from what was known then. Only you see these records.',
      },
    ],
    actions: gaps > 0 ? [{ label: 'Explain the gap', command: 'explain', style: 'primary' }] : [],
  });
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** For `score`: one line when the latest recorded score and the estimate for its day differ (never shared). */
export function gapLine(latest: Observation, estimate: number | null): Block | null {
  if (estimate === latest.score) return null;
  const estimated = estimate === null ? 'has no score for that day' : `estimated ${estimate}% for that day`;
  return {
    type: 'text',
    text: `Upwork showed you ${latest.score}% on ${latest.date}; this bot ${estimated}. "explain" looks for why.`,
    memberOnly: true,
  };
}
