// Two instances upgrading one PostgreSQL at the same moment: both start, the schema is applied once.

import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { createScratchDatabase } from '../helpers/scratch-database.ts';

// The PostgreSQL case runs where TEST_DATABASE_URL names a server (CI sets it).
const servers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];

describe('migrations from two starts at once (PGlite, one process)', () => {
  it('both succeed on a new database', async () => {
    const handle = await openDatabase({ memory: true });
    try {
      const results = await Promise.allSettled([migrateDatabase(handle), migrateDatabase(handle)]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    } finally {
      await handle.close();
    }
  });
});

describe.each(servers)('migrations from instances starting at once (PostgreSQL)', (serverUrl) => {
  it('four instances migrating one new database at once all succeed, and each migration is recorded once', async () => {
    const scratch = await createScratchDatabase(serverUrl);
    const handles = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url: scratch.url })));
    try {
      const results = await Promise.allSettled(handles.map((handle) => migrateDatabase(handle)));
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      const [first] = handles;
      if (first?.driver !== 'postgres') throw new Error('expected postgres');
      const rows = await first.db
        .$client`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`;
      expect(rows.every((row) => row.n === 1)).toBe(true);
      expect(rows.length).toBeGreaterThanOrEqual(4);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
      await scratch.drop();
    }
  });
});
