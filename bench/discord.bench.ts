// npm run bench:discord — signed `/jss score` interactions to the bot as `npm start` runs it (a
// child process, HTTP interactions, PostgreSQL, chart workers), at 1, 10 and 50 concurrent, from
// this process: the time until the reply is edited into the deferred response at the (fake)
// Discord API, and until the chart is edited in too (its multipart PATCH received whole); p50,
// p99 and requests a second, beside a bare endpoint (also a child) that only verifies the
// signature and acknowledges, interleaved in the same run. Needs TEST_DATABASE_URL.

import {
  discordKeys,
  scoreInteraction,
  signedDiscordHeaders,
  TEST_DISCORD_APP,
} from '../test/helpers/discord-request.ts';
import { measureBotBesideBare, startBotAndBare, within } from './bot-versus-bare.ts';
import { arrivals, startFakeApi } from './fake-api.ts';
import { seededDatabase, type Send } from './load.ts';

const APP = TEST_DISCORD_APP;
const GUILD = '223456789012345678';
/** A reply or chart that has not arrived by then is a failure of the bot, not a slow request. */
const ARRIVAL_TIMEOUT_MS = 15_000;

const database = await seededDatabase('discord', GUILD, 11);
const { privateKey, publicHex } = discordKeys();

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

const children = await startBotAndBare(
  database.url,
  { DISCORD_APPLICATION_ID: APP, DISCORD_PUBLIC_KEY: publicHex, DISCORD_API_URL: `${api.url}/api` },
  /Discord interactions on port (\d+)/,
  'bench/bare/discord-bare.ts',
  { BENCH_PUBLIC_KEY: publicHex },
);

let sequence = 0;
/** One signed /jss score; for the bot, waits for the reply's edit and then the chart's. */
function sender(port: number, completes: boolean): Send {
  return async (user) => {
    const id = `${++sequence}`;
    const token = `token-${id}`;
    const body = JSON.stringify(scoreInteraction(id, token, GUILD, user));
    const headers = signedDiscordHeaders(body, privateKey);
    const replied = completes ? replies.wait(token) : null;
    const charted = completes ? charts.wait(token) : null;
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
      method: 'POST',
      headers,
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

await measureBotBesideBare(
  children,
  sender,
  'the time until the reply is edited into the deferred response, and until its chart is edited in too (both received whole at the fake Discord API)',
  async () => {
    await api.close();
    await database.close();
  },
);
