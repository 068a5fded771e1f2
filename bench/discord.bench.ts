// npm run bench:discord — signed `/jss score` interactions to the real HTTP interactions endpoint on
// a real PostgreSQL, at 1, 10 and 50 concurrent: the time until the completed reply reaches the
// (fake) Discord API, p50 and p99, and requests per second; beside a bare endpoint that only
// verifies the signature and acknowledges, in the same run, as a ratio. Needs TEST_DATABASE_URL.

import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { createDiscordBot } from '../adapters/discord/app.ts';
import { isValidSignature, publicKeyFromHex } from '../adapters/discord/verify.ts';
import { openDatabase } from '../db/connect.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createScratchDatabase } from '../db/scratch-database.ts';
import { startFakeServer } from '../test/helpers/fake-http.ts';
import { makeMember, seededRandom } from './members.ts';
import { percentile, table } from './stats.ts';

const APP = '123456789012345678';
const GUILD = '223456789012345678';
const AS_OF = '2026-11-22';
const MEMBERS = 50;
const CONTRACTS_PER_MEMBER = 20;
const LEVELS = [1, 10, 50];
const REQUESTS_PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 400);

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('bench:discord needs a PostgreSQL server: set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}

const scratch = await createScratchDatabase(serverUrl, 'jss_bench');
const handle = await openDatabase({ url: scratch.url });
await migrateDatabase(handle);
const store = createStore(handle.db);
const random = seededRandom(11);
const community = await store.ensureCommunity({ platform: 'discord', externalId: GUILD });
for (let i = 0; i < MEMBERS; i++) {
  const member = await store.ensureMember(community.id, `U${i}`, `member ${i}`);
  for (const contract of makeMember(CONTRACTS_PER_MEMBER, AS_OF, random)) await store.insertContract(member.id, contract);
}

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const der = publicKey.export({ format: 'der', type: 'spki' });
const publicHex = der.subarray(der.length - 32).toString('hex');

// The fake Discord API: completing a reply is a PATCH to the interaction webhook.
const waiting = new Map<string, () => void>();
const api = await startFakeServer((request) => {
  const token = /\/webhooks\/\d+\/([^/]+)\/messages/.exec(request.path)?.[1];
  if (token) {
    waiting.get(token)?.();
    waiting.delete(token);
  }
  return { json: { id: 'm' } };
});

const bot = createDiscordBot({ services: { store }, config: { applicationId: APP, publicKey: publicHex, token: null, apiUrl: `${api.url}/api`, port: 0, shards: null }, today: () => AS_OF });
const botPort = await bot.listen(0);

// The bare endpoint: verifies the signature like the bot and acknowledges, doing nothing else.
const key = publicKeyFromHex(publicHex);
const bare = createServer((request: IncomingMessage, response: ServerResponse) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const ok = isValidSignature(key, request.headers['x-signature-ed25519'] as string, request.headers['x-signature-timestamp'] as string, Buffer.concat(chunks));
    response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ type: 5, data: { flags: 64 } }));
  });
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const barePort = (bare.address() as AddressInfo).port;

let sequence = 0;
async function oneRequest(port: number, user: string, completes: boolean): Promise<number> {
  const id = `${++sequence}`;
  const token = `token-${id}`;
  const body = JSON.stringify({
    id, application_id: APP, type: 2, token, version: 1, guild_id: GUILD, channel_id: 'C1',
    member: { user: { id: user, username: user }, nick: null, permissions: '0', roles: [] },
    data: { id: 'cmd', name: 'jss', type: 1, options: [{ name: 'score', type: 1, options: [] }] },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  const started = performance.now();
  const done = completes ? new Promise<void>((resolve) => waiting.set(token, resolve)) : Promise.resolve();
  const response = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body,
  });
  await response.text();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  await done;
  return performance.now() - started;
}

async function level(port: number, concurrency: number, completes: boolean) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < REQUESTS_PER_LEVEL) {
        next++;
        latencies.push(await oneRequest(port, `U${(worker + next) % MEMBERS}`, completes));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / seconds };
}

await level(botPort, 5, true);
await level(barePort, 5, false);
const rows: string[][] = [];
for (const concurrency of LEVELS) {
  const app = await level(botPort, concurrency, true);
  const base = await level(barePort, concurrency, false);
  rows.push([String(concurrency), `${app.p50.toFixed(1)} / ${app.p99.toFixed(1)}`, `${base.p50.toFixed(1)} / ${base.p99.toFixed(1)}`, (app.p99 / base.p99).toFixed(2), app.rps.toFixed(0), base.rps.toFixed(0)]);
}
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; PostgreSQL on loopback; ${REQUESTS_PER_LEVEL} requests a level; /jss score for members with ${CONTRACTS_PER_MEMBER} contracts; time until the completed reply reaches the API.\n`);
console.log(table(['concurrent', 'jss p50 / p99 ms', 'bare ack p50 / p99 ms', 'p99 ×', 'jss req/s', 'bare req/s'], rows));

await bot.stop();
await new Promise<void>((resolve) => bare.close(() => resolve()));
await api.close();
await handle.close();
await scratch.drop();
