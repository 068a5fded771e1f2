// A Store whose failures say when the database is away: connection errors become
// DatabaseUnavailableError, and (for a server) a call that stalls, waiting for a pooled connection
// or for an answer that never comes, fails after `stallMs` instead of keeping a member waiting.
// postgres.js has no pool-acquire timeout, and a query on a dead socket waits for TCP to give up.

import { DatabaseUnavailableError } from '../src/commands/database-unavailable.ts';
import type { DatabaseHandle } from './connect.ts';
import { translateConnectionFailure } from './connection-failures.ts';
import { createStore } from './drizzle-store.ts';
import type { Store } from './store.ts';

/** How long one database call may go without an answer before the database counts as away. */
export const DATABASE_STALL_MS = 5000;

export interface GuardOptions {
  /** Off when absent: PGlite runs in this process and cannot be away. */
  stallMs?: number;
}

/** The store the bot should use for `handle`: guarded, with the stall bound when it is a server. */
export function createStoreFor(handle: DatabaseHandle, options: GuardOptions = {}): Store {
  return guardStore(createStore(handle.db), handle.driver === 'postgres' ? { stallMs: options.stallMs ?? DATABASE_STALL_MS } : {});
}

export function guardStore(store: Store, options: GuardOptions = {}): Store {
  const { stallMs } = options;
  const guarded = wrapMethods(store, (call) => withinStall(call(), stallMs));
  guarded.transaction = <T>(work: (inner: Store) => Promise<T>): Promise<T> => {
    let abandoned = false;
    const watchdog = stallWatchdog(stallMs, () => (abandoned = true));
    const run = store.transaction(async (inner) => {
      watchdog.progress();
      const result = await work(guardTransaction(inner, () => abandoned, watchdog.progress));
      // Given up on already (the member was told nothing changed): roll back rather than commit late.
      if (abandoned) throw stalled(stallMs);
      return result;
    });
    return settleFirst(run, watchdog.fired).finally(watchdog.stop);
  };
  return guarded;
}

/** Inside a transaction: no call starts once it was given up on; each answer counts as progress. */
function guardTransaction(store: Store, abandoned: () => boolean, progress: () => void): Store {
  const guarded = wrapMethods(store, async (call) => {
    if (abandoned()) throw stalled();
    try {
      return await call();
    } catch (error) {
      throw translateConnectionFailure(error);
    } finally {
      progress();
    }
  });
  // Already in one: a nested transaction() runs in it (as createStore's does), through the guard.
  guarded.transaction = (work) => work(guarded);
  return guarded;
}

function wrapMethods(store: Store, around: (call: () => Promise<unknown>) => Promise<unknown>): Store {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(store)) {
    wrapped[name] = typeof method === 'function' ? (...args: unknown[]) => around(() => (method as (...a: unknown[]) => Promise<unknown>)(...args)) : method;
  }
  return wrapped as unknown as Store;
}

function stalled(stallMs?: number): DatabaseUnavailableError {
  return new DatabaseUnavailableError(stallMs === undefined ? 'the transaction was given up on' : `no answer within ${stallMs} ms`);
}

/** The call's outcome, or DatabaseUnavailableError when it does not settle within `stallMs`. */
function withinStall<T>(call: Promise<T>, stallMs: number | undefined): Promise<T> {
  const watchdog = stallWatchdog(stallMs, () => {});
  return settleFirst(call, watchdog.fired).finally(watchdog.stop);
}

/** Whichever settles first; connection failures translated. The loser's later failure is ignored. */
function settleFirst<T>(work: Promise<T>, fired: Promise<never>): Promise<T> {
  work.catch(() => {});
  return Promise.race([work, fired]).catch((error: unknown) => {
    throw translateConnectionFailure(error);
  });
}

/** A timer that rejects `fired` after `stallMs` without progress; never fires when stallMs is absent. */
function stallWatchdog(stallMs: number | undefined, onFire: () => void) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let reject: (error: unknown) => void = () => {};
  const fired = new Promise<never>((_, rejectFired) => (reject = rejectFired));
  fired.catch(() => {});
  const arm = () => {
    if (stallMs === undefined || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      onFire();
      reject(stalled(stallMs));
    }, stallMs);
  };
  arm();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  return { fired, progress: arm, stop };
}
