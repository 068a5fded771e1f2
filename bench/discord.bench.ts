// npm run bench:discord — signed `/jss score` interactions to the real HTTP interactions endpoint on
// a real PostgreSQL, at 1, 10 and 50 concurrent: the time until the completed reply reaches the
// (fake) Discord API, p50 and p99, and requests per second; beside a bare endpoint that only
// verifies the signature and acknowledges, in the same run, as a ratio. Needs TEST_DATABASE_URL.

import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDiscordBot } from '../adapters/discord/app.ts';
import { isValidSignature, publicKeyFromHex } from '../adapters/discord/verify.ts';
import { startFakeServer } from '../test/helpers/fake-http.ts';
import { AS_OF, compareLevels, seededDatabase } from './load.ts';

const APP = '123456789012345678';
const GUILD = '223456789012345678';

const database = await seededDatabase('discord', GUILD, 11);
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

const bot = createDiscordBot({
  services: { store: database.store },
  config: { applicationId: APP, publicKey: publicHex, token: null, apiUrl: `${api.url}/api`, port: 0, shards: null },
  today: () => AS_OF,
});
const botPort = await bot.listen(0);

// The bare endpoint: verifies the signature like the bot and acknowledges, doing nothing else.
const key = publicKeyFromHex(publicHex);
const bare = createServer((request: IncomingMessage, response: ServerResponse) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const ok = isValidSignature(
      key,
      request.headers['x-signature-ed25519'] as string,
      request.headers['x-signature-timestamp'] as string,
      Buffer.concat(chunks),
    );
    response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ type: 5, data: { flags: 64 } }));
  });
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const barePort = (bare.address() as AddressInfo).port;

let sequence = 0;
/** Milliseconds until the completed reply reaches the API (or, bare, until the ack). */
function sender(port: number, completes: boolean) {
  return async (user: string): Promise<number> => {
    const id = `${++sequence}`;
    const token = `token-${id}`;
    const body = JSON.stringify({
      id,
      application_id: APP,
      type: 2,
      token,
      version: 1,
      guild_id: GUILD,
      channel_id: 'C1',
      member: { user: { id: user, username: user }, nick: null, permissions: '0', roles: [] },
      data: { id: 'cmd', name: 'jss', type: 1, options: [{ name: 'score', type: 1, options: [] }] },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
    const started = performance.now();
    const done = completes ? new Promise<void>((resolve) => waiting.set(token, resolve)) : Promise.resolve();
    const response = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': signature,
        'x-signature-timestamp': timestamp,
      },
      body,
    });
    await response.text();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    await done;
    return performance.now() - started;
  };
}

await compareLevels(sender(botPort, true), sender(barePort, false), 'time until the completed reply reaches the API');
await bot.stop();
await new Promise<void>((resolve) => bare.close(() => resolve()));
await api.close();
await database.close();
