// Every environment variable the bot reads, once: its meaning, its default, and how its text is
// checked. `.env.example` and the README's settings table are generated from this list
// (npm run docs:settings), and a test keeps them in step with it.

import { z } from 'zod';
import { SNOWFLAKE } from '../../adapters/discord/commands/limits.ts';

export type SettingGroup = 'Database' | 'Console' | 'Slack' | 'Discord' | 'Running';

export interface VariableSpec {
  name: string;
  group: SettingGroup;
  meaning: string;
  /** The default as the docs show it; null when unset means "off" or "not used". */
  defaultText: string | null;
  /** What a value must look like, said in the error when it does not. */
  expected: string;
  /** Checks and converts the (trimmed, non-empty) text. */
  schema: z.ZodType;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .refine((value) => value >= min && value <= max);
}

const httpUrl = z.url({ protocol: /^https?$/ });
const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ });
const switchWord = z.enum(['on', 'off']).transform((word) => word === 'on');

export const VARIABLES: readonly VariableSpec[] = [
  {
    name: 'DATABASE_URL',
    group: 'Database',
    meaning: 'a PostgreSQL server (postgres.js) instead of the embedded database',
    defaultText: null,
    expected: 'a postgres:// or postgresql:// URL',
    schema: postgresUrl,
  },
  {
    name: 'JSS_DATA_DIR',
    group: 'Database',
    meaning: "the embedded database's folder; one process at a time (a second one is refused)",
    defaultText: './data',
    expected: 'a folder path',
    schema: z.string(),
  },
  {
    name: 'JSS_DB_START_TIMEOUT',
    group: 'Database',
    meaning: 'seconds to keep retrying a PostgreSQL server that is down at start',
    defaultText: '60',
    expected: 'whole seconds from 0 to 3600',
    schema: wholeNumber(0, 3600),
  },
  {
    name: 'JSS_CONSOLE_USER',
    group: 'Console',
    meaning: 'who you are in the console (try several members on one database)',
    defaultText: 'your OS user name',
    expected: 'a name',
    schema: z.string().max(80),
  },
  {
    name: 'JSS_AS_OF',
    group: 'Console',
    meaning: 'pin "today" (demos, scripts); reminders use it too',
    defaultText: 'today',
    expected: 'a date YYYY-MM-DD',
    schema: z.string().refine(isRealDay),
  },
  {
    name: 'SLACK_BOT_TOKEN',
    group: 'Slack',
    meaning: 'the bot token; with SLACK_SIGNING_SECRET, the bot serves Slack instead of the console',
    defaultText: null,
    expected: 'a bot token starting with xoxb-',
    schema: z.string().startsWith('xoxb-'),
  },
  {
    name: 'SLACK_SIGNING_SECRET',
    group: 'Slack',
    meaning: 'checks that requests come from Slack (Basic Information → Signing Secret)',
    defaultText: null,
    expected: 'the signing secret, without spaces',
    schema: z.string().regex(/^\S+$/),
  },
  {
    name: 'SLACK_APP_TOKEN',
    group: 'Slack',
    meaning: 'Socket Mode (no public URL needed)',
    defaultText: null,
    expected: 'an app-level token starting with xapp-',
    schema: z.string().startsWith('xapp-'),
  },
  {
    name: 'SLACK_API_URL',
    group: 'Slack',
    meaning: 'Web API base URL override (proxies, tests)',
    defaultText: 'https://slack.com/api/',
    expected: 'an http(s) URL such as http://127.0.0.1:9999/api/',
    schema: httpUrl,
  },
  {
    name: 'SLACK_CLIENT_ID',
    group: 'Slack',
    meaning:
      'OAuth: with SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_TOKEN_KEY and SLACK_SIGNING_SECRET, many workspaces install the bot at /slack/install (instead of SLACK_BOT_TOKEN)',
    defaultText: null,
    expected: 'the client id (Basic Information → App Credentials), digits and dots',
    schema: z.string().regex(/^[0-9.]+$/),
  },
  {
    name: 'SLACK_CLIENT_SECRET',
    group: 'Slack',
    meaning: 'OAuth: the client secret (Basic Information → App Credentials)',
    defaultText: null,
    expected: 'the client secret, without spaces',
    schema: z.string().regex(/^\S+$/),
  },
  {
    name: 'SLACK_STATE_SECRET',
    group: 'Slack',
    meaning: 'OAuth: signs the state of each install (any long random text; keep it secret)',
    defaultText: null,
    expected: 'at least 32 characters without spaces',
    schema: z.string().regex(/^\S{32,}$/),
  },
  {
    name: 'SLACK_TOKEN_KEY',
    group: 'Slack',
    meaning: "OAuth: encrypts the workspaces' bot tokens in the database (AES-256-GCM); `openssl rand -hex 32`",
    defaultText: null,
    expected: '64 hex characters (32 bytes)',
    schema: z.string().regex(/^[0-9a-f]{64}$/i),
  },
  {
    name: 'SLACK_REDIRECT_URL',
    group: 'Slack',
    meaning: "OAuth: the public redirect URL, as in the app's OAuth settings (needed when the app lists more than one)",
    defaultText: 'the first one the app lists',
    expected: 'an https URL ending in /slack/oauth_redirect',
    schema: httpUrl,
  },
  {
    name: 'DISCORD_APPLICATION_ID',
    group: 'Discord',
    meaning: 'the application id; with DISCORD_PUBLIC_KEY and/or DISCORD_TOKEN, the bot serves Discord',
    defaultText: null,
    expected: 'a Discord id (17 to 20 digits)',
    schema: z.string().regex(SNOWFLAKE),
  },
  {
    name: 'DISCORD_PUBLIC_KEY',
    group: 'Discord',
    meaning: 'serves HTTP interactions at /discord/interactions (Ed25519 signatures)',
    defaultText: null,
    expected: "the 64 hex characters of the application's public key",
    schema: z.string().regex(/^[0-9a-f]{64}$/i),
  },
  {
    name: 'DISCORD_TOKEN',
    group: 'Discord',
    meaning: 'the bot token: adds the gateway client and direct messages (reminders)',
    defaultText: null,
    expected: 'the bot token',
    schema: z.string().regex(/^\S+$/),
  },
  {
    name: 'DISCORD_API_URL',
    group: 'Discord',
    meaning: 'REST base URL override (proxies, tests)',
    defaultText: 'https://discord.com/api',
    expected: 'an http(s) URL such as http://127.0.0.1:9999/api',
    schema: httpUrl,
  },
  {
    name: 'DISCORD_SHARDS',
    group: 'Discord',
    meaning: 'gateway sharding (needed from 2,500 guilds)',
    defaultText: null,
    expected: 'auto or a number of shards from 1',
    schema: z.union([z.literal('auto'), wholeNumber(1, 100_000)]),
  },
  {
    name: 'PORT',
    group: 'Running',
    meaning: 'the HTTP port (Slack events, Discord interactions, /healthz, /readyz, /metrics)',
    defaultText: '3000',
    expected: 'a port number from 0 to 65535',
    schema: wholeNumber(0, 65_535),
  },
  {
    name: 'JSS_REMINDER_HOUR',
    group: 'Running',
    meaning: "the hour from which daily reminders go out, in each member's time zone (UTC when they have none)",
    defaultText: '9',
    expected: 'an hour from 0 to 23',
    schema: wholeNumber(0, 23),
  },
  {
    name: 'LOG_LEVEL',
    group: 'Running',
    meaning: 'how much is logged (JSON lines; pretty on a terminal)',
    defaultText: 'info (warn in console mode)',
    expected: LOG_LEVELS.join(', '),
    schema: z.enum(LOG_LEVELS),
  },
  {
    name: 'METRICS',
    group: 'Running',
    meaning: 'serve GET /metrics (Prometheus text format)',
    defaultText: 'off',
    expected: 'on or off',
    schema: switchWord,
  },
  {
    name: 'JSS_SHUTDOWN_TIMEOUT',
    group: 'Running',
    meaning: 'seconds a stop waits for requests in flight',
    defaultText: '10',
    expected: 'whole seconds from 0 to 600',
    schema: wholeNumber(0, 600),
  },
  {
    name: 'JSS_CHART_WORKERS',
    group: 'Running',
    meaning: 'threads that render forecast charts (0: on the main thread)',
    defaultText: 'CPU count − 1, at least 1',
    expected: 'a whole number from 0 to 64',
    schema: wholeNumber(0, 64),
  },
];

export const VARIABLE_NAMES: ReadonlySet<string> = new Set(VARIABLES.map((variable) => variable.name));
