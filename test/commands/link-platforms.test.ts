// `link` and `unlink` (issue 16): one person's Slack and Discord histories joined with a one-time
// code, the member choosing whose contracts win where both have one; split again with a copy each;
// `forget` on either side forgets both.

import { describe, expect, it } from 'vitest';
import type { Platform, Store } from '../../src/ports/store.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { untilSomeoneWaitsOnALock } from '../helpers/lock-waits.ts';
import { pauseAfter } from '../helpers/staged-store.ts';

const NOW = new Date('2026-11-22T12:00:00Z');

describe.each(databaseKinds)('link and unlink across Slack and Discord on $name', (kind) => {
  let store: Store;
  useDatabase(kind, (opened) => ({ store } = opened));
  let now = NOW;
  let people = 0;

  const services = (): Services => throwingServices(store, { clock: { now: () => now } });
  /** One person: S<n> in Slack workspace T-link, D<n> on Discord. */
  function person() {
    const n = ++people;
    const on = (platform: Platform, where: string, user: string) => async (text: string) =>
      renderText(await runCommandText(services(), commandContext(platform, where, user), text));
    return {
      slack: on('slack', 'T-link', `S${n}`),
      discord: on('discord', 'guild-link', `D${n}`),
      discordElsewhere: on('discord', `dm:D${n}`, `D${n}`),
    };
  }
  const codeOf = (text: string) => /link code:([A-Z0-9]{10})/.exec(text)?.[1] ?? '';

  it('joins the histories, the chosen side winning where both have a contract, and splits them again with a copy each', async () => {
    now = NOW;
    const p = person();
    await p.slack('add id:c1 client:"Slack Acme" type:fixed start:2026-01-10 end:2026-02-10 earnings:900 stars:5');
    await p.slack('add id:s2 client:"Slack only" type:fixed start:2026-03-01 end:2026-03-20 earnings:300 stars:5');
    await p.slack('remind on');
    await p.discord('add id:c1 client:"Discord Beta" type:fixed start:2026-01-11 end:2026-02-11 earnings:800 stars:5');
    await p.discord('add id:d2 client:"Discord only" type:fixed start:2026-04-01 end:2026-04-20 earnings:200 stars:5');

    const code = codeOf(await p.discord('link'));
    expect(code).toHaveLength(10);
    // Both sides have contracts: the member must choose, and the code still works after.
    const unchosen = await p.slack(`link code:${code}`);
    expect(unchosen).toContain('keep: both sides have contracts');
    expect(await p.slack('list')).not.toContain('Discord only');

    const linked = await p.slack(`link code:${code.toLowerCase()} keep:there`);
    expect(linked).toContain('Linked: your Slack and Discord histories are one');
    for (const listed of [await p.slack('list'), await p.discord('list'), await p.discordElsewhere('list')]) {
      expect(listed).toContain('Your contracts (3)');
      expect(listed).toContain('Discord Beta');
      expect(listed).toContain('Discord only');
      expect(listed).toContain('Slack only');
      expect(listed).not.toContain('Slack Acme');
    }
    // Reminders on if either side wanted them; a write on one side is seen on the other.
    expect(await p.discord('remind')).toContain('Daily reminders are on');
    await p.discord('add id:x1 client:"After link" type:fixed start:2026-05-01');
    expect(await p.slack('list')).toContain('After link');
    // The code was used up.
    expect(await p.slack(`link code:${code} keep:here`)).toContain('expected the code "link" gave you');

    expect(await p.slack('unlink')).toContain('Unlinked');
    for (const listed of [await p.slack('list'), await p.discord('list')])
      expect(listed).toContain('Your contracts (4)');
    await p.slack('remove x1');
    expect(await p.slack('list')).not.toContain('After link');
    expect(await p.discord('list')).toContain('After link');
    expect(await p.discord('unlink')).toContain('not linked');
  });

  it('keep:here keeps the side typing the code; with contracts on one side only no choice is needed', async () => {
    now = NOW;
    const p = person();
    await p.discord('add id:c1 client:"Discord Beta" type:fixed start:2026-01-11');
    const code = codeOf(await p.slack('link'));
    expect(await p.discord(`link code:${code}`)).toContain('Linked');
    expect(await p.slack('list')).toContain('Discord Beta');

    const q = person();
    await q.slack('add id:c1 client:"Slack Acme" type:fixed start:2026-01-10');
    await q.discord('add id:c1 client:"Discord Beta" type:fixed start:2026-01-11');
    expect(await q.discord(`link code:${codeOf(await q.slack('link'))} keep:here`)).toContain('1 contract of Slack');
    expect(await q.slack('list')).toContain('Discord Beta');
    expect(await q.slack('list')).not.toContain('Slack Acme');
  });

  it('forget on either side forgets both', async () => {
    now = NOW;
    const p = person();
    await p.slack('add id:c1 client:"Slack Acme" type:fixed start:2026-01-10');
    expect(await p.discord(`link code:${codeOf(await p.slack('link'))}`)).toContain('Linked');
    const asked = await p.discord('forget');
    const confirm = /confirm:([A-Z0-9]{6})/.exec(asked)?.[1];
    expect(await p.discord(`forget confirm:${confirm}`)).toMatch(/deleted/i);
    expect(await p.slack('list')).toContain('You have no contracts yet');
    expect(await p.discord('list')).toContain('You have no contracts yet');
  });

  it('refuses a wrong, expired or same-platform code and changes nothing', async () => {
    now = NOW;
    const p = person();
    await p.slack('add id:c1 client:"Slack Acme" type:fixed start:2026-01-10');
    expect(await p.discord('link code:NOTACODE22')).toContain('code: got "NOTACODE22"');
    const sameSide = codeOf(await p.discord('link'));
    expect(await person().discord(`link code:${sameSide}`)).toContain('made on Discord too');
    const code = codeOf(await p.slack('link'));
    now = new Date(NOW.getTime() + 11 * 60_000);
    expect(await p.discord(`link code:${code}`)).toContain('codes last 10 minutes');
    expect(await p.discord('list')).toContain('You have no contracts yet');
    expect(await p.slack('link keep:here')).toContain('keep: only with code:CODE');
  });
});

// PGlite runs one statement at a time and would hide the race.
describe.each(databaseKinds.filter((kind) => kind.name === 'postgres'))(
  "link racing the other side's write on PostgreSQL",
  (postgres) => {
    it('a link waits for an add in progress on the other platform, and the added contract comes over', async () => {
      const { store, db, close } = await postgres.open();
      try {
        const services = (on: Store): Services => throwingServices(on);
        const say = async (on: Store, platform: Platform, where: string, user: string, text: string) =>
          renderText(await runCommandText(services(on), commandContext(platform, where, user), text));
        const code =
          /link code:([A-Z0-9]{10})/.exec(await say(store, 'discord', 'guild-race', 'DR', 'link'))?.[1] ?? '';
        const paused = pauseAfter(store, 'insertContract');
        const add = say(
          paused.store,
          'discord',
          'guild-race',
          'DR',
          'add id:r1 client:"Raced in" type:fixed start:2026-01-10',
        );
        await paused.reached;
        const link = say(store, 'slack', 'T-race', 'SR', `link code:${code}`);
        await untilSomeoneWaitsOnALock(db, 'the link');
        paused.release();
        expect(await add).toMatch(/^Added r1/);
        expect(await link).toContain('Linked');
        expect(await say(store, 'slack', 'T-race', 'SR', 'list')).toContain('Raced in');
      } finally {
        await close();
      }
    });
  },
);
