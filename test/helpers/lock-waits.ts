// For staged race tests on PostgreSQL: wait until some session of the test's database is waiting on
// a lock, i.e. the second command is stuck behind the first, held one.

import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';

export async function untilSomeoneWaitsOnALock(db: Database, what = 'the second command'): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    const rows = (await db.execute(
      sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { waiting: number }[];
    if ((rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${what} never waited on a lock`);
}
