// A fresh database per describe block, once: opened in beforeAll, closed in afterAll (a PGlite
// takes seconds to start, so one per block, not per test). Call inside describe; read the getters
// inside the tests, or keep your own variables with onOpen.

import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { Store } from '../../src/ports/store.ts';
import type { DatabaseKind, OpenedDatabase } from './databases.ts';

export interface DatabaseSession {
  readonly store: Store;
  readonly db: Database;
}

/**
 * A database of `kind` for the enclosing describe block: opened in beforeAll (then handed to
 * `onOpen`, for tests that keep their own `store`/`db` variables), closed in afterAll.
 */
export function useDatabase(kind: DatabaseKind, onOpen?: (opened: OpenedDatabase) => void): DatabaseSession {
  let opened: OpenedDatabase | undefined;
  beforeAll(async () => {
    opened = await kind.open();
    onOpen?.(opened);
  });
  afterAll(async () => opened?.close());
  const current = (): OpenedDatabase => {
    if (!opened) throw new Error('the database opens in beforeAll: read it inside a test');
    return opened;
  };
  return {
    get store() {
      return current().store;
    },
    get db() {
      return current().db;
    },
  };
}
