// The bot's logger: pino, JSON lines (one object per line, for log collectors), pretty when the
// destination is a terminal. In console mode the logs go to stderr so replies on stdout stay clean.

import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './settings/variables.ts';

export type AppLogger = PinoLogger;

export interface LoggerOptions {
  level: LogLevel;
  /** 1 = stdout, 2 = stderr. */
  fd: 1 | 2;
  /** Force pretty (true) or JSON (false); by default pretty exactly when `fd` is a terminal. */
  pretty?: boolean;
  /** A stream to write to instead of `fd` (tests). */
  stream?: DestinationStream;
}

/** pino-pretty is loaded only for terminals: a service writing JSON never pays for it. */
function prettyStream(fd: 1 | 2): DestinationStream {
  const require = createRequire(import.meta.url);
  const pretty = require('pino-pretty') as (options: object) => DestinationStream;
  return pretty({
    destination: fd,
    sync: true,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
}

export function createLogger(options: LoggerOptions): AppLogger {
  const isTerminal = (options.fd === 1 ? process.stdout : process.stderr).isTTY === true;
  const pretty = options.pretty ?? isTerminal;
  const stream =
    options.stream ?? (pretty ? prettyStream(options.fd) : pino.destination({ dest: options.fd, sync: true }));
  return pino(
    {
      level: options.level,
      base: { service: 'jss-coach' },
      // Errors keep their type, message and stack under `err`; nothing else is serialised specially.
      serializers: { err: pino.stdSerializers.err },
      redact: { paths: ['token', 'botToken', 'password', '*.token', '*.botToken'], censor: '[redacted]' },
    },
    stream,
  );
}
