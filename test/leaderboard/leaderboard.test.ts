import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { EXPIRED_DAY } from '../../db/snapshot-queries.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import { refreshStaleSnapshots } from '../../src/leaderboard/refresh.ts';
import { renderText } from '../../src/replies/render-text.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { forecastContracts, type Contract } from '../../src/scoring/index.ts';
import { commandContext, TEST_AS_OF } from '../helpers/command-context.ts';
import { databaseKinds } from '../helpers/databases.ts';

const AS_OF = TEST_AS_OF;

/** The table's rows as [rank, name, value]. */
function tableOf(reply: Reply): string[][] {
  const table = reply.blocks.find((block) => block.type === 'table');
  return table?.type === 'table' ? table.rows.map((row) => row.slice(0, 3)) : [];
}

describe.each(databaseKinds)('leaderboard snapshots on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let services: Services;

  beforeAll(async () => {
    ({ store, close } = await kind.open());
    services = {
      store,
      onError: (error) => {
        throw error;
      },
    };
  });
  afterAll(async () => close());

  const run = (team: string, user: string, text: string, extra: Partial<CommandContext> = {}) =>
    runCommandText(services, commandContext('slack', team, user, extra), text);

  /** A member with one fixed contract a month (Jan…) at the given stars, who joined or not. */
  async function member(team: string, user: string, stars: number[], join = true): Promise<void> {
    for (const [i, value] of stars.entries()) {
      const month = String(i + 1).padStart(2, '0');
      expect(
        (
          await run(
            team,
            user,
            `add client:"C${i}" type:fixed start:2026-${month}-01 end:2026-${month}-20 earnings:500 stars:${value}`,
          )
        ).kind,
      ).toBe('success');
    }
    if (join) await run(team, user, 'join');
  }

  async function memberOf(team: string, user: string) {
    const community = await store.ensureCommunity({ platform: 'slack', externalId: team });
    const found = await store.findMember(community.id, user);
    if (!found) throw new Error(`no member ${user}`);
    return found;
  }

  it('pages hold 10 members; the caller sees their own page; ties across a page boundary share a rank', async () => {
    const team = 'team-pages';
    // 25 members u00…u24 with scores 100, 99, …, set straight as fresh snapshots (ranking only,
    // no scoring), except that u10, the first of page 2, ties with u09, the last of page 1.
    const community = await store.ensureCommunity({ platform: 'slack', externalId: team, name: team });
    for (let i = 0; i < 25; i++) {
      const id = `u${String(i).padStart(2, '0')}`;
      const joined = await store.setMemberFlags((await store.ensureMember(community.id, id, `Name of ${id}`)).id, {
        leaderboardOptIn: true,
      });
      const score = i === 10 ? 91 : 100 - i;
      await store.saveSnapshots([
        {
          memberId: joined.id,
          communityId: community.id,
          model: 'upwork-2025',
          score,
          window: '12m',
          longTermPercent: 50,
          outcomes: 5,
          computedOn: AS_OF,
          validUntil: '2027-01-01',
        },
      ]);
    }
    const first = await run(team, 'u00', 'leaderboard page:1');
    expect(first.title).toBe('Job Success Score leaderboard, page 1 of 3');
    const firstRows = tableOf(first);
    expect(firstRows).toHaveLength(10);
    expect(firstRows[0]?.[1]).toBe('Name of u00');
    expect(first.actions.map((action) => action.command)).toEqual(['leaderboard page:2']);

    // u14 is 15th: its page, without asking, is page 2, and its rank is in the summary.
    const mine = await run(team, 'u14', 'leaderboard');
    expect(mine.title).toBe('Job Success Score leaderboard, page 2 of 3');
    expect(renderText(mine)).toContain('You are #15 of 25.');
    const secondRows = tableOf(mine);
    expect(secondRows.map((row) => row[1])).toEqual(Array.from({ length: 10 }, (_, i) => `Name of u${10 + i}`));
    // u10 ties with u09 (rank 10), on the other page.
    expect(firstRows[9]?.[0]).toBe('10');
    expect(secondRows[0]?.[0]).toBe('10');
    expect(secondRows[1]?.[0]).toBe('12');
    expect(mine.actions.map((action) => action.command)).toEqual(['leaderboard page:1', 'leaderboard page:3']);

    const last = await run(team, 'u14', 'leaderboard page:3');
    expect(tableOf(last)).toHaveLength(5);
    expect(last.actions.map((action) => action.command)).toEqual(['leaderboard page:2', 'leaderboard page:2']);
    expect(last.actions.map((action) => action.label)).toEqual(['Previous', 'My page']);
  });

  it('members without a score are listed apart, never ranked as 0, and the long-term board ranks by long-term %', async () => {
    const team = 'team-apart';
    await member(team, 'ann', [5, 5]);
    await member(team, 'new', []); // joined with no contracts: no score yet
    const board = await run(team, 'new', 'leaderboard');
    expect(tableOf(board).map((row) => row[1])).toEqual(['Name of ann']);
    expect(renderText(board)).toContain('Not enough history yet: Name of new');
    expect(renderText(board)).toContain('You have no score yet, so you are listed apart.');
    const longTerm = await run(team, 'ann', 'leaderboard longterm');
    expect(longTerm.title).toBe('Long-term client leaderboard, page 1 of 1');
    expect(tableOf(longTerm)).toEqual([['1', 'Name of ann', '0%']]);
  });

  it('privacy: a member who did not join is in no leaderboard and no statistic; one who leaves disappears at once', async () => {
    const team = 'team-private';
    await member(team, 'ann', [5, 5]);
    await member(team, 'bob', [5, 4]);
    await member(team, 'shy', [5, 5, 5], false);
    for (const command of ['leaderboard', 'leaderboard longterm', 'stats']) {
      expect(renderText(await run(team, 'ann', command))).not.toContain('Name of shy');
    }
    expect(renderText(await run(team, 'ann', 'stats'))).toContain('Members with a score: 2');
    await run(team, 'bob', 'leave');
    const after = await run(team, 'ann', 'leaderboard');
    expect(tableOf(after).map((row) => row[1])).toEqual(['Name of ann']);
    expect(renderText(await run(team, 'ann', 'stats'))).toContain('Members with a score: 1');
    expect(renderText(await run(team, 'bob', 'leaderboard'))).toContain(
      'You are not on the leaderboard; join with "join".',
    );
  });

  it('a snapshot holds until its valid-until day, and the leaderboard shows the new score the day the forecast says it changes', async () => {
    const team = 'team-calendar';
    // A negative contract (2 stars) ended on 2025-12-15; four successes later. The negative
    // leaves a window within the year, and the score rises then.
    const lines = [
      'add id:neg client:Old type:fixed start:2025-11-01 end:2025-12-15 earnings:500 stars:2',
      'add id:s1 client:A type:fixed start:2026-06-01 end:2026-06-20 earnings:500 stars:5',
      'add id:s2 client:B type:fixed start:2026-07-01 end:2026-07-20 earnings:500 stars:5',
      'add id:s3 client:C type:fixed start:2026-08-01 end:2026-08-20 earnings:500 stars:5',
      'add id:s4 client:D type:fixed start:2026-09-01 end:2026-09-20 earnings:500 stars:5',
    ];
    for (const line of lines) expect((await run(team, 'ann', line)).kind).toBe('success');
    await run(team, 'ann', 'join');
    const ann = await memberOf(team, 'ann');
    const contracts: Contract[] = await store.listContracts(ann.id);
    const change = forecastContracts(contracts, AS_OF).changes[0];
    if (!change) throw new Error('the fixture should change score within the year');

    const before = await run(team, 'ann', 'leaderboard');
    const forecastNow = forecastContracts(contracts, AS_OF).score;
    expect(tableOf(before)[0]?.[2]).toBe(`${forecastNow}%`);
    const snapshot = await store.getSnapshot(ann.id);
    expect(snapshot?.computedOn).toBe(AS_OF);
    expect(snapshot && snapshot.validUntil < change.date).toBe(true);

    // The day before the change: the same score. The day of it: the new one, recomputed on read.
    const dayBefore = new Date(Date.parse(`${change.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(tableOf(await run(team, 'ann', 'leaderboard', { asOf: dayBefore }))[0]?.[2]).toBe(`${forecastNow}%`);
    const onTheDay = await run(team, 'ann', 'leaderboard', { asOf: change.date });
    expect(tableOf(onTheDay)[0]?.[2]).toBe(`${change.score}%`);
    expect((await store.getSnapshot(ann.id))?.computedOn).toBe(change.date);
  });

  it('a write by the member or a model change by an admin is on the leaderboard at the next read', async () => {
    const team = 'team-writes';
    await member(team, 'ann', [5, 5]);
    expect(tableOf(await run(team, 'ann', 'leaderboard'))[0]?.[2]).toBe('100%');
    await run(team, 'ann', 'add client:Z type:fixed start:2026-10-01 end:2026-10-20 earnings:500 stars:1');
    expect((await store.getSnapshot((await memberOf(team, 'ann')).id))?.validUntil).toBe(EXPIRED_DAY);
    const after = tableOf(await run(team, 'ann', 'leaderboard'))[0]?.[2];
    expect(after).not.toBe('100%');
    await run(team, 'ann', 'config model:upwork-2015', { isAdmin: true });
    expect((await store.getSnapshot((await memberOf(team, 'ann')).id))?.model).toBe('upwork-2025');
    await run(team, 'ann', 'leaderboard');
    expect((await store.getSnapshot((await memberOf(team, 'ann')).id))?.model).toBe('upwork-2015');
  });

  it('the refresh job recomputes every stale snapshot once, across communities', async () => {
    await member('team-job-a', 'ann', [5, 5]);
    await member('team-job-b', 'bob', [5, 4]);
    const day = '2027-02-01';
    const first = await refreshStaleSnapshots(store, { communityId: null, today: day, skipLocked: true, batchSize: 3 });
    expect(first.recomputed).toBeGreaterThanOrEqual(2);
    for (const [team, user] of [
      ['team-job-a', 'ann'],
      ['team-job-b', 'bob'],
    ] as const) {
      expect((await store.getSnapshot((await memberOf(team, user)).id))?.computedOn).toBe(day);
    }
    expect(await refreshStaleSnapshots(store, { communityId: null, today: day, skipLocked: true })).toEqual({
      promoted: 0,
      recomputed: 0,
      lookedAhead: 0,
    });
  });

  it('a write that lands while its snapshot is being recomputed still leaves it stale (never a fresh-looking old score)', async () => {
    const team = 'team-race';
    await member(team, 'ann', [5, 5]);
    const ann = await memberOf(team, 'ann');
    await store.expireSnapshots({ memberId: ann.id });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let claimed!: () => void;
    const hasClaimed = new Promise<void>((resolve) => (claimed = resolve));
    // A refresh that has locked the row and read the old contracts, then pauses before saving.
    const refresh = store.transaction(async (tx) => {
      const stale = await tx.claimStaleSnapshots({
        communityId: ann.communityId,
        today: AS_OF,
        limit: 10,
        skipLocked: false,
      });
      const contracts = await tx.listContractsOf(stale.map((row) => row.memberId));
      claimed();
      await gate;
      const { snapshotFor } = await import('../../src/leaderboard/refresh.ts');
      await tx.saveSnapshots(stale.map((row) => snapshotFor(row, contracts.get(row.memberId) ?? [], AS_OF)));
    });
    await hasClaimed;
    const write = run(team, 'ann', 'add client:Z type:fixed start:2026-10-01 end:2026-10-20 earnings:500 stars:1');
    setTimeout(release, 200);
    await Promise.all([refresh, write]);
    expect((await store.getSnapshot(ann.id))?.validUntil).toBe(EXPIRED_DAY);
    expect(tableOf(await run(team, 'ann', 'leaderboard'))[0]?.[2]).not.toBe('100%');
  });

  it('a switched-off leaderboard shows nothing', async () => {
    const team = 'team-off';
    await member(team, 'ann', [5, 5]);
    await run(team, 'ann', 'config leaderboard:off', { isAdmin: true });
    const board = await run(team, 'ann', 'leaderboard');
    expect(board.title).toBe('Leaderboards are off in this community');
    expect(renderText(board)).not.toContain('Name of ann');
  });

  it('after the job looked ahead, a day change is a promotion that equals recomputing from the contracts', async () => {
    const team = 'team-ahead';
    const lines = [
      'add id:neg client:Old type:fixed start:2025-11-01 end:2025-12-15 earnings:500 stars:2',
      'add id:s1 client:A type:fixed start:2026-06-01 end:2026-06-20 earnings:500 stars:5',
      'add id:s2 client:B type:fixed start:2026-07-01 end:2026-07-20 earnings:500 stars:5',
      'add id:open client:C type:hourly start:2026-08-01 earnings:900 lastPayment:2026-10-30',
    ];
    for (const line of lines) expect((await run(team, 'ann', line)).kind).toBe('success');
    await run(team, 'ann', 'join');
    const ann = await memberOf(team, 'ann');
    const community = await store.ensureCommunity({ platform: 'slack', externalId: team });
    await refreshStaleSnapshots(store, { communityId: community.id, today: AS_OF, skipLocked: true, lookAhead: true });
    const before = await store.getSnapshot(ann.id);
    if (!before?.next) throw new Error('the job should have looked ahead');
    const nextDay = new Date(Date.parse(`${before.validUntil}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const counts = await refreshStaleSnapshots(store, { communityId: community.id, today: nextDay, skipLocked: false });
    expect(counts).toEqual({ promoted: 1, recomputed: 0, lookedAhead: 0 });
    const promoted = await store.getSnapshot(ann.id);
    const { snapshotFor } = await import('../../src/leaderboard/refresh.ts');
    const recomputed = snapshotFor(
      { memberId: ann.id, communityId: community.id, model: 'upwork-2025', params: {} },
      await store.listContracts(ann.id),
      nextDay,
    );
    expect(promoted).toEqual(recomputed);
  });

  describe('regressions', () => {
    // src/commands/handlers/leaderboard.ts did not clamp `page`: `leaderboard page:7` with one page
    // of members sliced nothing, titled itself "page 1 of 1", claimed "Nobody with a score has
    // joined yet" although members with scores had joined, and offered "Previous" to page 6 (empty too).
    it('a page past the last one shows the last page, not an empty "nobody joined" page', async () => {
      const run = (text: string) =>
        runCommandText({ store }, commandContext('slack', 'T-lb', 'ann', { displayName: 'Name ann' }), text);
      await run('add client:A type:fixed start:2026-01-10 end:2026-02-01 earnings:1200 stars:5');
      await run('add client:B type:fixed start:2026-03-10 end:2026-04-01 earnings:1200 stars:5');
      await run('join');
      const reply = await run('leaderboard page:7');
      const text = renderText(reply);
      expect(text).toContain('Name ann');
      expect(text).not.toContain('Nobody with a score has joined yet');
      expect(reply.actions.map((action) => action.command)).not.toContain('leaderboard page:6');
    });
  });
});
