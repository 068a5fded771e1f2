// A second process on a data folder, for the lock tests (run with `node --import tsx`).
//   lock DIR          takes the folder's lock, says "locked", holds it until killed or stdin ends
//   add DIR USER N    opens the database (migrated), says "opened", waits for a line on stdin, then
//                     adds N contracts for USER and says how many were acknowledged
// Refused: the message on stderr, exit status 2 (as the bot's start-up does).

import { createInterface } from 'node:readline';
import { openDatabase } from '../../db/connect.ts';
import { DataDirLockedError, lockDataDir } from '../../db/data-dir-lock.ts';
import { createStore } from '../../db/drizzle-store.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { runCommandText } from '../../src/commands/dispatch.ts';

const [mode, dataDir, user = 'someone', count = '0'] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function main(): Promise<void> {
  if (mode === 'lock') {
    const lock = lockDataDir(dataDir as string);
    process.stdout.write('locked\n');
    await lines.next();
    lock.release();
    return;
  }
  const handle = await openDatabase({ dataDir: dataDir as string });
  try {
    await migrateDatabase(handle);
    const services = { store: createStore(handle.db) };
    process.stdout.write('opened\n');
    await lines.next();
    let added = 0;
    for (let i = 1; i <= Number(count); i++) {
      const ctx = {
        platform: 'console' as const,
        community: { platform: 'console' as const, externalId: 'local' },
        userId: user,
        displayName: user,
        requestId: null,
        asOf: '2026-11-22',
        isAdmin: false,
      };
      const reply = await runCommandText(
        services,
        ctx,
        `add id:${user}${i} client:Acme type:hourly start:2026-01-10 earnings:${100 + i}`,
      );
      if (reply.title.startsWith('Added')) added++;
    }
    process.stdout.write(`added ${added}\n`);
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`jss-coach: ${(error as Error).message}\n`);
    process.exit(error instanceof DataDirLockedError ? 2 : 1);
  },
);
