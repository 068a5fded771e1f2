// The data migration of issue 16 (db/migrations/*_discord_person.sql, its "hand-written:" part):
// a database seeded at the migration before it, with one Discord person's per-server copies, is
// migrated, and the person then has one history: identical contracts once, differing ones apart
// (c2, c2-2) and named by `list`, recorded scores merged by date, reminders on if any was.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/connect.ts';
import { createStoreFor } from '../../db/guarded-store.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../db/migrate.ts';
import { runCommandText } from '../../src/commands/dispatch.ts';
import { historyCommunityOf } from '../../src/commands/history-owner.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';
import { throwingServices } from '../helpers/command-session.ts';
import { createScratchDatabase } from '../helpers/scratch-database.ts';

const MERGE_TAG = /_discord_person$/;

/** A copy of the migrations folder that stops just before the merge. */
function migrationsBeforeMerge(): { folder: string; drop: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'jss-before-merge-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => MERGE_TAG.test(entry.tag));
  if (at < 0) throw new Error('no discord_person migration in the journal');
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return { folder, drop: () => rmSync(folder, { recursive: true, force: true }) };
}

async function migrateWith(handle: DatabaseHandle, migrationsFolder: string) {
  if (handle.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db, { migrationsFolder });
  }
}

const SEED = `
insert into communities (id, platform, external_id) values (101, 'discord', 'guild-1'), (102, 'discord', 'guild-2'), (103, 'discord', 'dm:U1'), (104, 'slack', 'T1');
insert into members (id, community_id, platform_user_id, display_name, leaderboard_opt_in, reminders_opt_in, time_zone, time_zone_fetched_at) values
  (201, 101, 'U1', 'Una in one', true, false, 'Asia/Tokyo', null),
  (202, 102, 'U1', 'Una in two', false, true, null, null),
  (203, 103, 'U1', 'Una', false, false, null, null),
  (204, 104, 'U1', 'Una on Slack', false, false, null, null),
  (205, 101, 'U2', 'Other', false, false, null, null);
insert into contracts (id, member_id, contract_id, client, type, start_date, end_date, earnings_cents, stars, upwork_contract) values
  (301, 201, 'c1', 'Acme', 'fixed', '2026-01-10', '2026-02-10', 90000, 5, null),
  (302, 202, 'C1', 'Acme', 'fixed', '2026-01-10', '2026-02-10', 90000, 5, null),
  (303, 201, 'c2', 'Beta', 'hourly', '2026-02-01', null, 50000, null, null),
  (304, 202, 'c2', 'Gamma', 'hourly', '2026-03-01', null, 20000, null, null),
  (305, 202, 'c3', 'Delta', 'fixed', '2026-04-01', '2026-04-20', 10000, 4, '777'),
  (306, 203, 'c9', 'Delta again', 'fixed', '2026-04-01', '2026-04-21', 10000, 4, '777'),
  (307, 204, 'c1', 'Slack only', 'fixed', '2026-01-01', '2026-01-31', 1000, 5, null),
  (308, 205, 'c1', 'Other client', 'fixed', '2026-01-01', '2026-01-31', 1000, 5, null);
insert into payments (contract_row_id, date, amount_cents) values (303, '2026-02-15', 50000), (301, '2026-02-10', 90000), (302, '2026-02-10', 90000);
insert into observations (member_id, date, score, updated_at) values
  (201, '2026-05-01', 90, '2026-05-01 08:00+00'),
  (202, '2026-05-01', 95, '2026-05-01 20:00+00'),
  (202, '2026-06-01', 88, '2026-06-01 08:00+00'),
  (204, '2026-05-01', 70, '2026-05-01 08:00+00');
insert into score_snapshots (member_id, community_id, model, score, outcomes, computed_on, valid_until) values (201, 101, 'upwork-2025', 100, 1, '2026-11-20', '2027-01-01');
select setval(pg_get_serial_sequence('communities', 'id'), 1000);
select setval(pg_get_serial_sequence('members', 'id'), 1000);
select setval(pg_get_serial_sequence('contracts', 'id'), 1000);
`;

interface Kind {
  name: string;
  open(): Promise<{ handle: DatabaseHandle; close(): Promise<void> }>;
}

