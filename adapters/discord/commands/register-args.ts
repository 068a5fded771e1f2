// Reads what `npm run discord:register` needs from the environment and argv, and says plainly
// what is missing or wrong, so a mistyped id fails here rather than as a Discord 404 later.

import { SNOWFLAKE } from './limits.ts';
import type { RegisterOptions } from './register.ts';

export const REGISTER_USAGE = [
  'usage: npm run discord:register -- [--guild GUILD_ID]',
  '  DISCORD_TOKEN           the bot token (required)',
  '  DISCORD_APPLICATION_ID  the application id (required)',
  '  DISCORD_API_URL         REST base override, e.g. http://127.0.0.1:9999/api (optional)',
  '  --guild GUILD_ID        register in one server (updates at once) instead of globally (takes time)',
].join('\n');

export type RegisterArgs = { ok: true; options: RegisterOptions } | { ok: false; message: string } | { ok: 'help' };

function snowflakeProblem(label: string, value: string): string | null {
  return SNOWFLAKE.test(value)
    ? null
    : `${label}: got ${JSON.stringify(value.slice(0, 40))}, expected a Discord id (17 to 20 digits)`;
}

export function parseRegisterArgs(env: NodeJS.ProcessEnv, argv: readonly string[]): RegisterArgs {
  let guildId: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--help' || word === '-h') return { ok: 'help' };
    const inline = word.startsWith('--guild=') ? word.slice('--guild='.length) : null;
    if (word !== '--guild' && inline === null)
      return {
        ok: false,
        message: `unexpected argument ${JSON.stringify(word.slice(0, 40))}; expected --guild GUILD_ID or nothing`,
      };
    if (guildId !== null) return { ok: false, message: '--guild is given twice; expected one guild id' };
    const value = inline ?? argv[++i];
    if (value === undefined || value === '')
      return { ok: false, message: '--guild needs a value; expected --guild GUILD_ID' };
    const problem = snowflakeProblem('--guild', value);
    if (problem) return { ok: false, message: problem };
    guildId = value;
  }
  const token = env.DISCORD_TOKEN?.trim();
  if (!token)
    return {
      ok: false,
      message: 'DISCORD_TOKEN is not set; expected the bot token from the developer portal (Bot → Reset Token)',
    };
  const applicationId = env.DISCORD_APPLICATION_ID?.trim();
  if (!applicationId)
    return {
      ok: false,
      message:
        'DISCORD_APPLICATION_ID is not set; expected the application id from the developer portal (General Information)',
    };
  const idProblem = snowflakeProblem('DISCORD_APPLICATION_ID', applicationId);
  if (idProblem) return { ok: false, message: idProblem };
  const apiUrl = env.DISCORD_API_URL?.trim() || null;
  if (apiUrl !== null && !/^https?:\/\/[^\s/]+/.test(apiUrl)) {
    return {
      ok: false,
      message: `DISCORD_API_URL: got ${JSON.stringify(apiUrl.slice(0, 80))}, expected an http(s) URL such as http://127.0.0.1:9999/api`,
    };
  }
  return { ok: true, options: { token, applicationId, guildId, apiUrl } };
}
