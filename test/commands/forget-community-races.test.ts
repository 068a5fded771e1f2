// config forget-community racing members' writes on PostgreSQL (pooled connections; staged, not
// hoped for). A write that commits first is forgotten with the rest; a write that comes after the
// deletion committed is refused, never applied to a member who is gone; nothing fails or deadlocks.

import type { Database } from '../../db/database.ts';
import { describe, expect, it } from 'vitest';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import type { Store } from '../../src/ports/store.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { untilSomeoneWaitsOnALock } from '../helpers/lock-waits.ts';
import { pauseAfter } from '../helpers/staged-store.ts';

const postgresKinds = databaseKinds.filter((kind) => kind.name === 'postgres');
const ADD = 'add client:Acme type:fixed start:2026-01-10 end:2026-02-01 earnings:100 stars:5';
// Another contract (the same one twice would be asked about as a duplicate, not added).
const ADD_MORE = 'add client:Acme type:fixed start:2026-03-10 end:2026-04-01 earnings:200 stars:5';

const services = (on: Store): Services => throwingServices(on);
const run = async (on: Store, user: string, text: string, community: string, extra: Partial<CommandContext> = {}) =>
  renderText(await runCommandText(services(on), commandContext('slack', community, user, extra), text));

async function confirmCode(store: Store, community: string): Promise<string> {
  const ask = await run(store, 'boss', 'config forget-community', community, { isAdmin: true });
  const code = /confirm:([A-Z0-9]+)/.exec(ask)?.[1];
  if (!code) throw new Error(ask);
  return code;
}

async function contractCount(store: Store, community: string, user: string): Promise<number | null> {
  const row = await store.ensureCommunity({ platform: 'slack', externalId: community });
  const member = await store.findMember(row.id, user);
  return member ? (await store.listContracts(member.id)).length : null;
}

describe.each(databaseKinds)("forget-community beside a burst of members' adds on $name", (kind) => {
  it('completes, and no contract from before it survives', async () => {
    const { store, close } = await kind.open();
    try {
      for (const user of ['a', 'b', 'c']) await run(store, user, ADD, 'ws-burst');
      const code = await confirmCode(store, 'ws-burst');
      const [forgot, ...adds] = await Promise.all([
        run(store, 'boss', `config forget-community confirm:${code}`, 'ws-burst', { isAdmin: true }),
        ...['a', 'b', 'c'].map((user) => run(store, user, ADD_MORE, 'ws-burst')),
      ]);
      expect(forgot).toContain("The community's data is deleted");
      // Each add committed before the deletion (and went with it), or ran after it (a fresh start
      // with that one contract), or was caught in between and refused: never does a contract from
      // before the deletion survive it.
      for (const [index, user] of ['a', 'b', 'c'].entries()) {
        const reply = adds[index] ?? '';
        const count = await contractCount(store, 'ws-burst', user);
        if (reply.includes('was deleted by another request')) expect(count).toBeNull();
        else {
          expect(reply).toMatch(/^Added/);
          expect([null, 1]).toContain(count);
        }
      }
    } finally {
      await close();
    }
  });
});

describe.each(postgresKinds)('forget-community races on PostgreSQL', (postgres) => {
  let store: Store;
  let db: Database;
  useDatabase(postgres, (opened) => ({ store, db } = opened));

  it('an add held in its transaction commits first; the deletion waits for it and takes it too', async () => {
    await run(store, 'ann', ADD, 'ws-a');
    const code = await confirmCode(store, 'ws-a');
    const paused = pauseAfter(store, 'insertContract');
    const add = run(paused.store, 'ann', ADD_MORE, 'ws-a');
    await paused.reached;
    const forget = run(store, 'boss', `config forget-community confirm:${code}`, 'ws-a', { isAdmin: true });
    await untilSomeoneWaitsOnALock(db, 'the deletion');
    paused.release();
    expect(await add).toMatch(/^Added/);
    expect(await forget).toContain('2 members');
    expect(await contractCount(store, 'ws-a', 'ann')).toBeNull();
  });

  it('an add that arrives while the deletion is held is refused after it commits, never applied to the deleted member', async () => {
    await run(store, 'ann', ADD, 'ws-b');
    const code = await confirmCode(store, 'ws-b');
    const paused = pauseAfter(store, 'forgetCommunity');
    const forget = run(paused.store, 'boss', `config forget-community confirm:${code}`, 'ws-b', { isAdmin: true });
    await paused.reached;
    const add = run(store, 'ann', ADD_MORE, 'ws-b');
    await untilSomeoneWaitsOnALock(db, 'the add');
    paused.release();
    expect(await forget).toContain('2 members');
    expect(await add).toContain('everything about you was deleted by another request while this ran; nothing was done');
    expect(await contractCount(store, 'ws-b', 'ann')).toBeNull();
  });
});
