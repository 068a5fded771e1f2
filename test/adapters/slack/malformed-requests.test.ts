// Signed requests that are not what Slack sends: none may end the server or leave it hanging.
// The app runs in a child process (test/adapters/slack/fixtures/serve-slack.ts) with Node's
// default handlers, so a request that kills it shows up here as a dead child, not as a vitest
// error. After every request a valid signed `/jss help` must still be answered.

import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_BODY_MAX, SIGNATURE_WINDOW_SECONDS } from '../../../adapters/slack/limits.ts';
import {
  signedSlackHeaders,
  slackNow as now,
  slackSignature as signature,
  TEST_SIGNING_SECRET,
} from '../../helpers/slack-request.ts';

const SECRET = TEST_SIGNING_SECRET;
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const FIXTURE = 'test/adapters/slack/fixtures/serve-slack.ts';
/** Longer than Bolt's 3 s "not acknowledged" wait: a request that hangs shows up as a 404 after it. */
const REQUEST_TIMEOUT_MS = 5000;

const signedHeaders = (body: string | Buffer, contentType: string | null, timestamp = now()) =>
  signedSlackHeaders(body, { contentType, timestamp });

const helpBody = new URLSearchParams({
  command: '/jss',
  text: 'help',
  team_id: 'T0TEST',
  team_domain: 'freelancers',
  user_id: 'U1',
  user_name: 'member',
  channel_id: 'C1',
  response_url: 'http://127.0.0.1:9/response',
  trigger_id: 'trigger-help',
}).toString();

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('signed but malformed Slack requests (the app in a child process)', () => {
  let child: ChildProcess | null = null;
  let stderr = '';
  let endpoint = '';

  async function startServer(): Promise<void> {
    stderr = '';
    const started = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SLACK_SIGNING_SECRET: SECRET },
    });
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await new Promise<string>((resolve, reject) => {
      started.stdout?.on('data', (chunk: Buffer) => {
        const found = /port=(\d+)/.exec(chunk.toString());
        if (found) resolve(found[1] as string);
      });
      started.once('exit', (code) =>
        reject(new Error(`the Slack fixture exited (${code}) before listening:\n${stderr}`)),
      );
    });
    child = started;
    endpoint = `http://127.0.0.1:${port}/slack/events`;
  }

  const alive = () => child !== null && child.exitCode === null && child.signalCode === null;

  beforeEach(async () => {
    // A request that killed the server fails its own test; the next one gets a fresh server.
    if (!alive()) await startServer();
  });

  afterAll(() => {
    if (alive()) child?.kill();
  });

  async function post(
    body: string | Buffer,
    headers: Record<string, string>,
  ): Promise<{ status: number; text: string }> {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      // Give a dying process a moment to exit, so the report says what killed it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new Error(
        `no answer (${(error as Error).message}); server ${alive() ? 'alive' : `dead, its stderr:\n${stderr}`}`,
      );
    }
  }

  /** The server is up and still answers a real command. */
  async function expectStillServing(): Promise<void> {
    const { status, text } = await post(helpBody, signedHeaders(helpBody, FORM));
    expect(alive(), stderr).toBe(true);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ response_type: 'ephemeral' });
    expect(text).toContain('jss-coach');
  }

  it('answers a valid signed /jss help (the baseline)', async () => {
    await expectStillServing();
  });

  const malformed: [string, string | Buffer, string | null][] = [
    ['form payload=null', 'payload=null', FORM],
    ['JSON null', 'null', JSON_TYPE],
    ['JSON []', '[]', JSON_TYPE],
    ['JSON "x"', '"x"', JSON_TYPE],
    ['JSON 42', '42', JSON_TYPE],
    ['JSON {}', '{}', JSON_TYPE],
    ['JSON with a numeric type', '{"type":1}', JSON_TYPE],
    ['JSON event_callback without an event', '{"type":"event_callback"}', JSON_TYPE],
    ['JSON that does not parse', '{"type":', JSON_TYPE],
    ['form payload= (empty)', 'payload=', FORM],
    ['form payload={not json', 'payload={not json', FORM],
    ['form payload=[]', 'payload=[]', FORM],
    ['form payload=42', 'payload=42', FORM],
    ['form payload without a type', form({ payload: '{"user":{"id":"U1"}}' }), FORM],
    [
      'form payload given twice',
      `${form({ payload: '{"type":"block_actions"}' })}&${form({ payload: '{"type":"block_actions"}' })}`,
      FORM,
    ],
    ['a form with neither command nor payload', 'a=b', FORM],
    ['an empty form', '', FORM],
    ['a command form without user_id', form({ command: '/jss', text: 'help', team_id: 'T0TEST' }), FORM],
    ['a command form with command given twice', `${helpBody}&command=%2Fother`, FORM],
    ['a command without content-type', helpBody, null],
    ['a command as text/plain', helpBody, 'text/plain'],
    ['a command as multipart', helpBody, 'multipart/form-data; boundary=x'],
    [
      'invalid UTF-8 in a form',
      Buffer.concat([Buffer.from('command=/jss&text='), Buffer.from([0xff, 0xfe, 0xfd])]),
      FORM,
    ],
  ];

  it.each(malformed)('%s: 400 at once, and the server carries on', async (_, body, contentType) => {
    const started = Date.now();
    const { status, text } = await post(body, signedHeaders(body, contentType));
    expect(status).toBe(400);
    expect(text.length).toBeGreaterThan(0); // a short reason
    expect(Date.now() - started).toBeLessThan(2000); // not Bolt's 3 s wait for an ack that never comes
    await expectStillServing();
  });

  it('ssl_check=1 alone: 200, empty, and the server carries on', async () => {
    const { status, text } = await post('ssl_check=1&token=x', signedHeaders('ssl_check=1&token=x', FORM));
    expect({ status, text }).toEqual({ status: 200, text: '' });
    await expectStillServing();
  });

  it('url_verification: the challenge comes back', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-123' });
    const { status, text } = await post(body, signedHeaders(body, JSON_TYPE));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ challenge: 'c-123' });
  });

  it(`a body over ${REQUEST_BODY_MAX} bytes: 413, and the server carries on`, async () => {
    const body = `${helpBody}&pad=${'x'.repeat(REQUEST_BODY_MAX)}`;
    const { status } = await post(body, signedHeaders(body, FORM));
    expect(status).toBe(413);
    await expectStillServing();
  });

  it('a streamed body (no content-length) over the limit: 413 once the limit is passed', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(endpoint, { method: 'POST', headers: signedHeaders('', FORM) });
      outgoing.on('response', (response) => (response.resume(), resolve(response.statusCode ?? 0)));
      outgoing.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const write = (): void => {
        while (sent <= 2 * REQUEST_BODY_MAX) {
          sent += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once('drain', write);
        }
        outgoing.end();
      };
      write();
    });
    expect(status).toBe(413);
    await expectStillServing();
  });

  it('a client that goes away in the middle of its body: the server carries on', async () => {
    await new Promise<void>((resolve) => {
      const outgoing = httpRequest(endpoint, {
        method: 'POST',
        headers: { ...signedHeaders('', FORM), 'content-length': '1000' },
      });
      outgoing.on('error', () => resolve());
      outgoing.write('command=/jss', () => setTimeout(() => (outgoing.destroy(), resolve()), 50));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectStillServing();
  });

  it('a form whose content-type names its charset is read as a form', async () => {
    const { status, text } = await post(helpBody, signedHeaders(helpBody, `${FORM}; charset=utf-8`));
    expect(status).toBe(200);
    expect(text).toContain('jss-coach');
  });

  it('a body of exactly the limit is read (and judged by its shape)', async () => {
    const body = `${helpBody}&pad=`.padEnd(REQUEST_BODY_MAX, 'x');
    expect(Buffer.byteLength(body)).toBe(REQUEST_BODY_MAX);
    const { status } = await post(body, signedHeaders(body, FORM));
    expect(status).toBe(200);
  });

  it.each([
    ['more than 5 minutes in the future', SIGNATURE_WINDOW_SECONDS + 60],
    ['more than 5 minutes in the past', -(SIGNATURE_WINDOW_SECONDS + 60)],
  ])('a signature dated %s: 401', async (_, offset) => {
    const { status } = await post(helpBody, signedHeaders(helpBody, FORM, now() + offset));
    expect(status).toBe(401);
    await expectStillServing();
  });

  it('a signature dated just inside the window (4 minutes ahead) is accepted', async () => {
    const { status } = await post(helpBody, signedHeaders(helpBody, FORM, now() + SIGNATURE_WINDOW_SECONDS - 60));
    expect(status).toBe(200);
  });

  it.each([
    ['no signature headers', {}],
    [
      'a wrong secret',
      { 'x-slack-signature': signature(helpBody, now(), 'wrong'), 'x-slack-request-timestamp': String(now()) },
    ],
    [
      'a signature of another version',
      {
        'x-slack-signature': signature(helpBody, now()).replace('v0=', 'v1='),
        'x-slack-request-timestamp': String(now()),
      },
    ],
    [
      'a timestamp that is not a number',
      { 'x-slack-signature': signature(helpBody, now()), 'x-slack-request-timestamp': 'soon' },
    ],
  ])('%s: 401 before the body is judged', async (_, headers) => {
    const { status } = await post(helpBody, { ...headers, 'content-type': FORM });
    expect(status).toBe(401);
    const malformedBody = 'payload=null';
    expect((await post(malformedBody, { ...headers, 'content-type': FORM })).status).toBe(401);
  });
});
