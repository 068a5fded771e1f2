// npm run bench:discord — signed `/jss score` interactions to the bot as `npm start` runs it (a
// child process, HTTP interactions, PostgreSQL, chart workers), at 1, 10 and 50 concurrent, from
// this process: the time until the reply is edited into the deferred response at the (fake)
// Discord API, and until the chart is edited in too (its multipart PATCH received whole); p50,
// p99 and requests a second, beside a bare endpoint (also a child) that only verifies the
// signature and acknowledges, interleaved in the same run. Needs TEST_DATABASE_URL.

import { generateKeyPairSync, sign } from 'node:crypto';
import { arrivals, startFakeApi } from './fake-api.ts';
import { AS_OF, compareLevels, seededDatabase, type Send } from './load.ts';
import { botNodeArgs, startChild } from './processes.ts';

const APP = '123456789012345678';
const GUILD = '223456789012345678';
/** A reply or chart that has not arrived by then is a failure of the bot, not a slow request. */
const ARRIVAL_TIMEOUT_MS = 15_000;

const database = await seededDatabase('discord', GUILD, 11);
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const der = publicKey.export({ format: 'der', type: 'spki' });
const publicHex = der.subarray(der.length - 32).toString('hex');

// The fake Discord REST API: the interaction webhook answers edits and posts with the message, as
// Discord does; the reply comes as JSON, the chart as a multipart edit with forecast.png.
const replies = arrivals();
const charts = arrivals();
const api = await startFakeApi((request) => {
  const token = /\/webhooks\/\d+\/([^/]+)\/messages\//.exec(request.path)?.[1];
  if (token && request.method === 'PATCH') {
    const multipart = String(request.headers['content-type']).startsWith('multipart/');
    if (multipart && request.body.includes('filename="forecast.png"')) charts.arrived(token);
    else replies.arrived(token);
  }
  return { json: { id: `m-${token ?? 'x'}`, channel_id: 'C1', content: '', embeds: [], attachments: [] } };
});

const bot = await startChild(
  'app/main.ts',
  {
    DATABASE_URL: database.url,
    DISCORD_APPLICATION_ID: APP,
    DISCORD_PUBLIC_KEY: publicHex,
    DISCORD_API_URL: `${api.url}/api`,
    PORT: '0',
    JSS_AS_OF: AS_OF,
  },
  /Discord interactions on port (\d+)/,
  botNodeArgs(),
);
const bare = await startChild(
  'bench/bare/discord-bare.ts',
  { BENCH_PUBLIC_KEY: publicHex },
  /bare listening on port (\d+)/,
);

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)),
  );
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

let sequence = 0;
/** One signed /jss score; for the bot, waits for the reply's edit and then the chart's. */
function sender(port: number, completes: boolean): Send {
  return async (user) => {
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
    const replied = completes ? replies.wait(token) : null;
    const charted = completes ? charts.wait(token) : null;
    const started = performance.now();
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
    const acked = performance.now();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    if (!completes) return { reply: acked - started, complete: acked - started };
    const reply = await within(replied as Promise<number>, ARRIVAL_TIMEOUT_MS, `reply ${token}`);
    const chart = await within(charted as Promise<number>, ARRIVAL_TIMEOUT_MS, `chart ${token}`);
    return { reply: reply - started, complete: chart - started };
  };
}

try {
  await compareLevels(
    sender(bot.port, true),
    sender(bare.port, false),
    'the time until the reply is edited into the deferred response, and until its chart is edited in too (both received whole at the fake Discord API)',
    bot.cpuMs,
  );
} catch (error) {
  console.error(error, `\nbot output: ${bot.output()}`);
  process.exitCode = 1;
} finally {
  const problems = bot.problems();
  console.log(
    `\nThe bot logged ${problems.length} warnings or errors during the run.${problems.length > 0 ? ` The first: ${problems.slice(0, 3).join('\n')}` : ''}`,
  );
  await bot.stop();
  await bare.stop();
  await api.close();
  await database.close();
}
