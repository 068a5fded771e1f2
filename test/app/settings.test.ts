import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../app/settings/read.ts';
import { VARIABLE_NAMES, VARIABLES } from '../../app/settings/variables.ts';

const KEY = 'ab'.repeat(32);
const APP_ID = '123456789012345678';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  const result = readSettings(env);
  return result.ok ? [] : result.problems;
}

describe('reading the settings', () => {
  it('nothing set is the console bot on the embedded database in ./data, with every default', () => {
    const result = readSettings({});
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const { settings } = result;
    expect(settings.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect([settings.slack, settings.discord, settings.asOf, settings.logLevel]).toEqual([null, null, null, null]);
    expect([settings.port, settings.portGiven, settings.reminderHour, settings.metrics]).toEqual([
      3000,
      false,
      9,
      false,
    ]);
    expect([settings.dbStartTimeoutMs, settings.shutdownTimeoutMs]).toEqual([60_000, 10_000]);
  });

  it('reads a complete Slack and Discord setup, trimming values; empty values are unset', () => {
    const result = readSettings({
      SLACK_BOT_TOKEN: ' xoxb-1-2 ',
      SLACK_SIGNING_SECRET: 'abc123',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: KEY,
      DISCORD_SHARDS: '',
      PORT: '8080',
      DATABASE_URL: 'postgres://bot:pw@db.internal:5432/jss',
      METRICS: 'on',
      LOG_LEVEL: 'debug',
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.settings.slack).toEqual({
      botToken: 'xoxb-1-2',
      signingSecret: 'abc123',
      appToken: null,
      apiUrl: null,
      port: 8080,
    });
    expect(result.settings.discord).toEqual({
      applicationId: APP_ID,
      publicKey: KEY,
      token: null,
      apiUrl: null,
      port: 8080,
      shards: null,
    });
    expect(result.settings.database).toEqual({ kind: 'postgres', url: 'postgres://bot:pw@db.internal:5432/jss' });
    expect([result.settings.metrics, result.settings.logLevel, result.settings.portGiven]).toEqual([
      true,
      'debug',
      true,
    ]);
  });

  it.each([
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      ['SLACK_SIGNING_SECRET: missing; Slack needs it with SLACK_BOT_TOKEN (Basic Information → Signing Secret)'],
    ],
    [
      { SLACK_SIGNING_SECRET: 's' },
      [
        'SLACK_BOT_TOKEN: missing; Slack needs it with SLACK_SIGNING_SECRET (OAuth & Permissions → Bot User OAuth Token, xoxb-…), or set SLACK_CLIENT_ID and its companions for OAuth',
      ],
    ],
    [
      { SLACK_APP_TOKEN: 'xapp-1' },
      ['SLACK_APP_TOKEN: set, but Slack is not configured; expected SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET with it'],
    ],
    [
      { DISCORD_APPLICATION_ID: APP_ID },
      [
        'DISCORD_APPLICATION_ID: set alone; expected DISCORD_PUBLIC_KEY (HTTP interactions) and/or DISCORD_TOKEN (gateway) with it',
      ],
    ],
    [
      { DISCORD_TOKEN: 't' },
      [
        'DISCORD_TOKEN: set, but DISCORD_APPLICATION_ID is missing; expected the application id (General Information) with it',
      ],
    ],
    [
      { DISCORD_APPLICATION_ID: APP_ID, DISCORD_PUBLIC_KEY: KEY, DISCORD_SHARDS: 'auto' },
      ['DISCORD_SHARDS: sharding is for the gateway; expected DISCORD_TOKEN with it'],
    ],
  ])('an incomplete platform setup is refused: %j', (env, expected) => {
    expect(problemsOf(env)).toEqual(expected);
  });

  it.each([
    ['PORT', '70000', 'PORT: got "70000", expected a port number from 0 to 65535'],
    ['PORT', 'eighty', 'PORT: got "eighty", expected a port number from 0 to 65535'],
    ['JSS_REMINDER_HOUR', '24', 'JSS_REMINDER_HOUR: got "24", expected an hour from 0 to 23'],
    ['JSS_REMINDER_HOUR', '9.5', 'JSS_REMINDER_HOUR: got "9.5", expected an hour from 0 to 23'],
    ['JSS_AS_OF', '2026-02-30', 'JSS_AS_OF: got "2026-02-30", expected a date YYYY-MM-DD'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL: got "loud", expected fatal, error, warn, info, debug, trace, silent'],
    ['METRICS', 'yes', 'METRICS: got "yes", expected on or off'],
    [
      'DISCORD_API_URL',
      'ftp://x',
      'DISCORD_API_URL: got "ftp://x", expected an http(s) URL such as http://127.0.0.1:9999/api',
    ],
    ['JSS_DB_START_TIMEOUT', '-1', 'JSS_DB_START_TIMEOUT: got "-1", expected whole seconds from 0 to 3600'],
  ])('%s=%s is refused with what is expected', (name, value, message) => {
    expect(problemsOf({ [name]: value })).toContain(message);
  });

  it('never echoes a secret or a database URL that is malformed', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      SLACK_SIGNING_SECRET: 'ok',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
    });
    expect(problems).toEqual([
      'DATABASE_URL: got a value that is not a postgres:// or postgresql:// URL',
      'SLACK_BOT_TOKEN: got a value that is not a bot token starting with xoxb-',
    ]);
    expect(problems.join('\n')).not.toMatch(/hunter2|xoxp/);
  });

  it('reports every problem at once, one line each', () => {
    expect(problemsOf({ PORT: 'x', DISCORD_APPLICATION_ID: 'abc', SLACK_BOT_TOKEN: 'xoxb-1' })).toHaveLength(4);
  });

  it('variables it does not know are ignored, whatever their values (property)', () => {
    const unknownName = fc.stringMatching(/^[A-Z][A-Z_]{0,20}$/).filter((name) => !VARIABLE_NAMES.has(name));
    fc.assert(
      fc.property(fc.dictionary(unknownName, fc.string()), (env) => {
        expect(readSettings(env).ok).toBe(true);
      }),
    );
  });

  it('every variable has a meaning, an expectation, and a group (the docs are made from them)', () => {
    for (const variable of VARIABLES) {
      expect(variable.meaning.length, variable.name).toBeGreaterThan(10);
      expect(variable.expected.length, variable.name).toBeGreaterThan(2);
    }
    expect(new Set(VARIABLES.map((variable) => variable.name)).size).toBe(VARIABLES.length);
  });
});
