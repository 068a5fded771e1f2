// Slack's OAuth mode in the settings: its variables together, the token key required (named when
// missing), and never mixed with the single-token mode or Socket Mode.

import { describe, expect, it } from 'vitest';
import { readSettings } from '../../app/settings/read.ts';

const TOKEN_KEY = '0123456789abcdef'.repeat(4);
const OAUTH = {
  SLACK_CLIENT_ID: '1234.5678',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-that-is-long-enough-1234',
  SLACK_TOKEN_KEY: TOKEN_KEY,
  SLACK_SIGNING_SECRET: 'signing',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  const result = readSettings(env);
  return result.ok ? [] : result.problems;
}

describe('Slack OAuth settings', () => {
  it('reads a complete OAuth setup: no bot token, the key as 32 bytes', () => {
    const result = readSettings({
      ...OAUTH,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      SLACK_REDIRECT_URL: 'https://jss.example.com/slack/oauth_redirect',
      PORT: '8080',
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.settings.slack).toEqual({
      botToken: null,
      signingSecret: 'signing',
      appToken: null,
      apiUrl: 'http://127.0.0.1:9/api/',
      port: 8080,
      oauth: {
        clientId: '1234.5678',
        clientSecret: 'client-secret',
        stateSecret: OAUTH.SLACK_STATE_SECRET,
        tokenKey: Buffer.from(TOKEN_KEY, 'hex'),
        redirectUrl: 'https://jss.example.com/slack/oauth_redirect',
      },
    });
  });

  it('refuses to start without SLACK_TOKEN_KEY, naming it', () => {
    const { SLACK_TOKEN_KEY: _key, ...withoutKey } = OAUTH;
    expect(problemsOf(withoutKey)).toEqual([
      'SLACK_TOKEN_KEY: missing; OAuth mode keeps bot tokens encrypted with it: expected 64 hex characters (openssl rand -hex 32)',
    ]);
  });

  it.each([
    [
      'a short key',
      { SLACK_TOKEN_KEY: 'abcd' },
      'SLACK_TOKEN_KEY: got a value that is not 64 hex characters (32 bytes)',
    ],
    [
      'a key that is not hex',
      { SLACK_TOKEN_KEY: 'z'.repeat(64) },
      'SLACK_TOKEN_KEY: got a value that is not 64 hex characters (32 bytes)',
    ],
    [
      'a short state secret',
      { SLACK_STATE_SECRET: 'short' },
      'SLACK_STATE_SECRET: got a value that is not at least 32 characters without spaces',
    ],
    [
      'a bot token too',
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'SLACK_BOT_TOKEN: set together with OAuth; expected either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and its companions (many), not both',
    ],
    [
      'Socket Mode',
      { SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_APP_TOKEN: Socket Mode with OAuth is not supported; OAuth needs the HTTP endpoints (/slack/install, /slack/oauth_redirect)',
    ],
    [
      'a redirect URL to another path',
      { SLACK_REDIRECT_URL: 'https://jss.example.com/oauth' },
      'SLACK_REDIRECT_URL: got "https://jss.example.com/oauth", expected a URL whose path is /slack/oauth_redirect',
    ],
  ])('refuses %s', (_name, change, problem) => {
    expect(problemsOf({ ...OAUTH, ...change })).toEqual([problem]);
  });

  it('names each missing companion of the OAuth variables, and the signing secret', () => {
    expect(problemsOf({ SLACK_CLIENT_ID: '1.2', SLACK_TOKEN_KEY: TOKEN_KEY })).toEqual([
      'SLACK_CLIENT_SECRET: missing; OAuth (installs in many workspaces) needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET together',
      'SLACK_STATE_SECRET: missing; OAuth (installs in many workspaces) needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET together',
      'SLACK_SIGNING_SECRET: missing; Slack needs it with OAuth too (Basic Information → Signing Secret)',
    ]);
  });

  it('refuses the token key without OAuth (it would protect nothing)', () => {
    expect(problemsOf({ SLACK_TOKEN_KEY: TOKEN_KEY })).toEqual([
      'SLACK_TOKEN_KEY: set, but OAuth is not configured; expected SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET with it',
    ]);
  });
});
