// The database setup of the command-layer tests, once: a fresh database per describe block (opened
// in beforeAll, closed in afterAll) and services whose onError throws, so an unexpected failure
// fails the test instead of becoming a polite reply. Call these inside describe; the getters are
// read inside the tests (the database exists only once beforeAll has run).

import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../db/database.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import type { Platform, Store } from '../../src/ports/store.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { commandContext } from './command-context.ts';
import type { DatabaseKind, OpenedDatabase } from './databases.ts';

/** Services on `store` that rethrow any unexpected failure (plus whatever `extra` adds: a clock…). */
export function throwingServices(store: Store, extra: Omit<Partial<Services>, 'store'> = {}): Services {
  return {
    store,
    onError: (error) => {
      throw error;
    },
    ...extra,
  };
}

export interface DatabaseSession {
  readonly store: Store;
  readonly db: Database;
}

/** A database of `kind` for the enclosing describe block: opened in beforeAll, closed in afterAll. */
export function useDatabase(kind: DatabaseKind): DatabaseSession {
  let opened: OpenedDatabase | undefined;
  beforeAll(async () => {
    opened = await kind.open();
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

export interface CommandSession extends DatabaseSession {
  readonly services: Services;
  /** The reply to `text` typed by `user` in `community` on `platform`. */
  run(
    platform: Platform,
    community: string,
    user: string,
    text: string,
    extra?: Partial<CommandContext>,
  ): Promise<Reply>;
}

/** useDatabase plus throwing services on its store, and a way to run commands through them. */
export function useCommandSession(kind: DatabaseKind, extra: Omit<Partial<Services>, 'store'> = {}): CommandSession {
  const database = useDatabase(kind);
  let services: Services | undefined;
  const session: CommandSession = {
    get store() {
      return database.store;
    },
    get db() {
      return database.db;
    },
    get services() {
      services ??= throwingServices(database.store, extra);
      return services;
    },
    run: (platform, community, user, text, context = {}) =>
      runCommandText(session.services, commandContext(platform, community, user, context), text),
  };
  return session;
}
