// npm run bench:slack — signed `/jss score` requests to the bot as `npm start` runs it (a child
// process, PostgreSQL, chart workers), at 1, 10 and 50 concurrent, from this process: the time
// until the member has the reply (in the ack, or at response_url) and until they have the chart
// too (files.completeUploadExternal reached the fake Slack Web API, which answers as Slack does so
// uploads succeed); p50, p99 and requests a second, beside a bare Bolt app (also a child) that
// only acks, interleaved in the same run. Needs TEST_DATABASE_URL naming a server.

import { createHmac } from 'node:crypto';
import { arrivals, startFakeApi } from './fake-api.ts';
import { AS_OF, compareLevels, seededDatabase, type Send } from './load.ts';
import { botNodeArgs, startChild } from './processes.ts';

const SECRET = 'bench-secret';
const TEAM = 'TBENCH';
/** A chart that has not arrived by then is a failure of the bot, not a slow request. */
const CHART_TIMEOUT_MS = 15_000;

const database = await seededDatabase('slack', TEAM, 7);
const replies = arrivals();
const charts = arrivals();
let sequence = 0;

// The fake Slack Web API, answering as Slack does (uploads succeed).
const slack = await startFakeApi((request) => {
  const path = request.path.split('?')[0] as string;
  const form = () => new URLSearchParams(request.body.toString('utf8'));
  if (path.startsWith('/response/')) {
    replies.arrived(path);
    return { json: { ok: true } };
  }
  if (path.startsWith('/upload/')) return { status: 200 };
  switch (path) {
    case '/api/auth.test':
      return { json: { ok: true, team_id: TEAM, user_id: 'UBOT', bot_id: 'BBOT' } };
    case '/api/users.info':
      return {
        json: { ok: true, user: { id: form().get('user'), tz: 'UTC', tz_offset: 0, is_admin: false, is_owner: false } },
      };
    case '/api/conversations.open':
      return { json: { ok: true, channel: { id: `D-${form().get('users')}` } } };
    case '/api/files.getUploadURLExternal': {
      const id = `F${++sequence}`;
      return { json: { ok: true, upload_url: `${slack.url}/upload/${id}`, file_id: id } };
    }
    case '/api/files.completeUploadExternal': {
      const body = form();
      charts.arrived(String(body.get('channel_id')));
      return { json: { ok: true, files: JSON.parse(body.get('files') ?? '[]') } };
    }
    default:
      return { json: { ok: true } };
  }
});

const bot = await startChild(
  'app/main.ts',
  {
    DATABASE_URL: database.url,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${slack.url}/api/`,
    PORT: '0',
    JSS_AS_OF: AS_OF,
  },
  /Slack listening on port (\d+)/,
  botNodeArgs(),
);
const bare = await startChild(
  'bench/bare/slack-bare.ts',
  { BENCH_SIGNING_SECRET: SECRET },
  /bare listening on port (\d+)/,
);

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)),
  );
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** One signed /jss score; with `chart`, also waits for the chart's upload to the member's DM. */
function sender(port: number, chart: boolean): Send {
  return async (user) => {
    const id = ++sequence;
    const responsePath = `/response/${id}`;
    const body = new URLSearchParams({
      command: '/jss',
      text: 'score',
      team_id: TEAM,
      team_domain: 'bench',
      user_id: user,
      user_name: user,
      channel_id: 'C1',
      response_url: `${slack.url}${responsePath}`,
      trigger_id: `bench-${id}`,
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const replied = chart ? replies.wait(responsePath) : null;
    const charted = chart ? charts.wait(`D-${user}`) : null;
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-signature': signature,
        'x-slack-request-timestamp': String(timestamp),
      },
    });
    const text = await response.text();
    const acked = performance.now();
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text}`);
    // The reply is in the ack, or (when it missed the ack budget) follows at response_url.
    const reply = !chart || text !== '' ? acked : await within(replied as Promise<number>, CHART_TIMEOUT_MS, 'reply');
    if (!chart) return { reply: reply - started, complete: reply - started };
    if (text !== '' && !text.includes('score')) throw new Error(`not a score reply: ${text.slice(0, 200)}`);
    const complete = await within(charted as Promise<number>, CHART_TIMEOUT_MS, `chart of ${user}`);
    return { reply: reply - started, complete: Math.max(reply, complete) - started };
  };
}

try {
  await compareLevels(
    sender(bot.port, true),
    sender(bare.port, false),
    'the time until the member has the reply, and the reply and its chart (upload completed at the fake Slack API)',
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
  await slack.close();
  await database.close();
}
