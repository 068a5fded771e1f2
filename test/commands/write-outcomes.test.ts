// Every store write a command makes can find nothing or conflict; the command must honour that:
// fail as a whole (nothing written) and say what happened, never claim the write. The competing
// write is staged inside the command's own transaction, right before its write, so this runs the
// same on PGlite and PostgreSQL (test/commands/write-races.test.ts races real connections).

import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.ts';
import type { Contract } from '../../src/scoring/types.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { useDatabase } from '../helpers/use-database.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { stageAround, type StoreWrite } from '../helpers/staged-store.ts';

const K1 = 'add id:k1 client:Acme type:hourly start:2026-01-10 earnings:500';

describe.each(databaseKinds)('write outcomes on $name', (kind) => {
  let store: Store;
  useDatabase(kind, (opened) => ({ store } = opened));
  let users = 0;

  const services = (on: Store): Services => throwingServices(on);

  /** A fresh member with the given contracts added through the command layer. */
  async function memberWith(...adds: string[]) {
    const user = `w${++users}`;
    for (const add of adds)
      expect((await runCommandText(services(store), commandContext('slack', 'team-w', user), add)).kind).toBe(
        'success',
      );
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'team-w' });
    const member = await store.ensureMember(community.id, user, `Name of ${user}`);
    return { user, memberId: member.id };
  }

  /** Runs `text` for `user` with `competitor` applied in its transaction just before its `write`. */
  async function runAgainst(
    user: string,
    text: string,
    write: StoreWrite,
    competitor: (tx: Store) => Promise<unknown>,
  ) {
    const staged = stageAround(store, write, { before: async (tx) => void (await competitor(tx)) });
    return renderText(await runCommandText(services(staged), commandContext('slack', 'team-w', user), text));
  }

  it('end: the contract renamed meanwhile → "nothing was ended", nothing written', async () => {
    const { user, memberId } = await memberWith(K1);
    const before = await store.listContracts(memberId);
    const text = await runAgainst(user, 'end k1 stars:5', 'replaceContract', (tx) =>
      tx.replaceContract(memberId, 'k1', { ...(before[0] as Contract), id: 'k2' }),
    );
    expect(text).not.toContain('Ended');
    expect(text).toContain('k1 was changed or removed while this ran; nothing was ended');
    expect(await store.listContracts(memberId)).toEqual(before);
  });

  it('pay: the contract removed meanwhile → "nothing was recorded"', async () => {
    const { user, memberId } = await memberWith(K1);
    const before = await store.listContracts(memberId);
    const text = await runAgainst(user, 'pay k1 amount:100', 'replaceContract', (tx) =>
      tx.deleteContract(memberId, 'k1'),
    );
    expect(text).not.toContain('Recorded');
    expect(text).toContain('k1 was changed or removed while this ran; nothing was recorded');
    expect(await store.listContracts(memberId)).toEqual(before);
  });

  it('edit: the contract removed meanwhile is not reported as "id taken"', async () => {
    const { user, memberId } = await memberWith(K1);
    const text = await runAgainst(user, 'edit k1 client:Other', 'replaceContract', (tx) =>
      tx.deleteContract(memberId, 'k1'),
    );
    expect(text).not.toContain('already have');
    expect(text).toContain('k1 was changed or removed while this ran; nothing was changed');
    expect((await store.listContracts(memberId)).map((contract) => contract.client)).toEqual(['Acme']);
  });

  it('remove: the contract removed meanwhile → no "Removed"', async () => {
    const { user, memberId } = await memberWith(K1);
    const text = await runAgainst(user, 'remove k1', 'deleteContract', (tx) => tx.deleteContract(memberId, 'k1'));
    expect(text).not.toContain('Removed');
    expect(text).toContain('k1 was changed or removed while this ran; nothing was removed');
    expect((await store.listContracts(memberId)).map((contract) => contract.id)).toEqual(['k1']);
  });

  it('import: an id taken meanwhile fails the whole import, naming it; nothing imported', async () => {
    const { user, memberId } = await memberWith(K1);
    const csv = 'import\nid,client,type,start\nx1,A,fixed,2026-02-01\nx2,B,fixed,2026-02-02\nx3,C,fixed,2026-02-03';
    const text = await runAgainst(user, csv, 'insertContracts', (tx) =>
      tx.insertContract(memberId, { id: 'X2', client: 'Z', type: 'fixed', start: '2026-03-01' }),
    );
    expect(text).not.toContain('Imported');
    expect(text).toMatch(/x2 .*while this import ran/);
    expect(text).toContain('Nothing was imported');
    expect((await store.listContracts(memberId)).map((contract) => contract.id)).toEqual(['k1']);
  });

  it('any write: the member forgotten before their lock was taken → "nothing was done", nothing written', async () => {
    const { user, memberId } = await memberWith(K1);
    const text = await runAgainst(user, 'add client:Late type:fixed start:2026-02-01', 'lockMember', (tx) =>
      tx.forgetMember(memberId),
    );
    expect(text).not.toContain('Added');
    expect(text).toContain('everything about you was deleted by another request while this ran; nothing was done');
    expect((await store.listContracts(memberId)).map((contract) => contract.id)).toEqual(['k1']);
  });

  it('forget: the member already gone meanwhile → no "Everything about you is deleted"', async () => {
    const { user, memberId } = await memberWith(K1);
    const asked = renderText(await runCommandText(services(store), commandContext('slack', 'team-w', user), 'forget'));
    const code = /forget confirm:([A-Z0-9]+)/.exec(asked)?.[1] as string;
    const text = await runAgainst(user, `forget confirm:${code}`, 'forgetMember', (tx) => tx.forgetMember(memberId));
    expect(text).not.toContain('is deleted');
    expect((await store.listContracts(memberId)).map((contract) => contract.id)).toEqual(['k1']);
  });
});
