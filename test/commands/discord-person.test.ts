// Issue 16: on Discord one person's history (contracts, recorded scores, undo, reminders, time zone)
// is theirs in every server and in DMs; leaderboards, join/leave and display names stay per server.
// Slack keeps one history per workspace member.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { Store } from '../../src/ports/store.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { untilSomeoneWaitsOnALock } from '../helpers/lock-waits.ts';
import { pauseAfter } from '../helpers/staged-store.ts';
import { historyCommunityOf } from '../../src/commands/history-owner.ts';

const ADD_A = 'add id:a1 client:Acme type:fixed start:2026-01-10 end:2026-02-10 earnings:900 stars:5';
const ADD_B = 'add id:b1 client:Beta type:fixed start:2026-03-01 end:2026-04-01 earnings:400 stars:4.5';

let users = 0;
const newUser = () => `D${++users}`;

function onDiscord(store: Store) {
  const services: Services = throwingServices(store);
  return async (where: string, user: string, text: string, extra: { isAdmin?: boolean; displayName?: string } = {}) =>
    renderText(await runCommandText(services, commandContext('discord', where, user, extra), text));
}

describe.each(databaseKinds)('one Discord person across servers and DMs on $name', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let run: ReturnType<typeof onDiscord>;
  beforeAll(async () => {
    ({ store, close } = await kind.open());
    run = onDiscord(store);
  });
  afterAll(async () => close());

  it('list in a second server and in a DM shows the contracts added in the first', async () => {
    const user = newUser();
    expect(await run('guild-1', user, ADD_A)).toMatch(/^Added a1/);
    expect(await run(`dm:${user}`, user, ADD_B)).toMatch(/^Added b1/);
    for (const where of ['guild-1', 'guild-2', `dm:${user}`]) {
      const listed = await run(where, user, 'list');
      expect(listed).toContain('Your contracts (2)');
      expect(listed).toContain('a1');
      expect(listed).toContain('b1');
    }
    // Another person in the same servers sees none of it.
    expect(await run('guild-1', newUser(), 'list')).toContain('You have no contracts yet');
  });

  it('an id taken in one server is taken in the others; a removal anywhere is undone anywhere', async () => {
    const user = newUser();
    await run('guild-1', user, ADD_A);
    expect(await run('guild-2', user, ADD_A)).not.toMatch(/^Added/);
    expect(await run('guild-2', user, 'remove a1')).toMatch(/a1/);
    expect(await run('guild-1', user, 'list')).toContain('You have no contracts yet');
    expect(await run(`dm:${user}`, user, 'undo')).not.toMatch(/^Error|nothing to undo/i);
    expect(await run('guild-1', user, 'list')).toContain('a1');
  });

  it("recorded scores, reminders and the time zone are the person's", async () => {
    const user = newUser();
    await run('guild-1', user, ADD_A);
    expect(await run('guild-1', user, 'actual 93 date:2026-05-01')).not.toMatch(/^Error/);
    expect(await run('guild-2', user, 'export')).toContain('93');
    await run('guild-1', user, 'remind on');
    expect(await run('guild-2', user, 'remind')).toMatch(/\bon\b/i);
    await run('guild-2', user, 'timezone zone:Asia/Tokyo');
    expect(await run(`dm:${user}`, user, 'timezone')).toContain('Asia/Tokyo');
    // One row wants reminders: the person's, so a reminder goes once, not once per server.
    const history = await store.ensureCommunity(historyCommunityOf('discord')!);
    const personal = await store.findMember(history.id, user);
    expect(personal?.remindersOptIn).toBe(true);
    const guild = await store.ensureCommunity({ platform: 'discord', externalId: 'guild-1' });
    expect((await store.findMember(guild.id, user))?.remindersOptIn).toBe(false);
  });

  it("leaderboards stay per server: joined in one, absent from the other; scored from the person's contracts", async () => {
    const user = newUser();
    const name = `Runner ${user}`;
    await run('lb-1', user, ADD_A, { displayName: name });
    await run('lb-1', user, 'join', { displayName: name });
    // Contracts added elsewhere count on the server where they joined.
    await run('lb-2', user, ADD_B, { displayName: name });
    const other = newUser();
    await run('lb-2', other, 'join');
    const first = await run('lb-1', user, 'leaderboard', { displayName: name });
    expect(first).toContain(name);
    const second = await run('lb-2', other, 'leaderboard');
    expect(second).not.toContain(name);
    expect(second).not.toContain(user);
    // The person's score on lb-1 is the one their whole history gives (the same in every server).
    const score = (await run('lb-2', user, 'score')).match(/(\d+)%/)?.[1];
    expect(score).toBeDefined();
    expect(first).toContain(`${score}%`);
  });

  it("leaving in one server keeps the person on the other's leaderboard", async () => {
    const user = newUser();
    const name = `Stayer ${user}`;
    await run('lv-1', user, ADD_A, { displayName: name });
    await run('lv-1', user, 'join', { displayName: name });
    await run('lv-2', user, 'join', { displayName: name });
    await run('lv-2', user, 'leave', { displayName: name });
    expect(await run('lv-1', user, 'leaderboard', { displayName: name })).toContain(name);
    expect(await run('lv-2', newUser(), 'leaderboard')).not.toContain(name);
  });

  it('forget in one server forgets the person everywhere, leaderboard entries too', async () => {
    const user = newUser();
    const name = `Leaver ${user}`;
    await run('fg-1', user, ADD_A, { displayName: name });
    await run('fg-1', user, 'join', { displayName: name });
    const asked = await run('fg-2', user, 'forget');
    expect(asked).toContain('in every server and in direct messages');
    const code = asked.match(/confirm:([A-Z0-9]{6})/)?.[1];
    expect(await run('fg-2', user, `forget confirm:${code}`)).toMatch(/deleted/i);
    expect(await run('fg-1', user, 'list')).toContain('You have no contracts yet');
    expect(await run('fg-1', newUser(), 'leaderboard')).not.toContain(name);
    const guild = await store.ensureCommunity({ platform: 'discord', externalId: 'fg-1' });
    expect((await store.findMember(guild.id, user))?.leaderboardOptIn).toBe(false);
  });

  it("an admin forgetting one server leaves its members' own histories", async () => {
    const user = newUser();
    await run('fc-1', user, ADD_A);
    const asked = await run('fc-1', user, 'config forget-community', { isAdmin: true });
    const code = asked.match(/confirm:([A-Z0-9]{6})/)?.[1];
    expect(await run('fc-1', user, `config forget-community confirm:${code}`, { isAdmin: true })).toMatch(/deleted/i);
    expect(await run('fc-2', user, 'list')).toContain('a1');
  });

  it('on Slack a member of two workspaces still has two histories', async () => {
    const services: Services = throwingServices(store);
    const user = newUser();
    await runCommandText(services, commandContext('slack', 'T-one', user), ADD_A);
    expect(renderText(await runCommandText(services, commandContext('slack', 'T-two', user), 'list'))).toContain(
      'You have no contracts yet',
    );
  });
});

// PGlite runs one statement at a time and would hide the race.
describe.each(databaseKinds.filter((kind) => kind.name === 'postgres'))(
  "one person's writes from two servers on PostgreSQL",
  (postgres) => {
    let store: Store;
    let db: Database;
    useDatabase(postgres, (opened) => ({ store, db } = opened));

    it("an add from a second server waits for the first server's add and gets the next id", async () => {
      const user = newUser();
      await onDiscord(store)('race-1', user, 'list');
      await onDiscord(store)('race-2', user, 'list');
      const paused = pauseAfter(store, 'insertContract');
      const first = onDiscord(paused.store)('race-1', user, 'add client:One type:fixed start:2026-01-10');
      await paused.reached;
      const second = onDiscord(store)('race-2', user, 'add client:Two type:fixed start:2026-01-11');
      await untilSomeoneWaitsOnALock(db, 'the add from the second server');
      paused.release();
      expect(await first).toMatch(/^Added c1/);
      expect(await second).toMatch(/^Added c2/);
      const listed = await onDiscord(store)(`dm:${user}`, user, 'list');
      expect(listed).toContain('Your contracts (2)');
    });
  },
);
