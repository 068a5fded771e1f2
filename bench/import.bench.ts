// npm run bench:import — on PGlite (in memory) and, when TEST_DATABASE_URL or DATABASE_URL names
// one, on a real PostgreSQL (a scratch database), in the same run:
//   - storing 10,000 contracts (2 payments each) for a fresh member: as import did before issue 15
//     (one insert per contract and per contract's payments, each in its own savepoint) beside
//     insertContracts (one multi-row insert per table, chunked). Target on PostgreSQL: ≤ 1.5 s.
//   - importing an Upwork transaction history of 10,000 rows (about 80 contracts over three years:
//     payments, their service fees, withdrawals) through the command layer, beside this project's
//     own CSV of the same contracts and payments; a third figure is the same Upwork file imported
//     again (every row known: nothing written). Target on PostgreSQL: under 2 s, and at most 3× the
//     own-format import.
// BENCH_RUNS sets the runs of each new-path figure (default 3); the old path runs once.

import { cpus } from 'node:os';
import type { DatabaseHandle } from '../db/connect.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { runCommand } from '../src/commands/dispatch.ts';
import type { CommandContext } from '../src/commands/types.ts';
import { contractsToCsv } from '../src/contracts/csv.ts';
import type { Contract } from '../src/scoring/index.ts';
import { readContractsText } from '../src/contracts/read-contracts.ts';
import { formatDay, parseDay } from '../src/scoring/index.ts';
import { seededRandom } from './members.ts';
import { benchServerUrl, measureOnBoth } from './both-databases.ts';
import { percentile, table } from './stats.ts';

const AS_OF = '2026-11-22';
const ROWS = 10_000;
const CONTRACTS = 80;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BULK_CONTRACTS = 10_000;
const BULK_TARGET_MS = 1500;
const TARGET_MS = 2000;
const TARGET_RATIO = 3;

const serverUrl = benchServerUrl();

const HEADER =
  'Date,Transaction ID,Transaction Type,Transaction Summary,Transaction Summary Details,Description 1,Description 2,Description 3,Agency,Freelancer,Team,Account Name,PO,Ref ID,Amount $,Amount in local currency,Currency,Current Balance $,Payment Method';

/** Three years of work: each payment with its 10% service fee, a withdrawal every 25 rows. */
function transactionHistory(): string {
  const random = seededRandom(7);
  const first = parseDay('2023-11-01') as number;
  const lines = [HEADER];
  let id = 900_000_000;
  const row = (date: string, type: string, description: string, team: string, amount: string) =>
    `"${date}",${++id},${type},${type},,"${description}",,,,Jane Doe,"${team}","${team}",,${id},"${amount}",,,,`;
  while (lines.length <= ROWS) {
    const contract = Math.floor(random() * CONTRACTS);
    const date = formatDay(first + Math.floor(random() * 1_080));
    const cents = 2_000 + Math.floor(random() * 100_000);
    const type = contract % 3 === 0 ? 'Fixed-price' : contract % 17 === 0 ? 'Bonus' : 'Hourly';
    const title = `Project ${contract} (${40_000_000 + contract})`;
    lines.push(row(date, type, title, `Client ${contract % 50}`, `$${(cents / 100).toFixed(2)}`));
    if (lines.length <= ROWS)
      lines.push(
        row(
          date,
          'Service Fee',
          `Service Fee for ${title}`,
          `Client ${contract % 50}`,
          `-$${(cents / 1000).toFixed(2)}`,
        ),
      );
    if (lines.length <= ROWS && lines.length % 25 === 0)
      lines.push(row(date, 'Withdrawal', 'Withdrawal to Bank', '', '-$500.00'));
  }
  return `${lines.join('\n')}\n`;
}

const upwork = transactionHistory();
const parsed = readContractsText(upwork, AS_OF);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
const own = contractsToCsv(parsed.contracts);
const payments = parsed.contracts.reduce((sum, contract) => sum + (contract.payments?.length ?? 0), 0);
const bulk: Contract[] = Array.from({ length: BULK_CONTRACTS }, (_, index) => ({
  id: `b${index}`,
  client: `Client ${index % 50}`,
  type: index % 3 === 0 ? 'fixed' : 'hourly',
  start: '2025-01-10',
  end: '2025-06-30',
  stars: 5,
  payments: [
    { date: '2025-02-01', amount: 400 + index / 100 },
    { date: '2025-03-01', amount: 250 },
  ],
}));

const median = (values: number[]) => percentile(values, 50);
const fmt = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;
const log = (message: string) => process.stderr.write(`${message}\n`);

