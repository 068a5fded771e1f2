import { scoreContracts } from '../../scoring/index.ts';
import { num, plural } from '../../replies/format.ts';
import { reply } from '../../replies/reply.ts';
import { modelOptionsOf } from '../scoring.ts';
import type { CommandDefinition } from '../types.ts';

/** The q-quantile of sorted numbers, interpolating between neighbours ((n − 1)·q, as spreadsheets do). */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] as number;
  return a + ((sorted[high] as number) - a) * (position - low);
}

/** Share of the others below a score, counting ties as half below (so the middle member is at 50). */
export function percentileOf(sorted: readonly number[], score: number): number {
  const below = sorted.filter((value) => value < score).length;
  const equal = sorted.filter((value) => value === score).length;
  return Math.round((100 * (below + equal / 2)) / sorted.length);
}

export const stats: CommandDefinition = {
  name: 'stats',
  summary: "The community's estimated scores: median, quartiles and where you stand (members who joined only).",
  usage: 'stats',
  examples: ['stats'],
  args: [],
  maxPositionals: 0,
  writes: false,
  async run({ ctx, store, community, member }) {
    const options = modelOptionsOf(community);
    const scores = (await store.leaderboardMembers(community.id))
      .map(({ contracts }) => scoreContracts(contracts, ctx.asOf, options).score)
      .filter((score): score is number => score !== null)
      .sort((a, b) => a - b);
    if (scores.length === 0) {
      return reply('info', 'No community statistics yet', { summary: 'Statistics come from members who joined the leaderboard and have a score. Join with "join".' });
    }
    const mine = scoreContracts(await store.listContracts(member.id), ctx.asOf, options).score;
    const fields = [
      { label: 'Members with a score', value: String(scores.length) },
      { label: 'Median', value: `${num(quantile(scores, 0.5))}%` },
      { label: 'Quartiles', value: `${num(quantile(scores, 0.25))}% – ${num(quantile(scores, 0.75))}%` },
      { label: 'Range', value: `${scores[0]}% – ${scores[scores.length - 1]}%` },
    ];
    const standing =
      mine === null
        ? 'You have no score yet, so you have no place in these statistics.'
        : `Your estimated score, ${mine}%, is above ${percentileOf(scores, mine)}% of the ${plural(scores.length, 'member')} who joined.`;
    return reply('info', 'Community statistics', { summary: standing, blocks: [{ type: 'fields', fields }, { type: 'context', text: 'From members who joined the leaderboard only; nobody else is counted.' }] });
  },
};
