// The reply of `badges`: Top Rated, week by week. Only the parts the bot can compute are judged;
// the rest is named as unseen, never guessed.

import type { TopRatedStatus } from '../scoring/index.ts';
import { plural, usd } from './format.ts';
import { reply, type Reply } from './reply.ts';

/** Upwork's Top Rated rule, as the scoring core applies it. */
export const WEEKS_NEEDED = 13;
export const TOP_RATED_EARNINGS = 1000;
export const TOP_RATED_PLUS_EARNINGS = 10_000;

export function badgesReply(status: TopRatedStatus): Reply {
  const jssMet = status.weeksAtLeast90 >= WEEKS_NEEDED;
  const earningsMet = status.earnings12m >= TOP_RATED_EARNINGS;
  const eligible =
    status.eligibleOn !== null
      ? status.eligibleOn
      : `not while nothing changes: ${plural(Math.max(0, WEEKS_NEEDED - status.weeksAtLeast90), 'more week')} at 90% or more${earningsMet ? '' : ` and ${usd(TOP_RATED_EARNINGS - status.earnings12m)} more earnings`} needed`;
  const recorded = status.weeks.filter((week) => week.source === 'recorded').length;
  return reply('info', jssMet && earningsMet ? 'Top Rated: the parts the bot can see are met' : 'Top Rated: not yet', {
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: 'Weeks at 90% or more', value: `${status.weeksAtLeast90} of the last ${status.weeks.length} (${WEEKS_NEEDED} needed)` },
          { label: 'Earnings, last 12 months', value: `${usd(status.earnings12m)} (${usd(TOP_RATED_EARNINGS)} needed)` },
          { label: 'Eligible on', value: eligible },
          { label: 'Top Rated Plus earnings', value: `${status.topRatedPlusEarningsMet ? 'met' : 'not met'} (${usd(TOP_RATED_PLUS_EARNINGS)} in 12 months; the other Plus conditions are not visible to the bot)` },
        ],
      },
      {
        type: 'table',
        title: 'Weekly scores, oldest first:',
        columns: ['week of', 'score', 'from'],
        rows: status.weeks.map((week) => [week.date, week.score === null ? '—' : `${week.score}%`, week.source === 'recorded' ? 'recorded by you' : 'estimate']),
      },
      { type: 'list', title: 'Conditions the bot cannot see (check them on Upwork):', items: status.unseenConditions },
      { type: 'context', text: recorded > 0 ? `${plural(recorded, 'week')} use the score you recorded with "actual"; the others are estimates.` : 'Every week is an estimate; record what Upwork shows with "actual" to replace them.' },
    ],
  });
}
