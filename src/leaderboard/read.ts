// A leaderboard read that is one statement on the common day, when nothing is stale: the page
// answers the staleness probe too. When something is stale, the community's snapshots are brought
// up to date and the page is read again.

import type { LeaderboardPageQuery, LeaderboardView, Store } from '../ports/store.ts';
import { refreshStaleSnapshots } from './refresh.ts';

export async function readLeaderboard(
  store: Store,
  query: LeaderboardPageQuery,
  today: string,
): Promise<LeaderboardView> {
  const view = await store.leaderboardPage({ ...query, staleAsOf: today });
  if (!view.stale) return view;
  await refreshStaleSnapshots(store, { communityId: query.communityId, today, skipLocked: false, knownStale: true });
  return store.leaderboardPage(query);
}
