// The process-level safety net, installed once by the composition root. The adapters answer
// every request they can; this catches what escapes them anyway.
//
// - unhandledRejection: logged, and the process carries on. A rejection is one async operation
//   failing (a follow-up, an upload, a listener): its code has already unwound and left no
//   synchronous work half-done, so the other members' requests are unaffected.
// - uncaughtException: logged. An error of one connection (ECONNRESET, EPIPE… thrown by a socket
//   nobody listened to) concerns that request only: carry on. Anything else was thrown out of
//   an event callback mid-way, and Node's state (and ours) may be inconsistent, so a clean
//   shutdown starts: `shutdown` closes the servers and the database (open transactions roll
//   back), then the process exits with 1 for its supervisor to restart it; if shutdown takes
//   longer than the grace period, the process exits anyway.

export type LogLine = (message: string) => void;

export interface ProcessGuardOptions {
  /** Whether an uncaught exception concerns one request or connection only (default: isConnectionError). */
  isRequestScoped?: (error: unknown) => boolean;
  /** Stops serving and closes what is open; called at most once. */
  shutdown?: () => Promise<void>;
  /** How long shutdown may take before the process exits anyway. */
  shutdownGraceMs?: number;
  /** process.exit, replaceable in tests. */
  exit?: (code: number) => void;
}

const SHUTDOWN_GRACE_MS = 10_000;

/** Errors that end one socket or stream, not the process's state. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_HTTP_HEADERS_SENT',
]);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/** Registers the handlers; returns a function that removes them. */
export function installProcessGuards(log: LogLine, options: ProcessGuardOptions = {}): () => void {
  const isRequestScoped = options.isRequestScoped ?? isConnectionError;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;

  const onRejection = (reason: unknown): void => {
    log(`unhandled promise rejection (carrying on): ${describe(reason)}`);
  };

  const onException = (error: unknown, origin: string): void => {
    if (isRequestScoped(error)) {
      log(`uncaught exception in one request (carrying on): ${describe(error)}`);
      return;
    }
    log(`uncaught exception (${origin}), ${stopping ? 'already shutting down' : 'shutting down'}: ${describe(error)}`);
    if (stopping) return;
    stopping = true;
    process.exitCode = 1;
    // Unref'd: a shutdown that drains everything lets the process end on its own first.
    setTimeout(() => {
      log('shutdown took too long; exiting');
      exit(1);
    }, options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS).unref();
    Promise.resolve()
      .then(() => options.shutdown?.())
      .catch((failure: unknown) => log(`shutdown failed: ${describe(failure)}`))
      .finally(() => exit(1));
  };

  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
