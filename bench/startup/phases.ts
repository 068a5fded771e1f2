// The time split of a console start on existing data, in one process, phase by phase as src/main.ts
// runs them: the modules (command layer; then the Slack and Discord modules a console never uses),
// PGlite open, migrations check, pruning, first command, a second one. Resident MB after each.
// usage: node --import tsx bench/startup/phases.ts DATA_DIR   (a folder prepared by bench:startup,
// or any data folder whose member is JSS_CONSOLE_USER); or bundle it with esbuild to compare.
// `performance.now()` counts from the process's start, so the first line includes Node's and the
// loader's own start-up.

import { readFileSync } from 'node:fs';
import { BENCH_AS_OF, BENCH_USER } from './member.ts';

let last = 0;
function mark(label: string): void {
  const now = performance.now();
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
  process.stdout.write(
    `${(now - last).toFixed(0).padStart(6)} ms ${now.toFixed(0).padStart(6)} ms ${rss.toFixed(0).padStart(5)} MB  ${label}\n`,
  );
  last = now;
}

mark('process start → first line (node + loader)');
const [{ openDatabase }, { migrateDatabase }, { createStore }, { runCommandText }, { consoleContext }] =
  await Promise.all([
    import('../../db/connect.ts'),
    import('../../db/migrate.ts'),
    import('../../db/drizzle-store.ts'),
    import('../../src/commands/dispatch.ts'),
    import('../../adapters/console/context.ts'),
  ]);
mark('import db/ and the command layer');
if (process.env.BENCH_PLATFORMS !== '0') {
  await Promise.all([
    import('../../app/direct-messages.ts'),
    import('../../adapters/slack/direct-message.ts'),
    import('../../adapters/discord/direct-message.ts'),
    import('../../adapters/slack/app.ts'),
    import('../../adapters/discord/app.ts'),
  ]);
  mark('import Slack and Discord modules (adapters/*/direct-message.ts, adapters/*/app.ts)');
}
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: phases.ts DATA_DIR');
const handle = await openDatabase({ dataDir });
mark('PGlite open');
await migrateDatabase(handle);
mark('migrations check');
const services = { store: createStore(handle.db) };
await services.store.pruneRequests(new Date(Date.now() - 7 * 86_400_000));
mark('prune old request ids');
const ctx = consoleContext(BENCH_USER, BENCH_AS_OF);
const first = await runCommandText(services, ctx, 'score');
mark(`first command (score: ${first.kind})`);
await runCommandText(services, ctx, 'score');
mark('second score');
await runCommandText(services, ctx, 'forecast');
mark('first forecast (chart)');
await handle.close();
mark('close');
