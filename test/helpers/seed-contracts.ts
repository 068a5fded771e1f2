// Many contracts for one member in one statement, for tests near the per-member cap: thousands of
// `add` commands would take minutes.

import { contractColumns } from '../../db/contract-rows.ts';
import type { Database } from '../../db/database.ts';
import { contracts } from '../../db/schema.ts';
import type { Store } from '../../src/ports/store.ts';

/** The member a command of `user` in slack community `community` runs as (created if new). */
export async function memberOf(store: Store, community: string, user: string): Promise<number> {
  const found = await store.ensureCommunity({ platform: 'slack', externalId: community, name: community });
  return (await store.ensureMember(found.id, user, `Name of ${user}`)).id;
}

/** Inserts `count` ended fixed-price contracts s1…sN (500 rows a statement, under the parameter limit). */
export async function seedContracts(db: Database, memberId: number, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, index) => ({
    memberId,
    ...contractColumns({
      id: `s${index + 1}`,
      client: `Client ${index + 1}`,
      type: 'fixed',
      start: '2025-01-01',
      end: '2025-02-01',
      earnings: 100,
      stars: 5,
    }),
  }));
  for (let at = 0; at < rows.length; at += 500) await db.insert(contracts).values(rows.slice(at, at + 500));
}
