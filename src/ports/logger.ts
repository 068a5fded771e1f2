// The logging port: what the command layer, jobs and adapters need of a logger. pino's logger
// fits it (app/logger.ts makes one); tests can pass a recording one.

interface LogFields {
  [field: string]: unknown;
}

export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  /** A logger that adds `bindings` to every line (e.g. the component). */
  child(bindings: LogFields): Logger;
}

/** A logger that drops everything (tests, tools). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
