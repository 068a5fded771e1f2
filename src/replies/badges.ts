// The reply of `badges`: Top Rated, week by week. Only the parts the bot can compute are judged;
// the rest is named as unseen, never guessed.

import {
  TOP_RATED_EARNINGS,
  TOP_RATED_MIN_SCORE,
  TOP_RATED_PLUS_EARNINGS,
  TOP_RATED_WEEKS_NEEDED,
  type TopRatedStatus,
} from '../scoring/index.ts';
import { plural, usd } from './format.ts';
import { reply, type Block, type Reply } from './reply.ts';

/** "2026-12-14", or what it would take when no day within a year qualifies. */
function eligibleWords(status: TopRatedStatus, asOf: string): string {
  if (status.eligibleOn !== null && status.eligibleOn <= asOf) return `now, as far as the bot can see (${asOf})`;
  if (status.eligibleOn !== null) return `${status.eligibleOn} if nothing new happens`;
  const missing = [
    ...(status.weeksAtLeast90 < TOP_RATED_WEEKS_NEEDED
      ? [`${plural(TOP_RATED_WEEKS_NEEDED - status.weeksAtLeast90, 'more week')} at ${TOP_RATED_MIN_SCORE}% or more`]
      : []),
    ...(status.earningsMet ? [] : [`${usd(TOP_RATED_EARNINGS - status.earnings12m)} more earnings in 12 months`]),
  ];
  return `not within a year if nothing new happens${missing.length > 0 ? `; it takes ${missing.join(' and ')}` : ''}`;
}

export function badgesReply(status: TopRatedStatus, asOf: string): Reply {
  const jssMet = status.weeksAtLeast90 >= TOP_RATED_WEEKS_NEEDED;
  const recorded = status.weeks.filter((week) => week.source === 'recorded').length;
  const blocks: Block[] = [
    {
      type: 'fields',
      fields: [
        {
          label: `Weeks at ${TOP_RATED_MIN_SCORE}% or more`,
          value: `${status.weeksAtLeast90} of the last ${status.weeks.length} (${TOP_RATED_WEEKS_NEEDED} needed)`,
        },
        { label: 'Earnings, last 12 months', value: `${usd(status.earnings12m)} (${usd(TOP_RATED_EARNINGS)} needed)` },
        { label: 'Eligible on', value: eligibleWords(status, asOf) },
        {
          label: 'Top Rated Plus',
          value: `earnings part ${status.topRatedPlusEarningsMet ? 'met' : 'not met'} (${usd(TOP_RATED_PLUS_EARNINGS)} in 12 months); its other conditions are not visible to the bot`,
        },
      ],
    },
    {
      type: 'table',
      title: 'Weekly scores, oldest first:',
      columns: ['week of', 'score', 'from'],
      rows: status.weeks.map((week) => [
        week.date,
        week.score === null ? '—' : `${week.score}%`,
        week.source === 'recorded' ? 'recorded by you' : 'estimate',
      ]),
    },
  ];
  if (status.plan) blocks.push({ type: 'text', text: `To reach ${status.plan.target}%: ${status.plan.summary}` });
  blocks.push(
    { type: 'list', title: 'Conditions the bot cannot see (check them on Upwork):', items: status.unseenConditions },
    {
      type: 'context',
      text:
        recorded > 0
          ? `${plural(recorded, 'week')} use the score you recorded with "actual"; the others are estimates.`
          : 'Every week is an estimate; record what Upwork shows with "actual" to replace them.',
    },
  );
  return reply(
    'info',
    jssMet && status.earningsMet ? 'Top Rated: the parts the bot can see are met' : 'Top Rated: not yet',
    { blocks },
  );
}
