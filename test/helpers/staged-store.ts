// Stages an interleaving around one store write of a command: the test wraps the Store a command
// runs on, and the first call of the chosen write runs `before` and `after` hooks inside the
// command's transaction. `before` plays a competing write; `after` can hold the command (and the
// locks it holds) until the test lets it go.

import type { Store } from '../../src/ports/store.ts';

export type StoreWrite =
  | 'insertContract'
  | 'insertContracts'
  | 'replaceContract'
  | 'deleteContract'
  | 'forgetMember'
  | 'forgetCommunity'
  | 'lockMember'
  | 'saveImport'
  | 'restoreUndoSnapshot';

export interface StageHooks {
  /** Runs in the command's transaction just before the write. */
  before?: (tx: Store) => Promise<void>;
  /** Runs just after the write, before the command goes on. */
  after?: () => Promise<void>;
}

export function stageAround(inner: Store, write: StoreWrite, hooks: StageHooks): Store {
  let staged = false;
  const wrap = (store: Store): Store => ({
    ...store,
    transaction: (work) => store.transaction((tx) => work(wrap(tx))),
    [write]: async (...args: unknown[]) => {
      const first = !staged;
      staged = true;
      if (first && hooks.before) await hooks.before(store);
      const result = await (store[write] as (...given: unknown[]) => Promise<unknown>)(...args);
      if (first && hooks.after) await hooks.after();
      return result;
    },
  });
  return wrap(inner);
}

/** A command held inside its transaction right after its first `write`, until release(). */
export function pauseAfter(
  inner: Store,
  write: StoreWrite,
): { store: Store; reached: Promise<void>; release: () => void } {
  let reachedIt!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (reachedIt = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const store = stageAround(inner, write, {
    after: async () => {
      reachedIt();
      await released;
    },
  });
  return { store, reached, release };
}
