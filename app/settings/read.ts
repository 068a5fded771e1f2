// Reads and checks every setting at once, so a half-configured deployment stops at start with one
// line per problem instead of starting something else (the console on an empty stdin) in silence.

import { userInfo } from 'node:os';
import type { DiscordConfig } from '../../adapters/discord/config.ts';
import type { SlackConfig, SlackOAuthConfig } from '../../adapters/slack/config.ts';
import { VARIABLES, type LogLevel } from './variables.ts';

export type DatabaseSetting = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface Settings {
  database: DatabaseSetting;
  /** The embedded database's folder; also where console history is kept. */
  dataDir: string;
  dbStartTimeoutMs: number;
  consoleUser: string;
  /** A pinned "today" (JSS_AS_OF), or null for the real date. */
  asOf: string | null;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  port: number;
  /** PORT was set: serve health (and metrics) even when no platform needs an HTTP server. */
  portGiven: boolean;
  reminderHour: number;
  /** LOG_LEVEL, or null when unset (the app picks: info on platforms, warn in the console). */
  logLevel: LogLevel | null;
  metrics: boolean;
  shutdownTimeoutMs: number;
  /** JSS_CHART_WORKERS, or null when unset (the CPU count − 1, at least 1). */
  chartWorkers: number | null;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

type Values = Record<string, unknown>;

/** An empty value is unset (as `.env` files often leave them). */
function present(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const text = env[name]?.trim();
  return text === undefined || text === '' ? undefined : text;
}

function shown(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

/** Each variable's own format. */
function parseEach(env: NodeJS.ProcessEnv, problems: string[]): Values {
  const values: Values = {};
  for (const variable of VARIABLES) {
    const text = present(env, variable.name);
    if (text === undefined) continue;
    const parsed = variable.schema.safeParse(text);
    if (parsed.success) values[variable.name] = parsed.data;
    else {
      // Tokens, secrets and database URLs (which hold passwords) are never echoed back.
      const secret = /TOKEN|SECRET|DATABASE_URL/.test(variable.name);
      problems.push(
        `${variable.name}: ${secret ? 'got a value that is not' : `got ${shown(text)}, expected`} ${variable.expected}`,
      );
    }
  }
  return values;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'me';
  }
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** OAuth mode (many workspaces) when its three variables are set; the token key is then required. */
function slackOAuthOf(values: Values, set: (name: string) => boolean, problems: string[]): SlackOAuthConfig | null {
  const given = OAUTH_VARIABLES.filter(set);
  const oauthExtras = ['SLACK_TOKEN_KEY', 'SLACK_REDIRECT_URL'].filter(set);
  if (given.length === 0) {
    for (const name of oauthExtras)
      problems.push(`${name}: set, but OAuth is not configured; expected ${OAUTH_VARIABLES.join(', ')} with it`);
    return null;
  }
  for (const name of OAUTH_VARIABLES.filter((name) => !set(name)))
    problems.push(`${name}: missing; OAuth (installs in many workspaces) needs ${OAUTH_VARIABLES.join(', ')} together`);
  if (!set('SLACK_TOKEN_KEY'))
    problems.push(
      'SLACK_TOKEN_KEY: missing; OAuth mode keeps bot tokens encrypted with it: expected 64 hex characters (openssl rand -hex 32)',
    );
  if (!set('SLACK_SIGNING_SECRET'))
    problems.push('SLACK_SIGNING_SECRET: missing; Slack needs it with OAuth too (Basic Information → Signing Secret)');
  if (set('SLACK_BOT_TOKEN'))
    problems.push(
      'SLACK_BOT_TOKEN: set together with OAuth; expected either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and its companions (many), not both',
    );
  if (set('SLACK_APP_TOKEN'))
    problems.push(
      'SLACK_APP_TOKEN: Socket Mode with OAuth is not supported; OAuth needs the HTTP endpoints (/slack/install, /slack/oauth_redirect)',
    );
  const redirect = values.SLACK_REDIRECT_URL as string | undefined;
  if (redirect && new URL(redirect).pathname !== OAUTH_REDIRECT_PATH)
    problems.push(
      `SLACK_REDIRECT_URL: got ${JSON.stringify(redirect)}, expected a URL whose path is ${OAUTH_REDIRECT_PATH}`,
    );
  const key = values.SLACK_TOKEN_KEY as string | undefined;
  if (!values.SLACK_CLIENT_ID || !values.SLACK_CLIENT_SECRET || !values.SLACK_STATE_SECRET || !key) return null;
  return {
    clientId: values.SLACK_CLIENT_ID as string,
    clientSecret: values.SLACK_CLIENT_SECRET as string,
    stateSecret: values.SLACK_STATE_SECRET as string,
    tokenKey: Buffer.from(key, 'hex'),
    redirectUrl: redirect ?? null,
  };
}

function slackOf(values: Values, set: (name: string) => boolean, problems: string[], port: number): SlackConfig | null {
  const oauthWanted = OAUTH_VARIABLES.some(set);
  const oauth = slackOAuthOf(values, set, problems);
  const token = set('SLACK_BOT_TOKEN');
  const secret = set('SLACK_SIGNING_SECRET');
  if (!oauthWanted) {
    if (token && !secret)
      problems.push(
        'SLACK_SIGNING_SECRET: missing; Slack needs it with SLACK_BOT_TOKEN (Basic Information → Signing Secret)',
      );
    if (secret && !token)
      problems.push(
        'SLACK_BOT_TOKEN: missing; Slack needs it with SLACK_SIGNING_SECRET (OAuth & Permissions → Bot User OAuth Token, xoxb-…), or set SLACK_CLIENT_ID and its companions for OAuth',
      );
    for (const name of ['SLACK_APP_TOKEN', 'SLACK_API_URL']) {
      if (set(name) && !token && !secret)
        problems.push(
          `${name}: set, but Slack is not configured; expected SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET with it`,
        );
    }
  }
  if (!values.SLACK_SIGNING_SECRET) return null;
  if (oauth) {
    return {
      botToken: null,
      oauth,
      signingSecret: values.SLACK_SIGNING_SECRET as string,
      appToken: null,
      apiUrl: (values.SLACK_API_URL as string | undefined) ?? null,
      port,
    };
  }
  if (!values.SLACK_BOT_TOKEN) return null;
  return {
    botToken: values.SLACK_BOT_TOKEN as string,
    signingSecret: values.SLACK_SIGNING_SECRET as string,
    appToken: (values.SLACK_APP_TOKEN as string | undefined) ?? null,
    apiUrl: (values.SLACK_API_URL as string | undefined) ?? null,
    port,
  };
}

function discordOf(
  values: Values,
  set: (name: string) => boolean,
  problems: string[],
  port: number,
): DiscordConfig | null {
  const application = set('DISCORD_APPLICATION_ID');
  const key = set('DISCORD_PUBLIC_KEY');
  const token = set('DISCORD_TOKEN');
  if (application && !key && !token) {
    problems.push(
      'DISCORD_APPLICATION_ID: set alone; expected DISCORD_PUBLIC_KEY (HTTP interactions) and/or DISCORD_TOKEN (gateway) with it',
    );
  }
  for (const name of ['DISCORD_PUBLIC_KEY', 'DISCORD_TOKEN', 'DISCORD_API_URL', 'DISCORD_SHARDS']) {
    if (set(name) && !application)
      problems.push(
        `${name}: set, but DISCORD_APPLICATION_ID is missing; expected the application id (General Information) with it`,
      );
  }
  if (set('DISCORD_SHARDS') && !token)
    problems.push('DISCORD_SHARDS: sharding is for the gateway; expected DISCORD_TOKEN with it');
  if (!values.DISCORD_APPLICATION_ID || (!values.DISCORD_PUBLIC_KEY && !values.DISCORD_TOKEN)) return null;
  return {
    applicationId: values.DISCORD_APPLICATION_ID as string,
    publicKey: (values.DISCORD_PUBLIC_KEY as string | undefined) ?? null,
    token: (values.DISCORD_TOKEN as string | undefined) ?? null,
    apiUrl: (values.DISCORD_API_URL as string | undefined) ?? null,
    port,
    shards: (values.DISCORD_SHARDS as 'auto' | number | undefined) ?? null,
  };
}

export function readSettings(env: NodeJS.ProcessEnv): SettingsResult {
  const problems: string[] = [];
  const values = parseEach(env, problems);
  const set = (name: string) => present(env, name) !== undefined;
  const port = (values.PORT as number | undefined) ?? 3000;
  const slack = slackOf(values, set, problems, port);
  const discord = discordOf(values, set, problems, port);
  if (problems.length > 0) return { ok: false, problems };
  const dataDir = (values.JSS_DATA_DIR as string | undefined) ?? './data';
  const url = values.DATABASE_URL as string | undefined;
  return {
    ok: true,
    settings: {
      database: url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir },
      dataDir,
      dbStartTimeoutMs: ((values.JSS_DB_START_TIMEOUT as number | undefined) ?? 60) * 1000,
      consoleUser: (values.JSS_CONSOLE_USER as string | undefined) ?? osUser(),
      asOf: (values.JSS_AS_OF as string | undefined) ?? null,
      slack,
      discord,
      port,
      portGiven: set('PORT'),
      reminderHour: (values.JSS_REMINDER_HOUR as number | undefined) ?? 9,
      logLevel: (values.LOG_LEVEL as LogLevel | undefined) ?? null,
      metrics: (values.METRICS as boolean | undefined) ?? false,
      shutdownTimeoutMs: ((values.JSS_SHUTDOWN_TIMEOUT as number | undefined) ?? 10) * 1000,
      chartWorkers: (values.JSS_CHART_WORKERS as number | undefined) ?? null,
    },
  };
}
