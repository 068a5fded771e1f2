// npm run bench:slack — signed `/jss score` requests to the real Slack app on a real PostgreSQL,
// at 1, 10 and 50 concurrent: the time until the member has the reply (in the ack, or at
// response_url), p50 and p99, and requests per second; beside a bare Bolt app that only acks,
// in the same run, as a ratio. Needs TEST_DATABASE_URL (or DATABASE_URL) naming a server.

import { createHmac } from 'node:crypto';
import { cpus } from 'node:os';
import { App, LogLevel } from '@slack/bolt';
import { createSlackApp } from '../adapters/slack/app.ts';
import { openDatabase } from '../db/connect.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createScratchDatabase } from '../db/scratch-database.ts';
import { startFakeServer } from '../test/helpers/fake-http.ts';
import { makeMember, seededRandom } from './members.ts';
import { percentile, table } from './stats.ts';

const SECRET = 'bench-secret';
const AS_OF = '2026-11-22';
const TEAM = 'TBENCH';
const MEMBERS = 50;
const CONTRACTS_PER_MEMBER = 20;
const LEVELS = [1, 10, 50];
const REQUESTS_PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 400);

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('bench:slack needs a PostgreSQL server: set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}

const scratch = await createScratchDatabase(serverUrl, 'jss_bench');
const handle = await openDatabase({ url: scratch.url });
await migrateDatabase(handle);
const store = createStore(handle.db);

// Members with realistic histories, so /jss score does its real work.
const random = seededRandom(7);
const community = await store.ensureCommunity({ platform: 'slack', externalId: TEAM });
for (let i = 0; i < MEMBERS; i++) {
  const member = await store.ensureMember(community.id, `U${i}`, `member ${i}`);
  for (const contract of makeMember(CONTRACTS_PER_MEMBER, AS_OF, random)) await store.insertContract(member.id, contract);
}

let sequence = 0;
const pending = new Map<string, () => void>();
const responses = await startFakeServer((request) => {
  pending.get(request.path)?.();
  pending.delete(request.path);
  return { text: 'ok' };
});

const adapter = createSlackApp({
  services: { store },
  config: { signingSecret: SECRET, botToken: 'xoxb-bench', appToken: null, port: 0, apiUrl: `${responses.url}/api/` },
  today: () => AS_OF,
});
const appPort = await adapter.start();

const bare = new App({ signingSecret: SECRET, authorize: async () => ({ botToken: 'xoxb-bench' }), port: 0, logLevel: LogLevel.ERROR });
bare.command('/jss', async ({ ack }) => ack());
const bareServer = (await bare.start(0)) as unknown as { address(): { port: number } };
const barePort = bareServer.address().port;

function signedRequest(port: number, user: string) {
  const id = ++sequence;
  const path = `/response/${id}`;
  const body = new URLSearchParams({
    command: '/jss', text: 'score', team_id: TEAM, team_domain: 'bench', user_id: user, user_name: user,
    channel_id: 'C1', response_url: `${responses.url}${path}`, trigger_id: `bench-${id}`,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { url: `http://127.0.0.1:${port}/slack/events`, path, init: { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) } } };
}

/** Milliseconds until the member has the reply: the ack's body, or the call to response_url. */
async function oneRequest(port: number, user: string, replyExpected: boolean): Promise<number> {
  const request = signedRequest(port, user);
  const started = performance.now();
  const followUp = new Promise<void>((resolve) => pending.set(request.path, resolve));
  const response = await fetch(request.url, request.init);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text}`);
  if (replyExpected && text === '') await followUp;
  pending.delete(request.path);
  return performance.now() - started;
}

async function level(port: number, concurrency: number, replyExpected: boolean) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < REQUESTS_PER_LEVEL) {
        next++;
        latencies.push(await oneRequest(port, `U${(worker + next) % MEMBERS}`, replyExpected));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / seconds };
}

// Warm both up.
await level(appPort as number, 5, true);
await level(barePort, 5, false);

const rows: string[][] = [];
for (const concurrency of LEVELS) {
  const app = await level(appPort as number, concurrency, true);
  const base = await level(barePort, concurrency, false);
  rows.push([
    String(concurrency),
    `${app.p50.toFixed(1)} / ${app.p99.toFixed(1)}`,
    `${base.p50.toFixed(1)} / ${base.p99.toFixed(1)}`,
    (app.p99 / base.p99).toFixed(2),
    app.rps.toFixed(0),
    base.rps.toFixed(0),
  ]);
}
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; PostgreSQL on loopback; ${REQUESTS_PER_LEVEL} requests a level; /jss score for members with ${CONTRACTS_PER_MEMBER} contracts.\n`);
console.log(table(['concurrent', 'jss p50 / p99 ms', 'bare ack p50 / p99 ms', 'p99 ×', 'jss req/s', 'bare req/s'], rows));

await adapter.stop();
await bare.stop();
await responses.close();
await handle.close();
await scratch.drop();
