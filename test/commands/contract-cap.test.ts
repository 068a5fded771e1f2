// A member keeps at most 2,000 contracts: add and import (both modes) refuse past it, naming the
// limit and how many the member has, and write nothing.

import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/dispatch.ts';
import { MAX_CONTRACTS_PER_MEMBER } from '../../src/contracts/schema.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { useCommandSession } from '../helpers/command-session.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { memberOf, seedContracts } from '../helpers/seed-contracts.ts';

/** The cap, spelled out: a change to it should be a deliberate change to this test too. */
const CAP = 2_000;

function csvOf(ids: string[]): string {
  return ['id,client,type,start', ...ids.map((id) => `${id},Client,fixed,2026-02-01`)].join('\n');
}

describe.each(databaseKinds)('the contract cap on $name', (kind) => {
  const session = useCommandSession(kind);
  let users = 0;

  async function memberHolding(seeded: number) {
    const user = `cap${++users}`;
    const memberId = await memberOf(session.store, 'team-cap', user);
    await seedContracts(session.db, memberId, seeded);
    const run = async (text: string) => renderText(await session.run('slack', 'team-cap', user, text));
    // A file this long passes the chat line limit only as a body (as an adapter's file upload does).
    const runImport = async (mode: 'add' | 'replace', ids: string[]) =>
      renderText(
        await runCommand(session.services, commandContext('slack', 'team-cap', user), {
          command: 'import',
          positionals: [],
          named: { mode },
          body: csvOf(ids),
        }),
      );
    const count = async () => (await session.store.listContracts(memberId)).length;
    return { run, runImport, count };
  }

  it('is 2,000', () => {
    expect(MAX_CONTRACTS_PER_MEMBER).toBe(CAP);
  });

  it('add: the 2,000th is added, the 2,001st refused with the limit and the count', async () => {
    const member = await memberHolding(CAP - 1);
    expect(await member.run('add client:Last type:fixed start:2026-02-01')).toMatch(/^Added c1\b/);
    const refused = await member.run('add client:Over type:fixed start:2026-02-01');
    expect(refused).not.toContain('Added');
    expect(refused).toContain('2,000');
    expect(refused).toMatch(/you have 2,000 contracts/);
    expect(await member.count()).toBe(CAP);
  });

  it('import mode:add: crossing the cap is refused whole; reaching it is fine', async () => {
    const member = await memberHolding(CAP - 3);
    const refused = await member.runImport('add', ['n1', 'n2', 'n3', 'n4']);
    expect(refused).not.toContain('Imported');
    expect(refused).toMatch(/you have 1,997 contracts/);
    expect(refused).toContain('2,000');
    expect(refused).toContain('Nothing was imported');
    expect(await member.count()).toBe(CAP - 3);
    expect(await member.runImport('add', ['n1', 'n2', 'n3'])).toMatch(/^Imported 3 contracts/);
    expect(await member.count()).toBe(CAP);
  });

  it('import mode:replace: more than 2,000 in the file is refused whole; the old contracts stay', async () => {
    const member = await memberHolding(5);
    const ids = Array.from({ length: CAP + 1 }, (_, index) => `r${index + 1}`);
    const refused = await member.runImport('replace', ids);
    expect(refused).not.toContain('Imported');
    expect(refused).toContain('2,000');
    expect(refused).toContain('Nothing was imported');
    expect(await member.count()).toBe(5);
  });
});
