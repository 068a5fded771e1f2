import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect.ts';
import { createStore } from '../../db/drizzle-store.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../db/migrate.ts';
import { fullContract } from './fixtures.ts';

describe('a PGlite data directory', () => {
  let parent: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'jss-db-'));
  });
  afterAll(async () => rm(parent, { recursive: true, force: true }));

  it('is created when missing and keeps the data across close and reopen', async () => {
    const dataDir = join(parent, 'nested', 'data');
    const first = await openDatabase({ dataDir });
    expect(first.driver).toBe('pglite');
    expect(existsSync(dataDir)).toBe(true);
    await migrateDatabase(first);
    const store = createStore(first.db);
    const community = await store.ensureCommunity({ platform: 'console', externalId: 'local' });
    const member = await store.ensureMember(community.id, 'me', 'Me');
    await store.insertContract(member.id, fullContract());
    await store.updateCommunity(community.id, { model: 'upwork-2015', params: { graceDays: 30 } });
    await first.close();

    const second = await openDatabase({ dataDir });
    try {
      // Migrating again is a no-op: every start runs it.
      await migrateDatabase(second);
      const reopened = createStore(second.db);
      expect(await reopened.ensureCommunity({ platform: 'console', externalId: 'local' })).toEqual({
        ...community,
        model: 'upwork-2015',
        params: { graceDays: 30 },
      });
      expect(await reopened.findMember(community.id, 'me')).toEqual(member);
      expect(await reopened.listContracts(member.id)).toEqual([fullContract()]);
    } finally {
      await second.close();
    }
  });

  it('migrations are found next to db/migrate.ts, whatever the working directory', () => {
    expect(isAbsolute(MIGRATIONS_FOLDER)).toBe(true);
    expect(existsSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'))).toBe(true);
  });
});
