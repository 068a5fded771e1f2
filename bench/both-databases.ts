// Where the database benches (import, reminders) measure: PGlite in memory always, and a real
// PostgreSQL (a scratch database, dropped after) when TEST_DATABASE_URL or DATABASE_URL names a
// server. Each database is opened for the measurement and closed whatever happened.

import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { createScratchDatabase } from '../test/helpers/scratch-database.ts';

/** The PostgreSQL server to measure on, if any; without one, says that only PGlite will be. */
export function benchServerUrl(): string | undefined {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl)
    console.error(
      'PGlite only: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to measure PostgreSQL too',
    );
  return serverUrl;
}

export interface Measured {
  rows: string[][];
  /** A target missed (only PostgreSQL's count: the targets are PostgreSQL's). */
  failed: boolean;
}

/** `measure` on PGlite, then on PostgreSQL at `serverUrl` when there is one: the rows of both. */
export async function measureOnBoth(
  serverUrl: string | undefined,
  measure: (name: 'PGlite' | 'PostgreSQL', handle: DatabaseHandle) => Promise<Measured>,
): Promise<Measured> {
  const rows: string[][] = [];
  let failed = false;
  const pglite = await openDatabase({ memory: true });
  try {
    rows.push(...(await measure('PGlite', pglite)).rows);
  } finally {
    await pglite.close();
  }
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, 'jss_bench');
    const handle = await openDatabase({ url: scratch.url });
    try {
      const result = await measure('PostgreSQL', handle);
      rows.push(...result.rows);
      failed = result.failed;
    } finally {
      await handle.close();
      await scratch.drop();
    }
  }
  return { rows, failed };
}
