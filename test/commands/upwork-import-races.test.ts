// Two imports of overlapping Upwork files for one member at once, on PostgreSQL over pooled
// connections (PGlite runs one statement at a time and would hide the race): the member's row
// lock (dispatch) makes the second wait for the first and see what it stored, so every payment
// is stored exactly once.

import { readFileSync } from 'node:fs';
import type { Database } from '../../db/database.ts';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { untilSomeoneWaitsOnALock } from '../helpers/lock-waits.ts';
import { memberOf } from '../helpers/seed-contracts.ts';
import { pauseAfter } from '../helpers/staged-store.ts';

const postgresKinds = databaseKinds.filter((kind) => kind.name === 'postgres');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/upwork/${name}`, import.meta.url), 'utf8');
const FIRST = `import\n${fixture('transactions-2023-2024.csv')}`;
const SECOND = `import\n${fixture('transactions-2024-2025.csv')}`;
/** Payments of both files, each once: 8 in the first, 4 in the second of which 1 is in the first. */
const ALL_PAYMENTS = 11;

describe.each(databaseKinds)('overlapping imports sent at once on $name', (kind) => {
  it('both files at once (and the first twice): every payment exactly once', async () => {
    const { store, close } = await kind.open();
    try {
      const run = (text: string) => runCommandText({ store }, commandContext('slack', 'team-at-once', 'U1'), text);
      await Promise.all([run(FIRST), run(SECOND), run(FIRST)]);
      const contracts = await store.listContracts(await memberOf(store, 'team-at-once', 'U1'));
      const payments = contracts.flatMap((contract) =>
        (contract.payments ?? []).map((payment) => `${contract.id} ${payment.date} ${payment.amount}`),
      );
      expect(payments).toHaveLength(ALL_PAYMENTS);
      expect(new Set(payments).size).toBe(ALL_PAYMENTS);
    } finally {
      await close();
    }
  });
});

describe.each(postgresKinds)('overlapping imports racing on PostgreSQL', (postgres) => {
  let store: Store;
  let db: Database;
  useDatabase(postgres, (opened) => ({ store, db } = opened));
  let users = 0;

  const services = (on: Store): Services => throwingServices(on);
  const run = (on: Store, user: string, text: string) =>
    runCommandText(services(on), commandContext('slack', 'team-race', user), text);

  async function stored(user: string) {
    const contracts = await store.listContracts(await memberOf(store, 'team-race', user));
    const payments = contracts.flatMap((contract) =>
      (contract.payments ?? []).map((payment) => `${contract.id} ${payment.date} ${payment.amount}`),
    );
    return { contracts: contracts.map((contract) => contract.id), payments };
  }

  it('the second import waits for the first (held after its write) and adds only what is new', async () => {
    const user = `r${++users}`;
    const paused = pauseAfter(store, 'saveImport');
    const first = run(paused.store, user, FIRST);
    await paused.reached;
    const second = run(store, user, SECOND);
    await untilSomeoneWaitsOnALock(db, 'the second import');
    paused.release();
    const replies = [await first, await second];
    expect(replies.map((reply) => reply.title)).toEqual([
      'Imported 3 contracts with 8 payments from transaction history 2023-03-06 → 2024-01-31',
      'Imported 2 contracts with 3 payments from transaction history 2024-01-08 → 2025-12-01',
    ]);
    const { contracts, payments } = await stored(user);
    expect(contracts).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(payments.length).toBe(ALL_PAYMENTS);
    expect(new Set(payments).size).toBe(ALL_PAYMENTS);
  });

  it('ten members, each with both files (and one twice) at once: every payment exactly once', async () => {
    const members = Array.from({ length: 10 }, () => `r${++users}`);
    await Promise.all(
      members.flatMap((user) => [run(store, user, FIRST), run(store, user, SECOND), run(store, user, FIRST)]),
    );
    for (const user of members) {
      const { contracts, payments } = await stored(user);
      expect(contracts.length).toBe(4);
      expect(payments.length).toBe(ALL_PAYMENTS);
    }
  });
});
