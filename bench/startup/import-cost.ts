// How long each of the console's start-up imports takes, in the order src/main.ts loads them, in
// one process (a module already loaded by an earlier line costs nothing again). Run it with the
// loader you want to measure, e.g. `node --import tsx bench/startup/import-cost.ts`, or on a
// prebuilt bundle's modules. Prints one line per import: milliseconds and resident MB after it.

import { readFileSync } from 'node:fs';

const MODULES = [
  '@electric-sql/pglite',
  'drizzle-orm',
  'postgres',
  '../../db/connect.ts',
  '../../db/migrate.ts',
  '../../db/drizzle-store.ts',
  '../../src/commands/dispatch.ts',
  '../../adapters/console/console-bot.ts',
  '../../src/leaderboard/schedule.ts',
  '../../src/reminders/platforms.ts',
  '../../src/reminders/schedule.ts',
  '../../db/reminder-queue.ts',
  '../../adapters/slack/app.ts',
  '../../adapters/discord/app.ts',
];

function residentMb(): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
}

const only = process.argv.slice(2);
const start = performance.now();
for (const name of only.length > 0 ? only : MODULES) {
  const before = performance.now();
  await import(name);
  process.stdout.write(
    `${(performance.now() - before).toFixed(0).padStart(6)} ms  ${residentMb().toFixed(0).padStart(4)} MB  ${name}\n`,
  );
}
process.stdout.write(
  `${(performance.now() - start).toFixed(0).padStart(6)} ms  total (process up ${performance.now().toFixed(0)} ms)\n`,
);