async function measure(name: string, handle: DatabaseHandle): Promise<{ rows: string[][]; failed: boolean }> {
  await migrateDatabase(handle);
  const store = createStore(handle.db);
  const services = {
    store,
    onError: (error: unknown) => {
      throw error;
    },
  };
  let members = 0;
  let requests = 0;
  const community = await store.ensureCommunity({ platform: 'slack', externalId: 'TBENCH' });
  const freshMember = async () => (await store.ensureMember(community.id, `bulk${++members}`, 'Bulk')).id;

  // Storing 10,000 contracts: the old path (as import did: a savepoint per contract) once, the new one RUNS times.
  log(`${name}: 10,000 contracts, one per statement…`);
  const oldMember = await freshMember();
  let started = performance.now();
  await store.transaction(async (tx) => {
    for (const contract of bulk) if (!(await tx.insertContract(oldMember, contract))) throw new Error('id taken');
  });
  const oneByOne = performance.now() - started;
  const bulkTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    log(`${name}: 10,000 contracts, multi-row (${run + 1}/${RUNS})…`);
    const member = await freshMember();
    started = performance.now();
    const taken = await store.transaction((tx) => tx.insertContracts(member, bulk));
    bulkTimes.push(performance.now() - started);
    if (taken.length > 0) throw new Error(`ids taken: ${taken.slice(0, 3).join(', ')}`);
  }

  const ctx = (user: string): CommandContext => ({
    platform: 'slack',
    community: { platform: 'slack', externalId: 'TBENCH' },
    userId: user,
    displayName: user,
    requestId: `r${++requests}`,
    asOf: AS_OF,
    isAdmin: false,
  });
  async function timed(user: string, body: string, expected: RegExp): Promise<number> {
    const begun = performance.now();
    // As file delivery hands it over: the file is the body (a typed message is capped far below this).
    const reply = await runCommand(services, ctx(user), { command: 'import', positionals: [], named: {}, body });
    const ms = performance.now() - begun;
    if (!expected.test(reply.title))
      throw new Error(`unexpected reply: ${reply.title}: ${JSON.stringify(reply.blocks).slice(0, 400)}`);
    return ms;
  }
  log(`${name}: Upwork and own-CSV imports…`);
  // One of each first, to warm the connection and the code.
  await timed(`warm${++members}`, upwork, /^Imported/);
  await timed(`warm${++members}`, own, /^Imported/);
  const times = { upwork: [] as number[], own: [] as number[], again: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    const user = `m${++members}`;
    times.upwork.push(await timed(user, upwork, /^Imported \d+ contracts/));
    times.again.push(await timed(user, upwork, /^Nothing new/));
    times.own.push(await timed(`m${++members}`, own, /^Imported \d+ contracts/));
  }
  const ratio = median(times.upwork) / median(times.own);
  const failed =
    name === 'PostgreSQL' &&
    (median(bulkTimes) > BULK_TARGET_MS || median(times.upwork) >= TARGET_MS || ratio > TARGET_RATIO);
  return {
    failed,
    rows: [
      [name, '10,000 contracts, one insert per contract in a savepoint (before)', fmt(oneByOne), '1 run'],
      [
        name,
        '10,000 contracts, insertContracts (one statement per table and 5,000 rows)',
        fmt(median(bulkTimes)),
        fmt(Math.max(...bulkTimes)),
      ],
      [name, 'Upwork transaction history, new member', fmt(median(times.upwork)), fmt(Math.max(...times.upwork))],
      [name, 'the same file again (all rows known)', fmt(median(times.again)), fmt(Math.max(...times.again))],
      [
        name,
        `own CSV of the same contracts, new member (Upwork / own ${ratio.toFixed(2)}×)`,
        fmt(median(times.own)),
        fmt(Math.max(...times.own)),
      ],
    ],
  };
}

const { rows, failed } = await measureOnBoth(serverUrl, measure);
console.log(
  `${ROWS.toLocaleString('en-US')} Upwork rows → ${parsed.contracts.length} contracts, ${payments.toLocaleString('en-US')} payments; own CSV ${Math.round(own.length / 1024)} KiB, Upwork CSV ${Math.round(upwork.length / 1024)} KiB`,
);
console.log(
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}${serverUrl ? `, PostgreSQL at ${new URL(serverUrl).host}` : ''}, ${RUNS} runs of each new-path figure (median, max)\n`,
);
console.log(table(['database', 'import', 'median', 'max'], rows));
console.log(
  `\ntargets on PostgreSQL: 10,000 contracts ≤ ${fmt(BULK_TARGET_MS)}; Upwork median < ${fmt(TARGET_MS)}, at most ${TARGET_RATIO}× own`,
);
if (failed) process.exitCode = 1;
