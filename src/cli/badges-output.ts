// What `jss-coach badges` prints: the 16 weeks, the earnings part, the date you would qualify,
// and what the bot cannot see.

import type { TopRatedStatus } from '../scoring/index.ts';
import { TOP_RATED_EARNINGS, TOP_RATED_PLUS_EARNINGS, TOP_RATED_WEEKS_NEEDED } from '../scoring/index.ts';

const usd = (value: number) => `$${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

export function badgesJson(status: TopRatedStatus): object {
  return { topRated: status };
}

export function badgesText(status: TopRatedStatus): string {
  const lines = ['Top Rated, the last 16 weeks (a recorded score replaces the estimate for its week):'];
  for (const week of status.weeks) {
    const score = week.score === null ? 'no score' : `${week.score}%`;
    lines.push(
      `  ${week.date}  ${score.padEnd(8)} ${week.source}${week.score !== null && week.score >= 90 ? '  ✓' : ''}`,
    );
  }
  lines.push(
    '',
    `Weeks at 90% or more: ${status.weeksAtLeast90} of 16 (Top Rated needs ${TOP_RATED_WEEKS_NEEDED}).`,
    `Earnings of the past 12 months: ${usd(status.earnings12m)} (Top Rated needs ${usd(TOP_RATED_EARNINGS)}: ${status.earningsMet ? 'met' : 'not yet'}).`,
  );
  if (status.eligibleOn !== null) {
    lines.push(`If nothing new happens, the score and earnings parts are met from ${status.eligibleOn}.`);
  } else {
    lines.push('If nothing new happens, the score and earnings parts are not met within a year.');
    if (status.plan) lines.push(`What it takes: ${status.plan.summary}`);
  }
  lines.push(
    `Top Rated Plus: only its earnings part is checked here (${usd(TOP_RATED_PLUS_EARNINGS)} in 12 months): ${status.topRatedPlusEarningsMet ? 'met' : 'not met'}.`,
    '',
    'Upwork also checks what the bot cannot see:',
    ...status.unseenConditions.map((condition) => `  - ${condition}`),
  );
  return lines.join('\n');
}
