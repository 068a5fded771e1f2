// Commands of one member racing on PostgreSQL over several pooled connections (PGlite runs one
// statement at a time and would hide every race). Each interleaving is staged, not hoped for: the
// first command is held inside its transaction right after its write, the second is started and
// seen waiting on a lock, then the first is let go.

import type { Database } from '../../db/database.ts';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { runCommand, runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { untilSomeoneWaitsOnALock } from '../helpers/lock-waits.ts';
import { memberOf, seedContracts } from '../helpers/seed-contracts.ts';
import { pauseAfter, type StoreWrite } from '../helpers/staged-store.ts';

// Where TEST_DATABASE_URL names a server (CI sets it); PGlite would hide every race.
const postgresKinds = databaseKinds.filter((kind) => kind.name === 'postgres');
const K1 = 'add id:k1 client:Acme type:hourly start:2026-01-10 earnings:500';

describe.each(databaseKinds)("one member's burst of adds on $name", (kind) => {
  it('20 adds without ids at once: 20 "Added", 20 distinct ids', async () => {
    const { store, close } = await kind.open();
    try {
      const replies = await Promise.all(
        Array.from({ length: 20 }, async (_, index) =>
          renderText(
            await runCommandText(
              { store },
              commandContext('slack', 'team-burst', 'U1'),
              `add client:C${index} type:fixed start:2026-02-01`,
            ),
          ),
        ),
      );
      expect(replies.filter((text) => text.startsWith('Added c')).length).toBe(20);
      const ids = (await store.listContracts(await memberOf(store, 'team-burst', 'U1'))).map((contract) => contract.id);
      expect(new Set(ids).size).toBe(20);
    } finally {
      await close();
    }
  });
});

describe.each(postgresKinds)('write races on PostgreSQL', (postgres) => {
  let store: Store;
  let db: Database;
  useDatabase(postgres, (opened) => ({ store, db } = opened));
  let users = 0;

  const services = (on: Store): Services => throwingServices(on);
  const run = async (on: Store, user: string, text: string, community = 'team-r') =>
    renderText(await runCommandText(services(on), commandContext('slack', community, user), text));

  /** `first` is held right after its `write`; `second` starts, waits on a lock, then `first` goes on. */
  async function race(user: string, first: string, write: StoreWrite, second: string) {
    const paused = pauseAfter(store, write);
    const firstReply = run(paused.store, user, first);
    await paused.reached;
    const secondReply = run(store, user, second);
    await untilSomeoneWaitsOnALock(db, 'the second command');
    paused.release();
    return { first: await firstReply, second: await secondReply };
  }

  async function newMember(...adds: string[]) {
    const user = `r${++users}`;
    for (const add of adds) expect(await run(store, user, add)).toMatch(/^Added/);
    return { user, memberId: await memberOf(store, 'team-r', user) };
  }

  it('end k1 racing edit k1 id:k2: no "Ended" for a contract that was renamed; nothing ended', async () => {
    const { user, memberId } = await newMember(K1);
    const { first, second } = await race(user, 'edit k1 id:k2', 'replaceContract', 'end k1 stars:5');
    expect(first).toMatch(/^Changed k2/);
    expect(second).not.toContain('Ended');
    expect(second).toContain('"k1"');
    expect(await store.listContracts(memberId)).toMatchObject([{ id: 'k2', end: null, stars: null }]);
  });

  it('pay k1 racing edit k1 id:k2: no "Recorded"; no payment', async () => {
    const { user, memberId } = await newMember(K1);
    const { first, second } = await race(user, 'edit k1 id:k2', 'replaceContract', 'pay k1 amount:100');
    expect(first).toMatch(/^Changed k2/);
    expect(second).not.toContain('Recorded');
    expect(await store.listContracts(memberId)).toMatchObject([{ id: 'k2', earnings: 500 }]);
  });

  it('import racing an add of an id the import also uses: no "Imported"; nothing imported', async () => {
    const { user, memberId } = await newMember(K1);
    const csv = 'import\nid,client,type,start\nx1,A,fixed,2026-02-01\nx2,B,fixed,2026-02-02\nx3,C,fixed,2026-02-03';
    const { first, second } = await race(user, 'add id:x2 client:Z type:fixed start:2026-03-01', 'insertContract', csv);
    expect(first).toMatch(/^Added x2/);
    expect(second).not.toContain('Imported');
    expect(second).toContain('x2');
    expect((await store.listContracts(memberId)).map((contract) => contract.id)).toEqual(['k1', 'x2']);
  });

  it('remove k1 racing remove k1: exactly one "Removed"', async () => {
    const { user, memberId } = await newMember(K1);
    const { first, second } = await race(user, 'remove k1', 'deleteContract', 'remove k1');
    expect(first).toMatch(/^Removed k1/);
    expect(second).not.toContain('Removed');
    expect(await store.listContracts(memberId)).toEqual([]);
  });

  it('an add racing the same member\'s "forget confirm": a clear reply, not a failure on our side', async () => {
    const { user, memberId } = await newMember(K1);
    const asked = await run(store, user, 'forget');
    const code = /forget confirm:([A-Z0-9]+)/.exec(asked)?.[1] as string;
    const { first, second } = await race(
      user,
      `forget confirm:${code}`,
      'forgetMember',
      'add client:Late type:fixed start:2026-02-01',
    );
    expect(first).toMatch(/^Everything about you is deleted/);
    expect(second).toContain('everything about you was deleted by another request while this ran; nothing was done');
    expect(await store.listContracts(memberId)).toEqual([]);
  });

  it("one member's write in progress blocks neither another member's write nor a snapshot saved for them", async () => {
    const { user, memberId } = await newMember();
    const paused = pauseAfter(store, 'insertContract');
    const held = run(paused.store, user, 'add client:Held type:fixed start:2026-02-01');
    await paused.reached;
    const other = await newMember('add client:Other type:fixed start:2026-02-01');
    expect((await store.listContracts(other.memberId)).length).toBe(1);
    // The refresh job inserts snapshots: the foreign key's KEY SHARE lock passes FOR NO KEY UPDATE.
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'team-r' });
    await store.saveSnapshots([
      {
        memberId,
        communityId: community.id,
        model: 'upwork-2025',
        score: null,
        window: null,
        longTermPercent: null,
        outcomes: 0,
        computedOn: '2026-11-22',
        validUntil: '2026-11-22',
      },
    ]);
    paused.release();
    expect(await held).toMatch(/^Added c1/);
  });

  it("a config holding the member's lock and a request renaming the community do not deadlock", async () => {
    const user = `r${++users}`;
    const community = 'team-rename';
    expect(await run(store, user, 'add client:A type:fixed start:2026-02-01', community)).toMatch(/^Added/);
    const paused = pauseAfter(store, 'lockMember');
    const config = runCommandText(
      services(paused.store),
      commandContext('slack', community, user, { isAdmin: true }),
      'config model:upwork-2015',
    );
    await paused.reached;
    const renamed = { platform: 'slack' as const, externalId: community, name: 'Renamed team' };
    const add = runCommandText(
      services(store),
      commandContext('slack', community, user, { community: renamed }),
      'add client:B type:fixed start:2026-02-01',
    );
    await untilSomeoneWaitsOnALock(db, 'the second command');
    paused.release();
    expect((await config).title).toBe('Community settings');
    expect((await add).title).toMatch(/^Added/);
    expect(await store.ensureCommunity({ platform: 'slack', externalId: community })).toMatchObject({
      name: 'Renamed team',
      model: 'upwork-2015',
    });
  });

  it('20 adds without ids at once for one member: 20 "Added", 20 distinct ids', async () => {
    const { user, memberId } = await newMember();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) => run(store, user, `add client:C${index} type:fixed start:2026-02-01`)),
    );
    expect(replies.filter((text) => text.startsWith('Added c')).length).toBe(20);
    const ids = (await store.listContracts(memberId)).map((contract) => contract.id);
    expect(new Set(ids).size).toBe(20);
    expect(new Set(replies.map((text) => /^Added (\S+)/.exec(text)?.[1]))).toEqual(new Set(ids));
  });

  it('50 members × 20 adds without ids at once: exactly 1,000 rows and 1,000 "Added"', async () => {
    const community = 'team-figure';
    // Member by member: the pool's connections then carry one member's adds at a time, the contended case.
    const commands = Array.from({ length: 50 }, (_, member) =>
      Array.from({ length: 20 }, (_, round) => ({
        user: `fig${member}`,
        text: `add client:C${round} type:fixed start:2026-02-01`,
      })),
    ).flat();
    const started = performance.now();
    const replies = await Promise.all(commands.map(({ user, text }) => run(store, user, text, community)));
    const seconds = (performance.now() - started) / 1000;
    console.log(`50 members × 20 concurrent adds on PostgreSQL: ${seconds.toFixed(2)} s`);
    expect(replies.filter((text) => text.startsWith('Added c')).length).toBe(1000);
    const memberIds = await Promise.all(
      Array.from({ length: 50 }, (_, member) => memberOf(store, community, `fig${member}`)),
    );
    const rows = await store.listContractsOf(memberIds);
    expect([...rows.values()].reduce((total, list) => total + list.length, 0)).toBe(1000);
    for (const list of rows.values()) expect(new Set(list.map((contract) => contract.id)).size).toBe(20);
  }, 120_000);

  it('adds racing at the cap: exactly enough succeed to reach 2,000, never more', async () => {
    const user = `r${++users}`;
    const memberId = await memberOf(store, 'team-r', user);
    await seedContracts(db, memberId, 1998);
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, index) => run(store, user, `add client:Late${index} type:fixed start:2026-02-01`)),
    );
    expect(replies.filter((text) => text.startsWith('Added')).length).toBe(2);
    expect(replies.filter((text) => text.includes('2,000')).length).toBe(3);
    expect((await store.listContracts(memberId)).length).toBe(2000);
  });

  it('an import racing a big import of the same member: one of them, never both past the cap', async () => {
    const user = `r${++users}`;
    const memberId = await memberOf(store, 'team-r', user);
    await seedContracts(db, memberId, 1000);
    const body = (prefix: string) =>
      [
        'id,client,type,start',
        ...Array.from({ length: 600 }, (_, index) => `${prefix}${index},C,fixed,2026-02-01`),
      ].join('\n');
    const imports = ['a', 'b'].map((prefix) =>
      runCommand(services(store), commandContext('slack', 'team-r', user), {
        command: 'import',
        positionals: [],
        named: {},
        body: body(prefix),
      }),
    );
    const replies = (await Promise.all(imports)).map(renderText);
    expect(replies.filter((text) => text.startsWith('Imported 600')).length).toBe(1);
    expect((await store.listContracts(memberId)).length).toBe(1600);
  });
});
