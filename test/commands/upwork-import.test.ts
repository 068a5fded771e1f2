// `import` of Upwork's CSV reports through the command layer, on every database driver: what
// arrives, what is skipped, that importing again adds nothing twice, and that a bad file saves nothing.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/replies/render-text.ts';
import { useCommandSession } from '../helpers/command-session.ts';
import { databaseKinds } from '../helpers/databases.ts';
import { memberOf, seedContracts } from '../helpers/seed-contracts.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/upwork/${name}`, import.meta.url), 'utf8');

describe.each(databaseKinds)('import of Upwork reports on $name', (kind) => {
  const session = useCommandSession(kind);

  const run = (user: string, text: string) => session.run('slack', 'team-up', user, text);
  const importFile = (user: string, name: string) => run(user, `import\n${fixture(name)}`);
  const contractsOf = async (user: string) =>
    session.store.listContracts(await memberOf(session.store, 'team-up', user));
  const paymentCount = async (user: string) =>
    (await contractsOf(user)).reduce((sum, contract) => sum + (contract.payments?.length ?? 0), 0);

  it('imports the transaction history: contracts, earnings, payment dates, skips, checklist and score', async () => {
    const reply = await importFile('ann', 'transactions-2023-2024.csv');
    expect(reply).toMatchObject({
      kind: 'success',
      title: 'Imported 3 contracts with 8 payments from transaction history 2023-03-06 → 2024-01-31',
    });
    expect(reply.summary).toContain('3 new (c1, c2, c3)');
    expect(reply.summary).toContain('1 refund taken off earnings');
    expect(reply.summary).toContain('skipped 8 rows that are not earnings from a contract (3 Service Fee');
    const contracts = await contractsOf('ann');
    expect(contracts.map((c) => [c.id, c.client, c.type, c.start, c.end, c.earnings, c.refunded])).toEqual([
      ['c1', 'Acme Ltd', 'hourly', '2023-03-06', null, null, false],
      ['c2', 'Globex Corp', 'fixed', '2023-05-02', null, null, false],
      ['c3', 'Initech', 'fixed', '2023-09-01', null, 1700, true],
    ]);
    expect(contracts[0]?.payments).toEqual([
      { date: '2023-03-06', amount: 400 },
      { date: '2023-03-13', amount: 520.5 },
      { date: '2023-04-03', amount: 110 },
      { date: '2024-01-08', amount: 300 },
    ]);
    expect(contracts[1]?.payments).toEqual([
      { date: '2023-05-02', amount: 250 },
      { date: '2023-05-03', amount: 50 },
    ]);
    const text = renderText(reply);
    expect(text).toContain('end c1 end:2024-01-08');
    expect(text).toContain('end c2 end:2023-05-03');
    expect(text).toMatch(/Job Success Score is now \d+%|score/i);
  });

  it('importing the same file again adds nothing; an overlapping year adds each payment once', async () => {
    await importFile('bea', 'transactions-2023-2024.csv');
    const again = await importFile('bea', 'transactions-2023-2024.csv');
    expect(again.title).toBe('Nothing new in the transaction history 2023-03-06 → 2024-01-31');
    expect(again.summary).toContain('9 rows imported before, left out');
    expect(await paymentCount('bea')).toBe(8);
    const next = await importFile('bea', 'transactions-2024-2025.csv');
    expect(next.title).toBe('Imported 2 contracts with 3 payments from transaction history 2024-01-08 → 2025-12-01');
    expect(next.summary).toContain('1 new (c4)');
    expect(next.summary).toContain('1 updated');
    expect(await paymentCount('bea')).toBe(11);
    const [c1, , c3, c4] = await contractsOf('bea');
    expect(c1?.payments?.map((payment) => payment.date)).toEqual([
      '2023-03-06',
      '2023-03-13',
      '2023-04-03',
      '2024-01-08',
      '2024-02-05',
    ]);
    expect(c3?.earnings).toBe(1700);
    expect(c4).toMatchObject({ client: 'Umbrella Corp', type: 'hourly', start: '2024-06-03' });
    // Both again, in the other order: nothing more.
    await importFile('bea', 'transactions-2024-2025.csv');
    await importFile('bea', 'transactions-2023-2024.csv');
    expect(await paymentCount('bea')).toBe(11);
    expect((await contractsOf('bea')).length).toBe(4);
  });

  it("an edited contract keeps its payments' source ids: importing again still adds nothing", async () => {
    await importFile('cyd', 'transactions-2023-2024.csv');
    expect((await run('cyd', 'edit c1 client:"Acme Limited"')).title).toBe('Changed c1');
    expect((await run('cyd', 'end c2 end:2023-05-31 stars:5')).kind).toBe('success');
    await importFile('cyd', 'transactions-2023-2024.csv');
    expect(await paymentCount('cyd')).toBe(8);
    const reply = await importFile('cyd', 'transactions-2024-2025.csv');
    expect((await contractsOf('cyd'))[0]).toMatchObject({ client: 'Acme Limited', start: '2023-03-06' });
    expect(reply.title).toContain('with 3 payments');
  });

  it("new contracts take the member's next free ids beside what they typed", async () => {
    await run('dan', 'add client:Own type:fixed start:2021-01-01 end:2021-02-01 earnings:100');
    await run('dan', 'add id:c3 client:Other type:fixed start:2021-01-01 end:2021-02-01 earnings:100');
    await importFile('dan', 'transactions-2023-2024.csv');
    expect((await contractsOf('dan')).map((contract) => contract.id)).toEqual(['c1', 'c3', 'c2', 'c4', 'c5']);
  });

  it('imports the earlier layout; a contract named by its title only is matched by title again', async () => {
    const reply = await importFile('eve', 'transactions-earlier.csv');
    expect(reply.title).toBe(
      'Imported 2 contracts with 4 payments from transaction history (earlier layout) 2022-04-16 → 2022-06-01',
    );
    expect((await contractsOf('eve')).map((c) => [c.id, c.client, c.type, c.payments?.length])).toEqual([
      ['c1', 'Hooli', 'hourly', 2],
      ['c2', 'Pied Piper', 'fixed', 2],
    ]);
    expect((await importFile('eve', 'transactions-earlier.csv')).title).toMatch(/^Nothing new/);
    expect(await paymentCount('eve')).toBe(4);
  });

  it('imports the earnings report: contracts listed as needing a client; identical rows count twice, once', async () => {
    const reply = await importFile('fay', 'earnings-by-contract.csv');
    expect(reply.title).toBe('Imported 3 contracts with 7 payments from earnings by contract 2024-04-15 → 2024-07-01');
    const text = renderText(reply);
    expect(text).toContain('edit c1 client:"…"');
    expect(text).toContain('edit c3 client:"…"');
    const contracts = await contractsOf('fay');
    expect(contracts[2]?.payments).toEqual([
      { date: '2024-06-10', amount: 80 },
      { date: '2024-06-10', amount: 80 },
      { date: '2024-07-01', amount: 1000 },
    ]);
    expect(contracts[1]).toMatchObject({ type: 'fixed', client: 'unknown client (Newsletter template)' });
    await importFile('fay', 'earnings-by-contract.csv');
    expect(await paymentCount('fay')).toBe(7);
  });

  it('all or nothing: one row that cannot be mapped rejects the file; nothing is saved', async () => {
    await importFile('gus', 'transactions-2023-2024.csv');
    const before = await contractsOf('gus');
    const reply = await importFile('gus', 'unmappable.csv');
    expect(reply.kind).toBe('error');
    const text = renderText(reply);
    expect(text).toContain(
      'row 4, column "Description 1": got "Invoice for 03/04/2024-03/10/2024", expected the contract\'s title',
    );
    expect(text).toContain('Nothing was imported.');
    expect(await contractsOf('gus')).toEqual(before);
  });

  it('mode:replace takes an Upwork report in place of every contract', async () => {
    await run('hal', 'add client:Own type:fixed start:2021-01-01 end:2021-02-01 earnings:100');
    const reply = await run('hal', `import mode:replace\n${fixture('transactions-earlier.csv')}`);
    expect(reply.kind).toBe('success');
    expect((await contractsOf('hal')).map((contract) => contract.client)).toEqual(['Hooli', 'Pied Piper']);
  });

  it('counts toward the 2,000 contracts a member may keep: past it, nothing is imported', async () => {
    const memberId = await memberOf(session.store, 'team-up', 'ida');
    await seedContracts(session.db, memberId, 1_999);
    const reply = await importFile('ida', 'transactions-2023-2024.csv');
    expect(renderText(reply)).toContain('you have 1,999 contracts and the file adds 3 (2,002 in all)');
    expect((await session.store.listContracts(memberId)).length).toBe(1_999);
  });
});
