// SIGTERM (a supervisor, `npm start` passing it on) and SIGINT (Ctrl+C) start a clean stop; a
// second signal while stopping ends the process at once, for an operator who cannot wait.

import type { Logger } from '../src/ports/logger.ts';

export interface StopSignal {
  signal: AbortSignal;
  /** Resolves when a stop signal arrives. */
  stopped: Promise<void>;
  /** Starts the same stop as a signal would (e.g. after an uncaught exception). */
  request(reason: string): void;
  dispose(): void;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export function untilStopSignal(logger: Logger): StopSignal {
  const controller = new AbortController();
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  const stop = (reason: string) => {
    if (controller.signal.aborted) return;
    logger.info({ reason }, `${reason}: stopping`);
    controller.abort();
    resolveStopped();
  };
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      logger.warn({ signal: name }, 'second stop signal: exiting now');
      process.exit(1);
    }
    stop(`${name} received`);
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    stopped,
    request: stop,
    dispose() {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}
