// Shared parts of the platform benchmarks: a scratch PostgreSQL database with realistic members,
// and concurrency levels run against the bot and a bare endpoint, interleaved (rounds alternate
// between the two, so a machine that gets busier mid-run weighs on both alike).

import { cpus, loadavg } from 'node:os';
import type { Platform } from '../src/ports/store.ts';
import { openDatabase } from '../db/connect.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createScratchDatabase } from '../test/helpers/scratch-database.ts';
import { makeMember, seededRandom } from './members.ts';
import { percentile, table } from './stats.ts';

export const AS_OF = '2026-11-22';
const MEMBERS = 50;
const CONTRACTS_PER_MEMBER = 20;
const LEVELS = (process.env.BENCH_LEVELS ?? '1,10,50').split(',').map(Number);
const REQUESTS_PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 400);
/** Each level's requests are split into this many rounds, alternating bot and bare app. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);

/** A migrated scratch database on the server of TEST_DATABASE_URL, with MEMBERS seeded members; its URL for the bot. */
export async function seededDatabase(
  platform: Platform,
  externalId: string,
  seed: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error(
      'this benchmark needs a PostgreSQL server: set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test',
    );
    process.exit(2);
  }
  const scratch = await createScratchDatabase(serverUrl, 'jss_bench');
  const handle = await openDatabase({ url: scratch.url });
  await migrateDatabase(handle);
  const store = createStore(handle.db);
  const random = seededRandom(seed);
  const community = await store.ensureCommunity({ platform, externalId });
  for (let i = 0; i < MEMBERS; i++) {
    const member = await store.ensureMember(community.id, `U${i}`, `member ${i}`);
    for (const contract of makeMember(CONTRACTS_PER_MEMBER, AS_OF, random))
      await store.insertContract(member.id, contract);
  }
  await handle.close();
  return { url: scratch.url, close: () => scratch.drop() };
}

/** When the member had the reply, and when they had the chart too (ms after sending). */
interface Timing {
  reply: number;
  complete: number;
}

/** `send` makes one request for a member. */
export type Send = (user: string) => Promise<Timing>;

interface Measured {
  replies: number[];
  completes: number[];
  seconds: number;
  /** CPU the measured process used during these requests, ms (NaN when unknown). */
  cpuMs: number;
}

/** `count` requests at `concurrency`, members taken in turn. */
async function run(
  send: Send,
  concurrency: number,
  count: number,
  into: Measured,
  cpuMs: () => number = () => Number.NaN,
): Promise<void> {
  let next = 0;
  const cpuBefore = cpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const user = `U${next++ % MEMBERS}`;
        const timing = await send(user);
        into.replies.push(timing.reply);
        into.completes.push(timing.complete);
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
  into.cpuMs += cpuMs() - cpuBefore;
}

const fresh = (): Measured => ({ replies: [], completes: [], seconds: 0, cpuMs: 0 });
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/**
 * Runs every level against the bot and the bare endpoint, interleaved; prints a Markdown table and
 * the machine. `botCpuMs`: the bot process's CPU so far, for its CPU per request (every thread).
 */
export async function compareLevels(bot: Send, bare: Send, what: string, botCpuMs?: () => number): Promise<void> {
  // Warm: every member's chart rendered and cached once, connections open.
  await run(bot, 5, MEMBERS * 2, fresh());
  await run(bare, 5, MEMBERS, fresh());
  const loadBefore = loadavg();
  const rows: string[][] = [];
  const results: LevelResult[] = [];
  const perRound = Math.ceil(REQUESTS_PER_LEVEL / ROUNDS);
  for (const concurrency of LEVELS) {
    const app = fresh();
    const base = fresh();
    for (let round = 0; round < ROUNDS; round++) {
      // bot, bare, bare, bot, …: neither always goes first.
      const order =
        round % 2 === 0
          ? ([
              [bot, app, botCpuMs],
              [bare, base, undefined],
            ] as const)
          : ([
              [bare, base, undefined],
              [bot, app, botCpuMs],
            ] as const);
      for (const [send, into, cpu] of order) await run(send, concurrency, perRound, into, cpu);
    }
    const p99 = percentile(app.completes, 99);
    const bareP99 = percentile(base.completes, 99);
    results.push({ concurrency, p99, bareP99, rps: app.completes.length / app.seconds });
    rows.push([
      String(concurrency),
      `${ms(percentile(app.replies, 50))} / ${ms(percentile(app.replies, 99))}`,
      `${ms(percentile(app.completes, 50))} / ${ms(p99)}`,
      `${ms(percentile(base.completes, 50))} / ${ms(bareP99)}`,
      `${(p99 / bareP99).toFixed(1)}×`,
      (app.completes.length / app.seconds).toFixed(0),
      (base.completes.length / base.seconds).toFixed(0),
      (app.cpuMs / app.completes.length).toFixed(1),
    ]);
  }
  const loadAfter = loadavg();
  const cores = cpus();
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  console.log(
    `Machine: ${cores[0]?.model ?? 'unknown CPU'}, ${cores.length} cores, Node ${process.version}; PostgreSQL on loopback; ` +
      `load average (1/5/15 min) ${load(loadBefore)} before, ${load(loadAfter)} after; ${perRound * ROUNDS} requests a level in ${ROUNDS} rounds alternating bot and bare app; ` +
      `/jss score for members with ${CONTRACTS_PER_MEMBER} contracts, warm (every member's chart cached); ${what}.\n`,
  );
  console.log(
    table(
      [
        'concurrent',
        'jss reply p50 / p99 ms',
        'jss reply + chart p50 / p99 ms',
        'bare ack p50 / p99 ms',
        'p99 × bare',
        'jss req/s (with chart)',
        'bare req/s',
        'bot CPU ms/req',
      ],
      rows,
    ),
  );
  console.log(`\n${targets(results).join('\n')}`);
}

interface LevelResult {
  concurrency: number;
  p99: number;
  bareP99: number;
  rps: number;
}

/** Issue 15's targets, read off the results: each said plainly, met or not. */
function targets(results: LevelResult[]): string[] {
  const at = (concurrency: number) => results.find((result) => result.concurrency === concurrency);
  const lines: string[] = [];
  const one = at(1);
  if (one) {
    const limit = 3 * one.bareP99 + 10;
    lines.push(
      `- 1 concurrent: p99 ${ms(one.p99)} ms against ≤ 3 × bare p99 + 10 ms = ${ms(limit)} ms: ${one.p99 <= limit ? 'met' : 'NOT met'}`,
    );
  }
  const ten = at(10);
  if (ten) lines.push(`- 10 concurrent: p99 ${ms(ten.p99)} ms against ≤ 100 ms: ${ten.p99 <= 100 ? 'met' : 'NOT met'}`);
  const best = Math.max(...results.map((result) => result.rps));
  lines.push(
    `- throughput with the chart, warm: ${best.toFixed(0)} replies/s at best against ≥ 200: ${best >= 200 ? 'met' : 'NOT met'}`,
  );
  return lines;
}
