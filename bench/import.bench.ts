// npm run bench:import — importing an Upwork transaction history of 10,000 rows (about 80
// contracts over three years: payments, their service fees, withdrawals) through the command layer
// on a real PostgreSQL (TEST_DATABASE_URL or DATABASE_URL), beside this project's own CSV of the
// same contracts and payments in the same run. Each import is for a fresh member; a third figure is
// the same Upwork file imported again (every row known: nothing written). Target: under 2 s, and at
// most 3× the own-format import. BENCH_RUNS sets the runs of each (default 5).

import { cpus } from 'node:os';
import { openDatabase } from '../db/connect.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createScratchDatabase } from '../test/helpers/scratch-database.ts';
import { runCommand } from '../src/commands/dispatch.ts';
import type { CommandContext } from '../src/commands/types.ts';
import { contractsToCsv } from '../src/contracts/csv.ts';
import { readContractsText } from '../src/contracts/read-contracts.ts';
import { formatDay, parseDay } from '../src/scoring/dates.ts';
import { seededRandom } from './members.ts';
import { percentile, table } from './stats.ts';

const AS_OF = '2026-11-22';
const ROWS = 10_000;
const CONTRACTS = 80;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;
const TARGET_RATIO = 3;

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('this benchmark needs a PostgreSQL server: set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}

const HEADER = 'Date,Transaction ID,Transaction Type,Transaction Summary,Transaction Summary Details,Description 1,Description 2,Description 3,Agency,Freelancer,Team,Account Name,PO,Ref ID,Amount $,Amount in local currency,Currency,Current Balance $,Payment Method';

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
    if (lines.length <= ROWS) lines.push(row(date, 'Service Fee', `Service Fee for ${title}`, `Client ${contract % 50}`, `-$${(cents / 1000).toFixed(2)}`));
    if (lines.length <= ROWS && lines.length % 25 === 0) lines.push(row(date, 'Withdrawal', 'Withdrawal to Bank', '', '-$500.00'));
  }
  return `${lines.join('\n')}\n`;
}

const upwork = transactionHistory();
const parsed = readContractsText(upwork, AS_OF);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
const own = contractsToCsv(parsed.contracts);
const payments = parsed.contracts.reduce((sum, contract) => sum + (contract.payments?.length ?? 0), 0);

const scratch = await createScratchDatabase(serverUrl, 'jss_bench');
const handle = await openDatabase({ url: scratch.url });
try {
  await migrateDatabase(handle);
  const services = { store: createStore(handle.db), onError: (error: unknown) => { throw error; } };
  let members = 0;
  let requests = 0;
  const ctx = (user: string): CommandContext => ({ platform: 'slack', community: { platform: 'slack', externalId: 'TBENCH' }, userId: user, displayName: user, requestId: `r${++requests}`, asOf: AS_OF, isAdmin: false });
  async function timed(user: string, body: string, expected: RegExp): Promise<number> {
    const started = performance.now();
    // As file delivery hands it over: the file is the body (a typed message is capped far below this).
    const reply = await runCommand(services, ctx(user), { command: 'import', positionals: [], named: {}, body });
    const ms = performance.now() - started;
    if (!expected.test(reply.title)) throw new Error(`unexpected reply: ${reply.title}: ${JSON.stringify(reply.blocks).slice(0, 400)}`);
    return ms;
  }
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
  const median = (values: number[]) => percentile(values, 50);
  const ratio = median(times.upwork) / median(times.own);
  const fmt = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;
  console.log(`${ROWS.toLocaleString('en-US')} Upwork rows → ${parsed.contracts.length} contracts, ${payments.toLocaleString('en-US')} payments; own CSV ${Math.round(own.length / 1024)} KiB, Upwork CSV ${Math.round(upwork.length / 1024)} KiB`);
  console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, PostgreSQL at ${new URL(serverUrl).host}, ${RUNS} runs each (median, max)\n`);
  console.log(table(['import', 'median', 'max'], [
    ['Upwork transaction history, new member', fmt(median(times.upwork)), fmt(Math.max(...times.upwork))],
    ['the same file again (all rows known)', fmt(median(times.again)), fmt(Math.max(...times.again))],
    ['own CSV of the same contracts, new member', fmt(median(times.own)), fmt(Math.max(...times.own))],
  ]));
  console.log(`\nUpwork / own: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×); Upwork median ${fmt(median(times.upwork))} (target < ${fmt(TARGET_MS)})`);
  if (median(times.upwork) >= TARGET_MS || ratio > TARGET_RATIO) process.exitCode = 1;
} finally {
  await handle.close();
  await scratch.drop();
}
