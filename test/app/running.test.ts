// The bot as an admin runs it: npm start under a supervisor's signals, settings that stop it at
// start, .env, and a platform instance's health, readiness, metrics, logs and clean stop.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, isRunning, startBot } from '../helpers/bot-process.ts';
import { startFakeServer } from '../helpers/fake-http.ts';
import { postSignedSlack, TEST_SIGNING_SECRET } from '../helpers/slack-request.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const APP_MAIN = join(ROOT, 'app/main.ts');
const TSX_LOADER = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const SECRET = TEST_SIGNING_SECRET;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jss-run-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Every process below `pid` (a shell, a loader, the bot): none may outlive a stop. */
function descendantsOf(pid: number): number[] {
  const tasks = readdirSync(`/proc/${pid}/task`);
  const children = tasks.flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('npm start under a supervisor', () => {
  it('SIGTERM sent to npm start stops the bot itself, which closes its database and exits 0', async () => {
    const bot = startBot(
      'npm',
      ['start', '--silent'],
      cleanEnv({ JSS_DATA_DIR: tempDir(), JSS_CONSOLE_USER: 'sam', LOG_LEVEL: 'info' }),
      ROOT,
    );
    bot.child.stdin?.write('help\n'); // stdin stays open: the console waits for more
    await bot.waitForOutput('jss-coach: your Upwork Job Success Score');
    const npmPid = bot.child.pid as number;
    const below = descendantsOf(npmPid);
    expect(below.length).toBeGreaterThan(0);
    process.kill(npmPid, 'SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(await waitUntil(() => below.every((pid) => !isRunning(pid)), 10_000)).toBe(true);
    expect(bot.stderr()).toContain('stopped: requests finished, jobs stopped, database closed');
  });
});

describe('settings checked at start', () => {
  it('a half-set platform exits 2 with one line per problem, and starts nothing', async () => {
    const bot = startBot(
      process.execPath,
      ['--import', TSX_LOADER, APP_MAIN],
      cleanEnv({
        JSS_DATA_DIR: tempDir(),
        SLACK_BOT_TOKEN: 'xoxb-1',
        DISCORD_APPLICATION_ID: '123456789012345678',
        PORT: 'x',
      }),
      ROOT,
    );
    bot.child.stdin?.end();
    expect(await bot.exited).toBe(2);
    const lines = bot.stderr().trim().split('\n');
    expect(lines).toEqual([
      'jss-coach: PORT: got "x", expected a port number from 0 to 65535',
      'jss-coach: SLACK_SIGNING_SECRET: missing; Slack needs it with SLACK_BOT_TOKEN (Basic Information → Signing Secret)',
      'jss-coach: DISCORD_APPLICATION_ID: set alone; expected DISCORD_PUBLIC_KEY (HTTP interactions) and/or DISCORD_TOKEN (gateway) with it',
      'jss-coach: see .env.example or the README ("Running it for real") for every setting.',
    ]);
    expect(bot.stdout()).toBe('');
  });

  it('reads .env from the working directory; the environment wins over it', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, '.env'),
      `SLACK_BOT_TOKEN=xoxb-from-file\nJSS_REMINDER_HOUR=30\nJSS_DATA_DIR=${join(cwd, 'data')}\n`,
    );
    const bot = startBot(
      process.execPath,
      ['--import', TSX_LOADER, APP_MAIN],
      cleanEnv({ JSS_REMINDER_HOUR: '7' }),
      cwd,
    );
    bot.child.stdin?.end();
    expect(await bot.exited).toBe(2);
    // The file's Slack token needs its secret; its reminder hour (30) lost to the environment's 7.
    expect(bot.stderr()).toContain('SLACK_SIGNING_SECRET: missing');
    expect(bot.stderr()).not.toContain('JSS_REMINDER_HOUR');
  });
});

