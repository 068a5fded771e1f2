import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { LeaderboardOrder, Store } from '../../src/ports/store.ts';
import { databaseKinds } from '../helpers/databases.ts';

interface Standing {
  score: number | null;
  longTermPercent: number | null;
  outcomes: number;
}

const standing = fc.record({
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 5 }),
  // Few distinct values, so ties are common.
  longTermPercent: fc.option(fc.constantFrom(0, 50, 100), { nil: null, freq: 4 }),
  outcomes: fc.integer({ min: 0, max: 3 }),
});

/** The reference ranking, by sorting everyone: what the index-and-counts queries must agree with. */
function reference(members: { id: number; standing: Standing }[], order: LeaderboardOrder) {
  const primary = (s: Standing) => (order === 'score' ? s.score : s.longTermPercent);
  const secondary = (s: Standing) => (order === 'score' ? s.longTermPercent : s.score) ?? -1;
  const ranked = members.filter((member) => primary(member.standing) !== null);
  const compare = (a: Standing, b: Standing) =>
    (primary(b) as number) - (primary(a) as number) || secondary(b) - secondary(a) || b.outcomes - a.outcomes;
  ranked.sort((a, b) => compare(a.standing, b.standing) || a.id - b.id);
  return ranked.map((member) => ({
    id: member.id,
    rank: 1 + ranked.filter((other) => compare(other.standing, member.standing) < 0).length,
  }));
}

describe.each(databaseKinds)('leaderboard pages from snapshots and counts on $name', (kind) => {
  let store: Store;
  let db: Database;
  let close: () => Promise<void>;
  let communities = 0;
  beforeAll(async () => ({ store, db, close } = await kind.open()));
  afterAll(async () => close());

  async function community(standings: Standing[]) {
    const created = await store.ensureCommunity({ platform: 'discord', externalId: `g-${++communities}` });
    const members: { id: number; standing: Standing }[] = [];
    for (const [i, value] of standings.entries()) {
      const member = await store.setMemberFlags((await store.ensureMember(created.id, `u${i}`, `n${i}`)).id, {
        leaderboardOptIn: true,
      });
      members.push({ id: member.id, standing: value });
    }
    await store.saveSnapshots(
      members.map((member) => ({
        memberId: member.id,
        communityId: created.id,
        model: 'upwork-2025',
        window: null,
        computedOn: '2026-11-22',
        validUntil: '2026-12-31',
        ...member.standing,
      })),
    );
    return { communityId: created.id, members };
  }

  it("ranks, pages and the caller's place agree with sorting everyone, for any standings and both boards", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(standing, { minLength: 0, maxLength: 23 }),
        fc.constantFrom<LeaderboardOrder>('score', 'longTerm'),
        async (standings, order) => {
          const { communityId, members } = await community(standings);
          const expected = reference(members, order);
          const pageSize = 5;
          const pages = Math.max(1, Math.ceil(expected.length / pageSize));
          for (let page = 1; page <= pages; page++) {
            const view = await store.leaderboardPage({
              communityId,
              order,
              memberId: members[0]?.id ?? 0,
              page,
              pageSize,
              unrankedLimit: 3,
            });
            expect(view.total).toBe(expected.length);
            expect(view.pages).toBe(pages);
            expect(view.rows.map((row) => ({ id: row.memberId, rank: row.rank }))).toEqual(
              expected.slice((page - 1) * pageSize, page * pageSize),
            );
          }
          for (const member of members) {
            const view = await store.leaderboardPage({
              communityId,
              order,
              memberId: member.id,
              page: undefined,
              pageSize,
              unrankedLimit: 3,
            });
            const place = expected.findIndex((entry) => entry.id === member.id);
            if (place < 0) {
              expect(view.me).toBeNull();
              expect(view.meListedApart).toBe(true);
            } else {
              expect(view.me).toEqual({ rank: expected[place]?.rank, position: place + 1 });
              expect(view.page).toBe(Math.floor(place / pageSize) + 1);
              expect(view.rows.map((row) => row.memberId)).toContain(member.id);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('the page answers whether the community has a stale snapshot as of the day asked, as hasStaleSnapshots does', async () => {
    // Snapshots computed on 2026-11-22, valid until 2026-12-31.
    const { communityId, members } = await community([{ score: 90, longTermPercent: 50, outcomes: 2 }]);
    const { communityId: other } = await community([{ score: 80, longTermPercent: 50, outcomes: 2 }]);
    const page = (staleAsOf: string | undefined) =>
      store.leaderboardPage({
        communityId,
        order: 'score',
        memberId: members[0]?.id ?? 0,
        page: undefined,
        pageSize: 5,
        unrankedLimit: 3,
        staleAsOf,
      });
    for (const day of ['2026-11-21', '2026-11-22', '2026-12-31', '2027-01-01']) {
      expect((await page(day)).stale).toBe(await store.hasStaleSnapshots(communityId, day));
    }
    expect((await page('2026-12-01')).stale).toBe(false);
    expect((await page('2027-01-01')).stale).toBe(true);
    expect((await page(undefined)).stale).toBe(false);
    // Another community's stale row is not this one's.
    await store.expireSnapshots({ communityId: other });
    expect((await page('2026-12-01')).stale).toBe(false);
    await store.expireSnapshots({ communityId });
    expect((await page('2026-12-01')).stale).toBe(true);
  });

  it('the counts follow every insert, update, expiry, leave and forget (cascades included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(standing, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.constantFrom('rescore', 'expire', 'leave', 'forget', 'rejoin'), fc.nat(), standing), {
          maxLength: 15,
        }),
        async (standings, operations) => {
          const { communityId, members } = await community(standings);
          const forgotten = new Set<number>();
          for (const [operation, index, value] of operations) {
            const member = members[index % members.length] as { id: number };
            if (forgotten.has(member.id)) continue;
            if (operation === 'rescore') {
              await store.saveSnapshots([
                {
                  memberId: member.id,
                  communityId,
                  model: 'upwork-2025',
                  window: null,
                  computedOn: '2026-11-22',
                  validUntil: '2026-12-31',
                  ...value,
                },
              ]);
            } else if (operation === 'expire') await store.expireSnapshots({ memberId: member.id });
            else if (operation === 'leave') await store.setMemberFlags(member.id, { leaderboardOptIn: false });
            else if (operation === 'rejoin') await store.setMemberFlags(member.id, { leaderboardOptIn: true });
            else {
              await store.forgetMember(member.id);
              forgotten.add(member.id);
            }
          }
          const counted = await db.execute(
            sql`select board, value, members from leaderboard_counts where community_id = ${communityId} and members <> 0 order by board, value`,
          );
          const actual = await db.execute(sql`
            select board, value, count(*)::int as members from (
              select 'score' as board, coalesce(score, -1) as value from score_snapshots where community_id = ${communityId}
              union all select 'long_term', coalesce(long_term_percent, -1) from score_snapshots where community_id = ${communityId}
            ) x group by board, value order by board, value`);
          const rowsOf = (result: unknown) =>
            (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).map((row) => ({
              ...(row as object),
            }));
          expect(rowsOf(counted)).toEqual(rowsOf(actual));
        },
      ),
      { numRuns: 15 },
    );
  });
});
