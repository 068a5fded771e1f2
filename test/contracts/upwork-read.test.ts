import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planUpworkImport, type ImportedKeys } from '../../src/contracts/upwork/plan.ts';
import { readUpworkCsv, type UpworkFile } from '../../src/contracts/upwork/read-csv.ts';

const AS_OF = '2026-11-22';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/upwork/${name}`, import.meta.url), 'utf8');
const NONE: ImportedKeys = { contracts: [], sourceIds: [] };

function read(name: string): UpworkFile {
  const result = readUpworkCsv(fixture(name), AS_OF);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.file;
}

describe('readUpworkCsv', () => {
  it('reads the current transaction history (BOM, quoted): earnings and refunds kept, the rest counted by type', () => {
    const file = read('transactions-2023-2024.csv');
    expect(file.layout.name).toBe('transactions');
    expect([file.from, file.to]).toEqual(['2023-03-06', '2024-01-31']);
    expect(file.rows.map((row) => [row.date, row.kind, row.cents, row.contract.number])).toEqual([
      ['2023-03-06', 'hourly', 40000, '35695275'],
      ['2023-03-13', 'hourly', 52050, '35695275'],
      ['2023-04-03', 'hourly', 11000, '35695275'],
      ['2023-05-02', 'fixed', 25000, '40111222'],
      ['2023-05-03', 'bonus', 5000, '40111222'],
      ['2023-09-01', 'fixed', 120000, '41222333'],
      ['2023-10-01', 'fixed', 80000, '41222333'],
      ['2023-10-15', 'refund', 30000, '41222333'],
      ['2024-01-08', 'hourly', 30000, '35695275'],
    ]);
    expect(Object.fromEntries(file.skipped)).toEqual({
      'Service Fee': 3,
      Withdrawal: 1,
      'Withdrawal Fee': 1,
      Connects: 1,
      'Membership Fee': 1,
      VAT: 1,
    });
    expect(file.rows[0]).toMatchObject({
      line: 2,
      client: 'Acme Ltd',
      sourceId: 'upwork:700000001',
      contract: { title: 'HTML Front End Dev' },
    });
    expect(file.rows[3]?.client).toBe('Globex Corp');
  });

  it('reads the earlier layout with its columns in another order and US dates', () => {
    const file = read('transactions-earlier.csv');
    expect(file.layout.name).toBe('transactions-earlier');
    expect(
      file.rows.map((row) => [row.date, row.kind, row.cents, row.contract.number, row.contract.title, row.sourceId]),
    ).toEqual([
      ['2022-04-16', 'hourly', 30000, '30111222', 'Mobile app QA', 'upwork:500000001'],
      ['2022-05-02', 'fixed', 15000, null, 'WordPress fixes', 'upwork:500000003'],
      ['2022-05-20', 'fixed', 10000, null, 'WordPress fixes', 'upwork:500000004'],
      ['2022-05-21', 'bonus', 5000, '30111222', 'Mobile app QA', 'upwork:500000005'],
    ]);
    expect([...file.skipped.values()].reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('reads the earnings report: empty payment type is hourly, identical rows kept apart by their position', () => {
    const file = read('earnings-by-contract.csv');
    expect(file.layout.name).toBe('earnings-by-contract');
    const shopify = file.rows.filter((row) => row.contract.number === '37000222');
    expect(shopify.map((row) => row.sourceId)).toEqual([
      'row:2024-06-10|n:37000222|8000|hourly',
      'row:2024-06-10|n:37000222|8000|hourly#2',
      'row:2024-07-01|n:37000222|100000|hourly',
    ]);
    expect(file.rows.every((row) => row.client === null)).toBe(true);
  });

  it('refuses a row whose contract cannot be told, naming the row, the column and what is expected', () => {
    const result = readUpworkCsv(fixture('unmappable.csv'), AS_OF);
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /^row 4, column "Description 1": got "Invoice for 03\/04\/2024-03\/10\/2024", expected the contract's title followed by its Upwork contract number in parentheses/,
        ),
      ],
    });
  });

  it('refuses bad dates and amounts, future dates and negative payments, each by row and column', () => {
    const header = 'Date,Contract,Hours,Amount,Payment type';
    const problems = (row: string) => {
      const result = readUpworkCsv(`${header}\n${row}\n`, AS_OF);
      return result.ok ? [] : result.problems;
    };
    expect(problems('16.04.2024,A (12345678),1,$10,')).toEqual([
      expect.stringContaining(
        'row 2, column "Date": got "16.04.2024", expected a date as 2024-04-16, 04/16/2024 or Apr 16, 2024',
      ),
    ]);
    expect(problems('2024-04-16,A (12345678),1,ten,')).toEqual([
      expect.stringContaining('row 2, column "Amount": got "ten", expected an amount of US dollars'),
    ]);
    expect(problems('2027-01-01,A (12345678),1,$10,')).toEqual([
      expect.stringContaining('expected a date from 1990 to the as-of date 2026-11-22'),
    ]);
    expect(problems('2024-04-16,A (12345678),1,-$10,')).toEqual([
      expect.stringContaining('expected a positive amount for a payment'),
    ]);
  });

  it('refuses more than 20,000 rows and a header it does not know', () => {
    const many = `Date,Contract,Hours,Amount,Payment type\n${'2024-04-16,A (12345678),1,$10,\n'.repeat(20_001)}`;
    expect(readUpworkCsv(many, AS_OF)).toEqual({
      ok: false,
      problems: [expect.stringContaining('got 20,001 rows, expected at most 20,000')],
    });
    expect(readUpworkCsv('When,What\n2024-01-01,x\n', AS_OF)).toEqual({
      ok: false,
      problems: [expect.stringContaining('none of the Upwork reports')],
    });
  });
});

describe('planUpworkImport', () => {
  it('makes one contract per Upwork number: type, start, client, earnings, refund', () => {
    const planned = planUpworkImport(read('transactions-2023-2024.csv'), [], NONE, AS_OF);
    if (!planned.ok) throw new Error(planned.problems.join('\n'));
    const contracts = planned.plan.changes.map((change) => change.contract);
    expect(contracts.map((c) => [c.id, c.client, c.type, c.start, c.earnings, c.payments?.length, c.refunded])).toEqual(
      [
        ['c1', 'Acme Ltd', 'hourly', '2023-03-06', null, 4, null],
        ['c2', 'Globex Corp', 'fixed', '2023-05-02', null, 2, null],
        ['c3', 'Initech', 'fixed', '2023-09-01', 1700, 2, true],
      ],
    );
    expect(planned.plan).toMatchObject({
      newContracts: 3,
      updatedContracts: 0,
      newPayments: 8,
      refunds: 1,
      knownRows: 0,
    });
  });

  it('joins title-only rows to their contract and gives format 3 contracts a placeholder client', () => {
    const earlier = planUpworkImport(read('transactions-earlier.csv'), [], NONE, AS_OF);
    expect(
      earlier.ok &&
        earlier.plan.changes.map((change) => [
          change.contract.client,
          change.upworkContract,
          change.upworkTitle,
          change.contract.payments?.length,
        ]),
    ).toEqual([
      ['Hooli', '30111222', 'Mobile app QA', 2],
      ['Pied Piper', null, 'WordPress fixes', 2],
    ]);
    const report = planUpworkImport(read('earnings-by-contract.csv'), [], NONE, AS_OF);
    expect(report.ok && report.plan.changes.map((change) => [change.contract.client, change.contract.type])).toEqual([
      ['unknown client (HTML Front End Dev)', 'hourly'],
      ['unknown client (Newsletter template)', 'fixed'],
      ['unknown client (Shopify tweaks)', 'hourly'],
    ]);
  });

  it('leaves out what was imported before and adds the rest to the contract of the same number', () => {
    const first = planUpworkImport(read('transactions-2023-2024.csv'), [], NONE, AS_OF);
    if (!first.ok) throw new Error('first');
    const existing = first.plan.changes.map((change) => change.contract);
    const keys: ImportedKeys = {
      contracts: first.plan.changes.map((change) => ({
        id: change.contract.id,
        upworkContract: change.upworkContract,
        upworkTitle: change.upworkTitle,
      })),
      sourceIds: first.plan.changes.flatMap((change) => [
        ...change.newPayments.map((payment) => payment.sourceId),
        ...change.refundSources,
      ]),
    };
    const again = planUpworkImport(read('transactions-2023-2024.csv'), existing, keys, AS_OF);
    expect(again.ok && again.plan).toMatchObject({ changes: [], knownRows: 9 });
    const next = planUpworkImport(read('transactions-2024-2025.csv'), existing, keys, AS_OF);
    if (!next.ok) throw new Error(next.problems.join('\n'));
    expect(next.plan).toMatchObject({ newContracts: 1, updatedContracts: 1, newPayments: 3, knownRows: 1 });
    expect(
      next.plan.changes.map((change) => [change.existingId, change.contract.id, change.contract.payments?.length]),
    ).toEqual([
      ['c1', 'c1', 5],
      [null, 'c4', 2],
    ]);
  });
});
