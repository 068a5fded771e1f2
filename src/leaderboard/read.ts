// A leaderboard read that is cheap on the common day, when nothing is stale: the staleness probe
// runs alongside the page's own first queries instead of before them. When something is stale,
// the community's snapshots are brought up to date and the page is read again.

import type { LeaderboardPageQuery, LeaderboardView, Store } from '../ports/store.ts';
import { refreshStaleSnapshots } from './refresh.ts';

export async function readLeaderboard(
  store: Store,
  query: LeaderboardPageQuery,
  today: string,
): Promise<LeaderboardView> {
  const [stale, view] = await Promise.all([
    store.hasStaleSnapshots(query.communityId, today),
    store.leaderboardPage(query),
  ]);
  if (!stale) return view;
  await refreshStaleSnapshots(store, { communityId: query.communityId, today, skipLocked: false });
  return store.leaderboardPage(query);
}
