// Shared parts of the platform benchmarks: a scratch PostgreSQL database with realistic members,
// and concurrency levels run against the bot and a bare endpoint side by side.

import { cpus } from 'node:os';
import type { Platform, Store } from '../src/ports/store.ts';
import { openDatabase } from '../db/connect.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createScratchDatabase } from '../test/helpers/scratch-database.ts';
import { makeMember, seededRandom } from './members.ts';
import { percentile, table } from './stats.ts';

export const AS_OF = '2026-11-22';
export const MEMBERS = 50;
export const CONTRACTS_PER_MEMBER = 20;
export const LEVELS = [1, 10, 50];
export const REQUESTS_PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 400);

/** A migrated scratch database on the server of TEST_DATABASE_URL, with MEMBERS seeded members. */
export async function seededDatabase(
  platform: Platform,
  externalId: string,
  seed: number,
): Promise<{ store: Store; close(): Promise<void> }> {
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
  return {
    store,
    async close() {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** `send` makes one request for a member and resolves with its latency in milliseconds. */
export type Send = (user: string) => Promise<number>;

async function level(send: Send, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < REQUESTS_PER_LEVEL) {
        next++;
        latencies.push(await send(`U${(worker + next) % MEMBERS}`));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / seconds };
}

/** Runs every level against the bot and the bare endpoint in turn; prints a Markdown table. */
export async function compareLevels(bot: Send, bare: Send, what: string): Promise<void> {
  await level(bot, 5); // warm-up
  await level(bare, 5);
  const rows: string[][] = [];
  for (const concurrency of LEVELS) {
    const app = await level(bot, concurrency);
    const base = await level(bare, concurrency);
    rows.push([
      String(concurrency),
      `${app.p50.toFixed(1)} / ${app.p99.toFixed(1)}`,
      `${base.p50.toFixed(1)} / ${base.p99.toFixed(1)}`,
      (app.p99 / base.p99).toFixed(2),
      app.rps.toFixed(0),
      base.rps.toFixed(0),
    ]);
  }
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; PostgreSQL on loopback; ${REQUESTS_PER_LEVEL} requests a level; /jss score for members with ${CONTRACTS_PER_MEMBER} contracts; ${what}.\n`,
  );
  console.log(
    table(['concurrent', 'jss p50 / p99 ms', 'bare ack p50 / p99 ms', 'p99 ×', 'jss req/s', 'bare req/s'], rows),
  );
}
