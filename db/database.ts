// The one database type the store is written against: drizzle over PGlite, over postgres.js, or a
// transaction of either (a transaction is a PgDatabase too).

import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
