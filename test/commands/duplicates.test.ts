// Recording the same contract or payment twice: asked about, not written; the command offered (with
// confirm:yes) writes when run as shown. On every database, through the typed command and the
// form's input; on PostgreSQL two identical adds racing yield one "Added" and one question.

import fc from 'fast-check';
import type { Database } from '../../db/database.ts';
import { describe, expect, it } from 'vitest';
import { runCommand, runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { confirmedCommand, recordedPayment, sameContractEntry } from '../../src/commands/duplicates.ts';
import { parseCommandText } from '../../src/commands/grammar.ts';
import type { Store } from '../../src/ports/store.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { renderText } from '../../src/replies/render-text.ts';
import type { Contract } from '../../src/scoring/types.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { untilSomeoneWaitsOnALock } from '../helpers/lock-waits.ts';
import { memberOf } from '../helpers/seed-contracts.ts';
import { pauseAfter } from '../helpers/staged-store.ts';

const COMMUNITY = 'team-dup';
const ECHO = 'add client:"Echo & Co" type:hourly start:2026-01-10 end:2026-04-30 earnings:1200 stars:5';

describe('what counts as the same', () => {
  const base: Contract = {
    id: 'c1',
    client: 'Echo & Co',
    type: 'hourly',
    start: '2026-01-10',
    end: null,
    earnings: 1200,
    stars: 5,
  };

  it("a contract equal in every field but its id and the client name's case is the same; any other field differing is not", () => {
    expect(sameContractEntry(base, { ...base, id: 'c9', client: 'echo & co', disputed: false, counted: null })).toBe(
      true,
    );
    for (const change of [
      { client: 'Echo and Co' },
      { type: 'fixed' as const },
      { start: '2026-01-11' },
      { end: '2026-04-30' },
      { earnings: 1200.01 },
      { stars: 4 },
      { disputed: true },
      { counted: 'neutral' as const },
      { payments: [{ date: '2026-01-31', amount: 5 }] },
    ]) {
      expect(sameContractEntry(base, { ...base, ...change })).toBe(false);
    }
  });

  it('a payment is recorded when listed with its date and amount, or dated the last payment of a total-only contract', () => {
    const listed: Contract = { ...base, earnings: null, payments: [{ date: '2026-02-01', amount: 300 }] };
    expect(recordedPayment(listed, { date: '2026-02-01', amount: 300 })).toBe('listed');
    expect(recordedPayment(listed, { date: '2026-02-01', amount: 301 })).toBeNull();
    expect(recordedPayment(listed, { date: '2026-02-02', amount: 300 })).toBeNull();
    const total: Contract = { ...base, lastPayment: '2026-02-01' };
    expect(recordedPayment(total, { date: '2026-02-01', amount: 7 })).toBe('last-payment-day');
    expect(recordedPayment(total, { date: '2026-02-02', amount: 7 })).toBeNull();
  });

  it('the command offered reads back as the same arguments plus confirm:yes, whatever the client name', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((name) => !/[\n\r]/.test(name) && name.trim() === name),
        fc.boolean(),
        (client, disputed) => {
          const command = confirmedCommand('add', [], {
            client,
            type: 'hourly',
            start: '2026-01-10',
            earnings: 12.5,
            disputed,
            end: undefined,
            stars: null,
          });
          const parsed = parseCommandText(command);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          expect(parsed.parsed.command).toBe('add');
          expect(parsed.parsed.named).toEqual({
            client,
            type: 'hourly',
            start: '2026-01-10',
            earnings: '12.5',
            disputed: String(disputed),
            confirm: 'yes',
          });
        },
      ),
    );
  });
});

