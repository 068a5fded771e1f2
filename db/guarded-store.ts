// A Store whose failures say when the database is away: connection errors become
// DatabaseUnavailableError, and (for a server) a call that stalls, waiting for a pooled connection
// or for an answer that never comes, fails after `stallMs` instead of keeping a member waiting.
// postgres.js has no pool-acquire timeout, and a query on a dead socket waits for TCP to give up.

import { DatabaseUnavailableError } from '../src/commands/database-unavailable.ts';
import type { DatabaseHandle } from './connect.ts';
import { translateConnectionFailure } from './connection-failures.ts';
import { createStore } from './drizzle-store.ts';
import type { Store } from '../src/ports/store.ts';

/** How long the database may go without answering any call before it counts as away. */
export const DATABASE_STALL_MS = 5000;
/**
 * How long one call may wait while the database answers others (a burst queued for the pool's
 * connections, or behind one member's lock): busy is not away, but no member waits without end.
 */
export const DATABASE_BUSY_MS = 30_000;

export interface GuardOptions {
  /** Off when absent: PGlite runs in this process and cannot be away. */
  stallMs?: number;
  busyMs?: number;
}

/** When the database last answered any call of this store: a stalled call waits on while others get answers. */
interface Liveness {
  lastAnswer: number;
}

/** The store the bot should use for `handle`: guarded, with the stall bound when it is a server. */
export function createStoreFor(handle: DatabaseHandle, options: GuardOptions = {}): Store {
  return guardStore(
    createStore(handle.db),
    handle.driver === 'postgres' ? { stallMs: options.stallMs ?? DATABASE_STALL_MS } : {},
  );
}

export function guardStore(store: Store, options: GuardOptions = {}): Store {
  const { stallMs } = options;
  const limits = { stallMs, busyMs: options.busyMs ?? DATABASE_BUSY_MS, liveness: { lastAnswer: Date.now() } };
  const guarded = wrapMethods(store, (call) => withinStall(answered(call(), limits.liveness), limits));
  guarded.transaction = <T>(work: (inner: Store) => Promise<T>): Promise<T> => {
    let abandoned = false;
    const watchdog = stallWatchdog(limits, () => (abandoned = true));
    const run = store.transaction(async (inner) => {
      watchdog.progress();
      const result = await work(guardTransaction(inner, () => abandoned, watchdog.progress, limits.liveness));
      // Given up on already (the member was told nothing changed): roll back rather than commit late.
      if (abandoned) throw stalled(stallMs);
      return result;
    });
    return settleFirst(run, watchdog.fired).finally(watchdog.stop);
  };
  return guarded;
}

/** Inside a transaction: no call starts once it was given up on; each answer counts as progress. */
function guardTransaction(store: Store, abandoned: () => boolean, progress: () => void, liveness: Liveness): Store {
  const guarded = wrapMethods(store, async (call) => {
    if (abandoned()) throw stalled();
    try {
      return await answered(call(), liveness);
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
    wrapped[name] =
      typeof method === 'function'
        ? (...args: unknown[]) => around(() => (method as (...a: unknown[]) => Promise<unknown>)(...args))
        : method;
  }
  return wrapped as unknown as Store;
}

function stalled(stallMs?: number): DatabaseUnavailableError {
  return new DatabaseUnavailableError(
    stallMs === undefined ? 'the transaction was given up on' : `no answer within ${stallMs} ms`,
  );
}

/** Notes that the server answered (a result, or an error that is not about the connection). */
function answered<T>(call: Promise<T>, liveness: Liveness): Promise<T> {
  return call.then(
    (value) => {
      liveness.lastAnswer = Date.now();
      return value;
    },
    (error: unknown) => {
      if (!(translateConnectionFailure(error) instanceof DatabaseUnavailableError)) liveness.lastAnswer = Date.now();
      throw error;
    },
  );
}

interface StallLimits {
  stallMs: number | undefined;
  busyMs: number;
  liveness: Liveness;
}

/** The call's outcome, or DatabaseUnavailableError when the database stops answering (or it waits too long). */
function withinStall<T>(call: Promise<T>, limits: StallLimits): Promise<T> {
  const watchdog = stallWatchdog(limits, () => {});
  return settleFirst(call, watchdog.fired).finally(watchdog.stop);
}

/** Whichever settles first; connection failures translated. The loser's later failure is ignored. */
function settleFirst<T>(work: Promise<T>, fired: Promise<never>): Promise<T> {
  work.catch(() => {});
  return Promise.race([work, fired]).catch((error: unknown) => {
    throw translateConnectionFailure(error);
  });
}

/**
 * A timer that rejects `fired` after `stallMs` without progress, unless the database answered
 * another call meanwhile (then it waits on, up to `busyMs` in all); never fires when stallMs is absent.
 */
function stallWatchdog(limits: StallLimits, onFire: () => void) {
  const { stallMs, busyMs, liveness } = limits;
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let reject: (error: unknown) => void = () => {};
  const fired = new Promise<never>((_, rejectFired) => (reject = rejectFired));
  fired.catch(() => {});
  const schedule = (ms: number) => {
    if (stallMs === undefined || stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = Date.now();
      const silentFor = now - liveness.lastAnswer;
      if (silentFor < stallMs && now - started < busyMs) return schedule(stallMs - silentFor);
      onFire();
      reject(stalled(stallMs));
    }, ms);
  };
  const arm = () => schedule(stallMs ?? 0);
  arm();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  return { fired, progress: arm, stop };
}
