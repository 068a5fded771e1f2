// npm run bench:leaderboard — one community of 100,000 opted-in members with 40 contracts each
// on a real PostgreSQL (TEST_DATABASE_URL or DATABASE_URL). Measures, through the command layer:
//   - `leaderboard page:1` (first page plus the caller's rank) warm, beside `help` (the same
//     dispatch, community and member look-ups, no leaderboard work) as the baseline, same run;
//   - the caller's own page (`leaderboard` without a page);
//   - the first read just after each of several day changes (stale snapshots recomputed on read);
//   - the day's rollover by the job after midnight (moved on and looked ahead), then the first read;
//   - the refresh job's throughput, recomputing every member (as after a model change).
// BENCH_MEMBERS and BENCH_READS scale it down for a quick look.

import { cpus } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/connect.ts';
import { contractColumns } from '../db/contract-rows.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { contracts as contractsTable } from '../db/schema.ts';
import { createScratchDatabase } from '../test/helpers/scratch-database.ts';
import { runCommandText } from '../src/commands/dispatch.ts';
import type { CommandContext } from '../src/commands/types.ts';
import { refreshStaleSnapshots } from '../src/leaderboard/refresh.ts';
import { formatDay, parseDay } from '../src/scoring/index.ts';
import { makeMember, seededRandom } from './members.ts';
import { percentile, table } from './stats.ts';