const kinds: Kind[] = [
  {
    name: 'pglite',
    open: async () => {
      const handle = await openDatabase({ memory: true });
      return { handle, close: () => handle.close() };
    },
  },
];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  kinds.push({
    name: 'postgres',
    async open() {
      const scratch = await createScratchDatabase(serverUrl, 'jss_merge');
      const handle = await openDatabase({ url: scratch.url });
      return {
        handle,
        close: async () => {
          try {
            await handle.close();
          } finally {
            await scratch.drop();
          }
        },
      };
    },
  });
}

describe.each(kinds)("merging a Discord person's per-server copies on $name", (kind) => {
  it('one history: identical contracts once, differing ones apart and named, scores by date, reminders and zone kept', async () => {
    const { handle, close } = await kind.open();
    const before = migrationsBeforeMerge();
    try {
      await migrateWith(handle, before.folder);
      for (const statement of SEED.split(';')
        .map((text) => text.trim())
        .filter((text) => text !== ''))
        await handle.db.execute(sql.raw(statement));
      await migrateDatabase(handle);
      const store = createStoreFor(handle);
      const run = async (where: string, user: string, text: string, platform: 'discord' | 'slack' = 'discord') =>
        renderText(await runCommandText(throwingServices(store), commandContext(platform, where, user), text));

      const history = await store.ensureCommunity(historyCommunityOf('discord')!);
      const person = await store.findMember(history.id, 'U1');
      expect(person).not.toBeNull();
      const contracts = await store.listContracts(person!.id);
      // c1 twice identical (payments too, ids differing only in case): once. c2 differs: c2 and c2-2.
      // c3 and c9 name one Upwork contract: c9 keeps its id, loses the number, and is named.
      expect(contracts.map((contract) => contract.id).sort()).toEqual(['c1', 'c2', 'c2-2', 'c3', 'c9']);
      expect(contracts.find((contract) => contract.id === 'c2')?.client).toBe('Beta');
      expect(contracts.find((contract) => contract.id === 'c2-2')?.client).toBe('Gamma');
      expect(contracts.find((contract) => contract.id === 'c1')?.payments).toHaveLength(1);
      expect(person!.mergedCopies).toEqual(['c2-2', 'c9']);

      for (const where of ['guild-1', 'guild-2', 'dm:U1']) {
        const listed = await run(where, 'U1', 'list');
        expect(listed).toContain('Your contracts (5)');
        expect(listed).toContain("c2-2, c9: from another server's copy");
      }
      // Removing a marked copy stops its mention.
      await run('guild-2', 'U1', 'remove c9');
      expect(await run('guild-1', 'U1', 'list')).toContain("c2-2: from another server's copy");

      // Recorded scores by date: the later reading of 2026-05-01 wins.
      expect((await store.listObservations(person!.id)).map((o) => [o.date, o.score])).toEqual([
        ['2026-05-01', 95],
        ['2026-06-01', 88],
      ]);
      expect(person!.remindersOptIn).toBe(true);
      expect(person!.timeZone).toBe('Asia/Tokyo');
      const rows = (await handle.db.execute(
        sql`select id, history_member_id, reminders_opt_in, leaderboard_opt_in from members where id in (201, 202, 203, 204, 205) order by id`,
      )) as unknown as {
        id: number;
        history_member_id: number | null;
        reminders_opt_in: boolean;
        leaderboard_opt_in: boolean;
      }[];
      const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: typeof rows }).rows;
      expect(list.map((row) => row.history_member_id === person!.id)).toEqual([true, true, true, false, false]);
      expect(list.map((row) => row.reminders_opt_in)).toEqual([false, false, false, false, false]);
      // The leaderboard opt-in stays the server's; its snapshot is recomputed.
      expect(list[0]?.leaderboard_opt_in).toBe(true);
      expect((await store.getSnapshot(201))?.validUntil).toBe('1970-01-01');
      // The server rows hold nothing of their own any more.
      expect(await store.listContracts(201)).toEqual([]);
      expect(await store.listObservations(202)).toEqual([]);

      // Another Discord user's history moved too; Slack is untouched.
      expect(await run('guild-2', 'U2', 'list')).toContain('Other client');
      expect((await store.listContracts(204)).map((contract) => contract.client)).toEqual(['Slack only']);
      expect(await store.listObservations(204)).toHaveLength(1);
    } finally {
      before.drop();
      await close();
    }
  });
});
