// SIGTERM (a supervisor, `npm start` passing it on) and SIGINT (Ctrl+C) start a clean stop; a
// second signal while stopping ends the process at once, for an operator who cannot wait.

import type { Logger } from '../src/logger.ts';

export interface StopSignal {
  signal: AbortSignal;
  /** Resolves when a stop signal arrives. */
  stopped: Promise<void>;
  dispose(): void;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export function untilStopSignal(logger: Logger): StopSignal {
  const controller = new AbortController();
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      logger.warn({ signal: name }, 'second stop signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal: name }, `${name} received: stopping`);
    controller.abort();
    resolveStopped();
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    stopped,
    dispose() {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}
