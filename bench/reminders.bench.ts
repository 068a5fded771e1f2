// npm run bench:reminders — the daily reminder job over 10,000 members with reminders on (one in
// ten with a message due: an idle open contract a day from its grace limit under upwork-2015; the
// rest with nothing to say), with the real finder and message, on PGlite (in memory) and, when
// TEST_DATABASE_URL or DATABASE_URL names one, on a real PostgreSQL (a scratch database). Same run:
//   - processBatch alone (batches of 10 members, what the job did before issue 15);
//   - the job as it runs now: quiet members settled 500 at a time (settleQuiet), then the messages.
// Meanwhile a reader asks for one member's contracts every 20 ms: its slowest answer is how long the
// job held other commands up. Target on PostgreSQL: the job ≤ 3 s. BENCH_MEMBERS scales it.

import { cpus } from 'node:os';
import { bulkInsert } from '../db/bulk-insert.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Contract } from '../src/scoring/index.ts';
import { contractColumns } from '../db/contract-rows.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createReminderQueue } from '../db/reminder-queue.ts';
import { contracts, members, reminderDeliveries } from '../db/schema.ts';
import { runReminders, type ReminderSummary } from '../src/reminders/job.ts';
import type { ReminderQueue } from '../src/ports/reminder-queue.ts';
import { benchServerUrl, measureOnBoth } from './both-databases.ts';
import { percentile, table } from './stats.ts';

const DAY = '2026-11-30';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const DUE_EVERY = 10;
const TARGET_MS = 3000;

const serverUrl = benchServerUrl();
const log = (message: string) => process.stderr.write(`${message}\n`);
const fmt = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;

/** Four 5-star contracts, ended: nothing to say about them. */
const GOOD: Contract[] = ['Acme', 'Bolt', 'Cobalt', 'Delta'].map((client, index) => ({
  id: `s${index + 1}`,
  client,
  type: 'hourly',
  start: '2026-06-01',
  end: '2026-07-01',
  earnings: 100,
  stars: 5,
}));
/** Open, $0, no feedback since 2026-10-01: under upwork-2015 a negative from 2026-12-01. */
const IDLE: Contract = { id: 'C12', client: 'Echo', type: 'hourly', start: '2026-10-01' };

async function seed(handle: DatabaseHandle): Promise<number> {
  const store = createStore(handle.db);
  const due = await store.ensureCommunity({ platform: 'slack', externalId: 'old-rules', name: 'Old rules' });
  await store.updateCommunity(due.id, { model: 'upwork-2015' });
  const quiet = await store.ensureCommunity({ platform: 'slack', externalId: 'new-rules', name: 'New rules' });
  const rows = Array.from({ length: MEMBERS }, (_, index) => ({
    communityId: index % DUE_EVERY === 0 ? due.id : quiet.id,
    platformUserId: `U${index}`,
    displayName: `Member ${index}`,
    remindersOptIn: true,
  }));
  const ids = await bulkInsert<typeof members, { id: number }>(handle.db, { table: members, rows, returning: ['id'] });
  const contractRows = ids.flatMap(({ id }, index) =>
    [...GOOD, ...(index % DUE_EVERY === 0 ? [IDLE] : [])].map((contract) => ({
      memberId: id,
      ...contractColumns(contract),
    })),
  );
  await bulkInsert(handle.db, { table: contracts, rows: contractRows });
  return ids[1]?.id ?? 0;
}

/** Runs the job while a reader asks for a member's contracts every 20 ms; the job's time and the reader's slowest wait. */
async function timedRun(handle: DatabaseHandle, inner: ReminderQueue, day: string, readerMember: number) {
  const store = createStore(handle.db);
  // Time spent in each kind of batch, to tell the quiet pass from the sending.
  const spent = { quiet: 0, send: 0 };
  const timed = <T>(phase: keyof typeof spent, work: Promise<T>) => {
    const begun = performance.now();
    return work.finally(() => (spent[phase] += performance.now() - begun));
  };
  const settle = inner.settleQuiet;
  const queue: ReminderQueue = {
    enqueueDay: inner.enqueueDay,
    timeZones: inner.timeZones,
    processBatch: (...args) => timed('send', inner.processBatch(...args)),
    ...(settle && { settleQuiet: (...args: Parameters<typeof settle>) => timed('quiet', settle(...args)) }),
  };
  let sent = 0;
  const waits: number[] = [];
  let running = true;
  const reader = (async () => {
    while (running) {
      const asked = performance.now();
      await store.listContracts(readerMember);
      waits.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const summary: ReminderSummary = await runReminders({ queue, asOf: day, send: async () => void sent++ });
  const ms = performance.now() - started;
  running = false;
  await reader;
  if (summary.sent !== sent || sent !== Math.ceil(MEMBERS / DUE_EVERY))
    throw new Error(`sent ${sent}, summary ${JSON.stringify(summary)}`);
  return { ms, spent, slowestRead: Math.max(...waits), p95Read: percentile(waits, 95), summary };
}

async function measure(name: string, handle: DatabaseHandle) {
  await migrateDatabase(handle);
  log(`${name}: seeding ${MEMBERS.toLocaleString('en-US')} members…`);
  const reader = await seed(handle);
  const queue = createReminderQueue(handle.db);
  log(`${name}: processBatch alone…`);
  // Without settleQuiet the job claims every member in batches of 10, as it did before.
  const before = await timedRun(
    handle,
    { enqueueDay: queue.enqueueDay, timeZones: queue.timeZones, processBatch: queue.processBatch },
    DAY,
    reader,
  );
  log(`${name}: ${fmt(before.ms)}; the job with its quiet pass, the same day from scratch…`);
  await handle.db.delete(reminderDeliveries);
  const after = await timedRun(handle, queue, DAY, reader);
  log(`${name}: ${fmt(after.ms)}`);
  const row = (label: string, run: typeof before) => [
    name,
    label,
    fmt(run.ms),
    `${fmt(run.spent.quiet)} / ${fmt(run.spent.send)}`,
    `${run.summary.sent} / ${run.summary.nothing}`,
    fmt(run.p95Read),
    fmt(run.slowestRead),
  ];
  return {
    rows: [row('batches of 10 only (before)', before), row('quiet pass of 500, then batches of 10', after)],
    failed: name === 'PostgreSQL' && after.ms > TARGET_MS,
  };
}

const { rows, failed } = await measureOnBoth(serverUrl, measure);
console.log(
  `${MEMBERS.toLocaleString('en-US')} members with reminders on, one in ${DUE_EVERY} with a message due; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`,
);
console.log(
  table(
    ['database', 'job', 'time', 'quiet pass / sending', 'sent / nothing', 'a read meanwhile, p95', 'slowest'],
    rows,
  ),
);
console.log(`\ntarget on PostgreSQL: the job ≤ ${fmt(TARGET_MS)}`);
if (failed) process.exitCode = 1;
