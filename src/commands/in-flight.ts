// Counts the commands under way, so a stop can wait for them (bounded) before closing the database.

export interface InFlight {
  /** Marks a command as started; call the returned function when it has its reply. */
  begin(): () => void;
  readonly count: number;
  /** Resolves true when none is under way, or false when `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    begin() {
      count++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        count--;
        if (count === 0) {
          for (const wake of waiters) wake();
          waiters = [];
        }
      };
    },
    get count() {
      return count;
    },
    idle(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