describe('a Slack instance as an admin runs it', () => {
  it('serves health, readiness and metrics beside Slack, logs one JSON line per request, and stops cleanly on SIGTERM', async () => {
    const slackApi = await startFakeServer(() => ({ json: { ok: true } }));
    try {
      const bot = startBot(
        process.execPath,
        ['--import', TSX_LOADER, APP_MAIN],
        cleanEnv({
          JSS_DATA_DIR: tempDir(),
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_SIGNING_SECRET: SECRET,
          SLACK_API_URL: `${slackApi.url}/api/`,
          PORT: '0',
          METRICS: 'on',
          JSS_AS_OF: '2026-11-22',
        }),
        ROOT,
      );
      await bot.waitForOutput('Slack listening on port');
      const port = Number(/Slack listening on port (\d+)/.exec(bot.stdout())?.[1]);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);

      const body = new URLSearchParams({
        command: '/jss',
        text: 'add client:"Secret Client Ltd" type:hourly start:2026-01-10',
        team_id: 'T1',
        team_domain: 't',
        user_id: 'U1',
        user_name: 'u',
        trigger_id: 'trig-1',
        response_url: `${slackApi.url}/respond`,
      }).toString();
      const answered = await postSignedSlack(`${base}/slack/events`, body);
      expect(answered.status).toBe(200);
      expect(JSON.stringify(await answered.json())).toContain('Added c1');

      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain('jss_requests_total{platform="slack",command="add",outcome="ok"} 1');
      expect(metrics).toContain('jss_request_duration_seconds_count{platform="slack",command="add"} 1');
      expect(metrics).toContain('process_resident_memory_bytes');

      await bot.waitForOutput('"command":"add"');
      const requestLine = JSON.parse(
        bot
          .stdout()
          .split('\n')
          .find((line) => line.includes('"command":"add"')) as string,
      ) as Record<string, unknown>;
      expect(requestLine).toMatchObject({
        level: 30,
        service: 'jss-coach',
        component: 'requests',
        platform: 'slack',
        command: 'add',
        outcome: 'ok',
        requestId: 'trig-1',
      });
      expect(typeof requestLine.durationMs).toBe('number');
      // What the member typed stays out of the logs.
      expect(bot.stdout() + bot.stderr()).not.toContain('Secret Client');

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.stdout()).toContain('stopped: requests finished, jobs stopped, database closed');
    } finally {
      await slackApi.close();
    }
  });
});

describe('the production build', () => {
  it('npm run build makes dist/main.js, which runs the console bot', () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
    const output = execFileSync(process.execPath, [join(ROOT, 'dist/main.js')], {
      cwd: ROOT,
      input: 'help score\n',
      env: cleanEnv({ JSS_DATA_DIR: tempDir() }),
      encoding: 'utf8',
    });
    expect(output).toContain('score');
    expect(output).toContain('Your estimated Job Success Score');
  });

  it('the built chart workers (dist/src/charts/render-worker.js) render what the main thread renders', () => {
    const charts = join(ROOT, 'dist/src/charts/');
    const script = `const [{ createWorkerPool }, { renderPng }, { forecastSvg }] = await Promise.all(['worker-pool', 'render-png', 'forecast-svg'].map((name) => import(${JSON.stringify(charts)} + name + '.js')));
const svg = forecastSvg({ title: 'a', points: [{ date: '2026-11-22', value: 87 }, { date: '2027-11-22', value: 74 }] });
const pool = createWorkerPool(1);
const png = await pool.render(svg);
await pool.close();
console.log(png.png.equals(renderPng(svg).png) ? 'identical' : 'different');`;
    const file = join(tempDir(), 'pool.mjs');
    writeFileSync(file, script);
    expect(execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe('identical');
  });
});

describe('start-up failures an admin can act on', () => {
  it('a second bot on the same embedded database folder exits 2 naming the folder and the first bot; the first goes on', async () => {
    const dataDir = tempDir();
    const env = cleanEnv({ JSS_DATA_DIR: dataDir, JSS_CONSOLE_USER: 'ann' });
    const first = startBot(process.execPath, ['--import', TSX_LOADER, APP_MAIN], env, ROOT);
    first.child.stdin?.write('add client:Acme type:fixed start:2026-01-10\n');
    await first.waitForOutput('Added c1');
    const second = startBot(process.execPath, ['--import', TSX_LOADER, APP_MAIN], env, ROOT);
    second.child.stdin?.end('add client:Other type:fixed start:2026-01-10\n');
    expect(await second.exited).toBe(2);
    expect(second.stderr()).toContain(`the data folder ${dataDir} is in use by process ${first.child.pid}`);
    expect(second.stdout()).not.toContain('Added');
    first.child.stdin?.end('list\n');
    expect(await first.exited).toBe(0);
    expect(first.stdout()).toContain('c1: Acme (fixed)');
  });

  it('a DATABASE_URL nobody answers at says so and what to check, after the start-up wait', async () => {
    const bot = startBot(
      process.execPath,
      ['--import', TSX_LOADER, APP_MAIN],
      cleanEnv({ DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:9/jss', JSS_DB_START_TIMEOUT: '1' }),
      ROOT,
    );
    bot.child.stdin?.end();
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('nothing accepts connections at');
    expect(bot.stderr()).toContain('Check that PostgreSQL is running');
    expect(bot.stderr()).not.toContain('s3cret');
  });
});

describe('a platform that cannot start', () => {
  it('a port already in use: the bot says so, stops what it started, closes the database and exits 1', async () => {
    const { createServer } = await import('node:net');
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const dataDir = tempDir();
      const bot = startBot(
        process.execPath,
        ['--import', TSX_LOADER, APP_MAIN],
        cleanEnv({
          JSS_DATA_DIR: dataDir,
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_SIGNING_SECRET: SECRET,
          PORT: String(port),
        }),
        ROOT,
      );
      expect(await bot.exited).toBe(1);
      expect(bot.stdout() + bot.stderr()).toContain('EADDRINUSE');
      // The database was closed: its folder lock is gone, so another bot may open it.
      expect(readdirSync(dataDir)).not.toContain('.jss-coach.lock');
    } finally {
      holder.close();
    }
  });
});
