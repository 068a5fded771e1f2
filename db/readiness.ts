// Whether the database can serve: it answers, and every migration this build ships is applied
// (an instance started beside an older schema must not take requests).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { MIGRATIONS_FOLDER } from './migrate.ts';

export type DatabaseReadiness = { ready: true } | { ready: false; reason: string };

function shippedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<
    string,
    unknown
  >[];
}

export async function checkReadiness(db: Database): Promise<DatabaseReadiness> {
  const shipped = shippedMigrations();
  try {
    const result = await db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    const applied = Number(rowsOf(result)[0]?.applied ?? 0);
    if (applied < shipped) return { ready: false, reason: `migrations: ${applied} of ${shipped} applied` };
    return { ready: true };
  } catch (error) {
    const cause = (error as { cause?: Error }).cause ?? (error as Error);
    return { ready: false, reason: `database: ${cause.message}` };
  }
}
