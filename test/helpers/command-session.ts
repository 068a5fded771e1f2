// The setup of the command-layer tests, once: a fresh database per describe block (useDatabase)
// and services whose onError throws, so an unexpected failure fails the test instead of becoming a
// polite reply. Call useCommandSession inside describe; its getters are read inside the tests
// (the database exists only once beforeAll has run).

import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import type { Platform, Store } from '../../src/ports/store.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { commandContext } from './command-context.ts';
import type { DatabaseKind } from './databases.ts';
import { type DatabaseSession, useDatabase } from './use-database.ts';

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
