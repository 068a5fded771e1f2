// What the platform benches (slack, discord) share: the bot as `npm start` runs it and a bare app
// that only acknowledges, both children of the bench; the bot measured beside the bare app at each
// level (compareLevels); the warnings the bot logged reported; everything stopped whatever happened.

import { AS_OF, compareLevels, type Send } from './load.ts';
import { botNodeArgs, startChild, type Child } from './processes.ts';

export interface BotAndBare {
  bot: Child;
  bare: Child;
}

/** Starts app/main.ts on `databaseUrl` with the platform's `botEnv`, and the bare app `bareEntry` with `bareEnv`. */
export async function startBotAndBare(
  databaseUrl: string,
  botEnv: NodeJS.ProcessEnv,
  botListening: RegExp,
  bareEntry: string,
  bareEnv: NodeJS.ProcessEnv,
): Promise<BotAndBare> {
  const bot = await startChild(
    'app/main.ts',
    { DATABASE_URL: databaseUrl, ...botEnv, PORT: '0', JSS_AS_OF: AS_OF },
    botListening,
    botNodeArgs(),
  );
  const bare = await startChild(bareEntry, bareEnv, /bare listening on port (\d+)/);
  return { bot, bare };
}

/** `work`, or a failure naming `what` once `ms` have passed without it: a bot that never answers is not slow. */
export function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)),
  );
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Measures `sender(bot.port, true)` beside `sender(bare.port, false)` at each level, reports what
 * the bot logged at warn or error, then stops both children and `closeRest` (the fake API, the database).
 */
export async function measureBotBesideBare(
  { bot, bare }: BotAndBare,
  sender: (port: number, complete: boolean) => Send,
  measured: string,
  closeRest: () => Promise<void>,
): Promise<void> {
  try {
    await compareLevels(sender(bot.port, true), sender(bare.port, false), measured, bot.cpuMs);
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
    await closeRest();
  }
}