describe.each(databaseKinds)('duplicates on $name', (kind) => {
  let store: Store;
  useDatabase(kind, (opened) => ({ store } = opened));
  let users = 0;

  const services = (): Services => throwingServices(store);
  const run = (user: string, text: string): Promise<Reply> =>
    runCommandText(services(), commandContext('slack', COMMUNITY, user), text);
  const newUser = async () => {
    const user = `d${++users}`;
    return { user, memberId: await memberOf(store, COMMUNITY, user) };
  };

  it('the same add twice: the second asks, with the exact command; that command adds it', async () => {
    const { user, memberId } = await newUser();
    expect((await run(user, ECHO)).title).toBe('Added c1');
    const asked = await run(user, ECHO);
    expect(asked.kind).toBe('confirm');
    expect(asked.title).toBe('c1 is already recorded — add again?');
    const command = asked.actions?.[0]?.command ?? '';
    expect(command).toBe(
      'add client:"Echo & Co" type:hourly start:2026-01-10 end:2026-04-30 earnings:1200 stars:5 confirm:yes',
    );
    expect(asked.summary).toContain(command);
    expect(await store.listContracts(memberId)).toHaveLength(1);
    expect((await run(user, command)).title).toBe('Added c2');
    expect((await store.listContracts(memberId)).map((contract) => contract.client)).toEqual([
      'Echo & Co',
      'Echo & Co',
    ]);
  });

  it('an add differing in one field, or with another client spelling, is added at once', async () => {
    const { user, memberId } = await newUser();
    await run(user, ECHO);
    expect((await run(user, `${ECHO} disputed:true`)).title).toBe('Added c2');
    expect((await run(user, ECHO.replace('Echo & Co', 'Echo and Co'))).title).toBe('Added c3');
    expect(await store.listContracts(memberId)).toHaveLength(3);
  });

  it('an id already taken is refused as before, not offered as a duplicate', async () => {
    const { user, memberId } = await newUser();
    await run(user, `${ECHO} id:e1`);
    const again = await run(user, `${ECHO} id:e1`);
    expect(again.kind).toBe('error');
    expect(renderText(again)).toContain('you already have a contract "e1"');
    expect(await store.listContracts(memberId)).toHaveLength(1);
  });

  it('the add form sent twice: the second answers with the question and a button running the confirmed command', async () => {
    const { user, memberId } = await newUser();
    // What a Slack or Discord form submission becomes: the named arguments, no text typed.
    const form = {
      command: 'add',
      positionals: [],
      named: { client: 'Echo & Co', type: 'hourly', start: '2026-01-10', earnings: '1,200' },
      body: '',
    };
    expect((await runCommand(services(), commandContext('slack', COMMUNITY, user), form)).title).toBe('Added c1');
    const asked = await runCommand(services(), commandContext('slack', COMMUNITY, user), form);
    expect(asked.kind).toBe('confirm');
    expect(asked.actions?.[0]).toMatchObject({
      label: 'Add again',
      command: 'add client:"Echo & Co" type:hourly start:2026-01-10 earnings:1200 confirm:yes',
    });
    expect(await store.listContracts(memberId)).toHaveLength(1);
  });

  it('the same payment twice: the second asks; pay … confirm:yes records it', async () => {
    const { user, memberId } = await newUser();
    await run(user, 'add client:Globex type:fixed start:2026-01-10');
    expect((await run(user, 'pay c1 amount:300 date:2026-02-01')).title).toMatch(/^Recorded \$300/);
    const asked = await run(user, 'pay c1 amount:300 date:2026-02-01');
    expect(asked.kind).toBe('confirm');
    expect(asked.title).toBe('$300 on 2026-02-01 is already recorded on c1 — add again?');
    expect(asked.actions?.[0]?.command).toBe('pay c1 amount:300 date:2026-02-01 confirm:yes');
    expect((await store.getContract(memberId, 'c1'))?.payments).toHaveLength(1);
    expect((await run(user, 'pay c1 amount:300 date:2026-02-01 confirm:yes')).title).toMatch(/^Recorded/);
    expect((await store.getContract(memberId, 'c1'))?.payments).toEqual([
      { date: '2026-02-01', amount: 300 },
      { date: '2026-02-01', amount: 300 },
    ]);
    expect((await run(user, 'pay c1 amount:301 date:2026-02-01')).title).toMatch(/^Recorded/);
  });

  it('money with cents is offered back as typed: amount:450.50, earnings:1200.50', async () => {
    const { user } = await newUser();
    await run(user, 'add client:Globex type:fixed start:2026-01-10 earnings:1200.50');
    expect(
      (await run(user, 'add client:Globex type:fixed start:2026-01-10 earnings:1200.50')).actions?.[0]?.command,
    ).toBe('add client:Globex type:fixed start:2026-01-10 earnings:1200.50 confirm:yes');
    await run(user, 'pay c1 amount:450.5 date:2026-02-01');
    expect((await run(user, 'pay c1 amount:450.50 date:2026-02-01')).actions?.[0]?.command).toBe(
      'pay c1 amount:450.50 date:2026-02-01 confirm:yes',
    );
  });

  it('a payment left to today is confirmed with its date spelled out', async () => {
    const { user } = await newUser();
    await run(user, 'add client:Globex type:fixed start:2026-01-10');
    await run(user, 'pay c1 amount:50');
    expect((await run(user, 'pay c1 amount:50')).actions?.[0]?.command).toBe(
      `pay c1 amount:50 date:${commandContext('slack', COMMUNITY, user).asOf} confirm:yes`,
    );
  });

  it('a total-only contract: a payment on its last payment day asks, saying amounts cannot be compared', async () => {
    const { user, memberId } = await newUser();
    await run(user, 'add client:Initech type:hourly start:2026-01-10 earnings:1000');
    await run(user, 'pay c1 amount:200 date:2026-03-01');
    const asked = await run(user, 'pay c1 amount:200 date:2026-03-01');
    expect(asked.kind).toBe('confirm');
    expect(asked.summary).toContain('amounts cannot be compared');
    expect((await store.getContract(memberId, 'c1'))?.earnings).toBe(1200);
  });
});

describe.each(databaseKinds.filter((kind) => kind.name === 'postgres'))('duplicate races on PostgreSQL', (postgres) => {
  let store: Store;
  let db: Database;
  useDatabase(postgres, (opened) => ({ store, db } = opened));

  it('two identical adds at once: one "Added", one "already recorded"; one contract', async () => {
    const memberId = await memberOf(store, COMMUNITY, 'racer');
    const run = (on: Store) => runCommandText(throwingServices(on), commandContext('slack', COMMUNITY, 'racer'), ECHO);
    const paused = pauseAfter(store, 'insertContract');
    const first = run(paused.store);
    await paused.reached;
    const second = run(store);
    await untilSomeoneWaitsOnALock(db, 'the second add');
    paused.release();
    const titles = [(await first).title, (await second).title];
    expect(titles).toEqual(['Added c1', 'c1 is already recorded — add again?']);
    expect(await store.listContracts(memberId)).toHaveLength(1);
  });
});