const AS_OF = '2026-11-22';
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const CONTRACTS = 40;
/** Distinct contract histories, shared out over the members (member i gets history i mod TEMPLATES). */
const TEMPLATES = 2_000;
const READS = Number(process.env.BENCH_READS ?? 300);
const DAY_CHANGES = 7;
/** Day changes where the job, not a read, moves the snapshots on. */
const JOB_FIRST_DAYS = 3;

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error(
    'this benchmark needs a PostgreSQL server: set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test',
  );
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const scratch = await createScratchDatabase(serverUrl, 'jss_bench');
const handle = await openDatabase({ url: scratch.url });
try {
  await migrateDatabase(handle);
  const db = handle.db;
  const store = createStore(db);
  const seeding = performance.now();
  const community = await store.ensureCommunity({ platform: 'slack', externalId: 'TBIG', name: 'big' });
  const templateCommunity = await store.ensureCommunity({ platform: 'slack', externalId: 'TTEMPLATES' });

  // Template members (not on any leaderboard) hold the distinct histories; SQL copies them.
  const random = seededRandom(42);
  const templateIds: number[] = [];
  for (let t = 0; t < TEMPLATES; t += 100) {
    const rows = await db.execute(sql`insert into members (community_id, platform_user_id, display_name)
      select ${templateCommunity.id}, 'T' || g, 'template ' || g from generate_series(${t}::int, ${Math.min(TEMPLATES, t + 100) - 1}::int) g returning id`);
    const ids = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { id: number }[] }).rows) as unknown as {
      id: number;
    }[];
    templateIds.push(...ids.map((row) => Number(row.id)));
    const values = ids.flatMap((row) =>
      makeMember(CONTRACTS, AS_OF, random).map((contract) => ({
        memberId: Number(row.id),
        ...contractColumns(contract),
      })),
    );
    await db.insert(contractsTable).values(values);
  }
  const firstTemplate = Math.min(...templateIds);
  await db.execute(sql`insert into members (community_id, platform_user_id, display_name, leaderboard_opt_in)
    select ${community.id}, 'U' || g, 'member ' || g, true from generate_series(0, ${MEMBERS - 1}) g`);
  // In slices of members: one statement for all 4,000,000 rows can outlast the 30 s statement timeout on a loaded machine.
  for (let from = 0; from < MEMBERS; from += 10_000) {
    await db.execute(sql`insert into contracts (member_id, contract_id, client, type, start_date, end_date, earnings_cents, last_payment, stars, private_score, end_reason, disputed, refunded, client_flagged, paused_for_client)
      select m.id, c.contract_id, c.client, c.type, c.start_date, c.end_date, c.earnings_cents, c.last_payment, c.stars, c.private_score, c.end_reason, c.disputed, c.refunded, c.client_flagged, c.paused_for_client
      from members m join contracts c on c.member_id = ${firstTemplate} + (m.id % ${TEMPLATES})
      where m.community_id = ${community.id} and m.platform_user_id in (select 'U' || g from generate_series(${from}::int, ${Math.min(MEMBERS, from + 10_000) - 1}::int) g)`);
  }
  await db.execute(sql`insert into score_snapshots (member_id, community_id, model, outcomes, computed_on, valid_until)
    select id, community_id, 'upwork-2025', 0, '1970-01-01', '1970-01-01' from members where community_id = ${community.id}`);
  await db.execute(sql`vacuum analyze`);
  log(`seeded ${MEMBERS} members × ${CONTRACTS} contracts in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);

  // The refresh job over every member (all stale): throughput.
  const fullStarted = performance.now();
  const { recomputed: refreshed } = await refreshStaleSnapshots(store, {
    communityId: null,
    today: AS_OF,
    skipLocked: true,
  });
  const fullSeconds = (performance.now() - fullStarted) / 1000;
  // The job's look-ahead over every member: each one's next standing, for the coming day changes.
  const aheadStarted = performance.now();
  const { lookedAhead } = await refreshStaleSnapshots(store, {
    communityId: null,
    today: AS_OF,
    skipLocked: true,
    lookAhead: true,
  });
  const aheadSeconds = (performance.now() - aheadStarted) / 1000;
  // Steady state for the reads: what autovacuum would have done after two passes over every row.
  await db.execute(sql`vacuum analyze score_snapshots`);
  await db.execute(sql`vacuum analyze leaderboard_counts`);
  await db.execute(sql`checkpoint`);
  await db.execute(sql`vacuum analyze score_snapshots`);

  let requests = 0;
  const ctx = (user: string, asOf: string): CommandContext => ({
    platform: 'slack',
    community: { platform: 'slack', externalId: 'TBIG' },
    userId: user,
    displayName: `member ${user.slice(1)}`,
    requestId: `bench-${++requests}`,
    asOf,
    isAdmin: false,
  });
  const pick = seededRandom(7);
  const someone = () => `U${Math.floor(pick() * MEMBERS)}`;
  async function timed(text: string, asOf: string): Promise<number> {
    const started = performance.now();
    const reply = await runCommandText({ store }, ctx(someone(), asOf), text);
    if (reply.kind === 'error') throw new Error(`${text}: ${reply.title}`);
    return performance.now() - started;
  }

  // Warm: interleaved so both see the same machine state.
  for (let i = 0; i < 20; i++) {
    await timed('help', AS_OF);
    await timed('leaderboard page:1', AS_OF);
  }
  const samples: Record<string, number[]> = { help: [], first: [], own: [], longterm: [] };
  for (let i = 0; i < READS; i++) {
    samples.help?.push(await timed('help', AS_OF));
    samples.first?.push(await timed('leaderboard page:1', AS_OF));
    samples.own?.push(await timed('leaderboard', AS_OF));
    samples.longterm?.push(await timed('leaderboard longterm page:1', AS_OF));
  }

  // Day changes. Before each, the job has run on the old day (as it does every 10 minutes), so
  // the members whose standing changes overnight have it computed ahead; the first read of the
  // new day moves them on. Without the job, the first read would recompute them instead: the
  // last day below skips the job to show that cost.
  const dayRows: string[][] = [];
  let day = parseDay(AS_OF) as number;
  for (let i = 0; i <= DAY_CHANGES; i++) {
    const withJob = i < DAY_CHANGES;
    const jobStarted = performance.now();
    const job = withJob
      ? await refreshStaleSnapshots(store, {
          communityId: null,
          today: formatDay(day),
          skipLocked: true,
          lookAhead: true,
        })
      : null;
    const jobMs = performance.now() - jobStarted;
    day += 1;
    const today = formatDay(day);
    const staleRows = await db.execute(
      sql`select count(*)::int as n from score_snapshots where community_id = ${community.id} and valid_until < ${today}`,
    );
    const stale = Number(
      ((Array.isArray(staleRows) ? staleRows : (staleRows as unknown as { rows: unknown[] }).rows)[0] as { n: number })
        .n,
    );
    const first = await timed('leaderboard page:1', today);
    const after: number[] = [];
    for (let j = 0; j < 20; j++) after.push(await timed('leaderboard page:1', today));
    dayRows.push([
      today,
      withJob ? `${job?.lookedAhead ?? 0} in ${(jobMs / 1000).toFixed(1)} s` : 'not run',
      String(stale),
      first.toFixed(0),
      percentile(after, 95).toFixed(1),
    ]);
  }

  // Day changes with the job first: its run after midnight moves the run-out snapshots on before
  // any read does, and looks ahead for them (the day's rollover). The first read then has little to do.
  const jobFirstRows: string[][] = [];
  for (let i = 0; i < JOB_FIRST_DAYS; i++) {
    await refreshStaleSnapshots(store, { communityId: null, today: formatDay(day), skipLocked: true, lookAhead: true });
    day += 1;
    const today = formatDay(day);
    const started = performance.now();
    const job = await refreshStaleSnapshots(store, { communityId: null, today, skipLocked: true, lookAhead: true });
    const jobMs = performance.now() - started;
    const first = await timed('leaderboard page:1', today);
    jobFirstRows.push([
      today,
      String(job.promoted),
      String(job.lookedAhead),
      String(job.promoted + job.lookedAhead),
      (jobMs / 1000).toFixed(1),
      first.toFixed(0),
    ]);
  }

  const row = (name: string, values: number[]) => [
    name,
    percentile(values, 50).toFixed(2),
    percentile(values, 95).toFixed(2),
    percentile(values, 99).toFixed(2),
    (percentile(values, 95) / percentile(samples.help as number[], 95)).toFixed(2),
  ];
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; PostgreSQL on loopback; one community of ${MEMBERS} opted-in members × ${CONTRACTS} contracts (${TEMPLATES} distinct histories); ${READS} reads each, interleaved.\n`,
  );
  console.log(
    table(
      ['warm read', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 × help'],
      [
        row('help (baseline: dispatch, community, member)', samples.help as number[]),
        row('leaderboard page:1 (first page + caller rank)', samples.first as number[]),
        row("leaderboard (the caller's own page)", samples.own as number[]),
        row('leaderboard longterm page:1', samples.longterm as number[]),
      ],
    ),
  );
  console.log(
    '\nJust after a day change (the first read moves on, or recomputes, the snapshots that ran out overnight):\n',
  );
  console.log(
    table(
      ['new day', 'job on the day before: looked ahead', 'snapshots run out', 'first read ms', 'next 20 reads p95 ms'],
      dayRows,
    ),
  );
  console.log('\nThe job first after midnight (the day before, it looked ahead; the read comes after it):\n');
  console.log(
    table(
      ['new day', 'moved on', 'looked ahead after', 'snapshot rows saved', 'job after midnight s', 'first read ms'],
      jobFirstRows,
    ),
  );
  console.log(
    `\nRefresh job, every member stale (as after a model change): ${refreshed} recomputed in ${fullSeconds.toFixed(1)} s = ${(refreshed / fullSeconds).toFixed(0)} members/s; look-ahead for all: ${lookedAhead} in ${aheadSeconds.toFixed(1)} s = ${(lookedAhead / aheadSeconds).toFixed(0)} members/s (batches of 500, one transaction each).`,
  );
} finally {
  await handle.close();
  // BENCH_KEEP=1 keeps the database for a look with psql.
  if (process.env.BENCH_KEEP) log(`kept database ${scratch.name}`);
  else await scratch.drop();
}
