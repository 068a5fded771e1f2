// Bolt's and the Web API client's messages, in the bot's own log format: Bolt calls its logger
// with loose arguments; they become one message string on a line of ours, marked as Bolt's.

import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.ts';

function messageOf(parts: unknown[]): string {
  return parts
    .map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part)))
    .join(' ');
}

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

export function boltLogger(logger: Logger, initial: LogLevel = LogLevel.WARN): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  let level = initial;
  let name = 'bolt';
  const at =
    (wanted: LogLevel, write: (message: string) => void) =>
    (...parts: unknown[]) => {
      if (RANK[wanted] >= RANK[level]) write(messageOf(parts));
    };
  return {
    debug: at(LogLevel.DEBUG, (message) => log.debug({ source: name }, message)),
    info: at(LogLevel.INFO, (message) => log.info({ source: name }, message)),
    warn: at(LogLevel.WARN, (message) => log.warn({ source: name }, message)),
    error: at(LogLevel.ERROR, (message) => log.error({ source: name }, message)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}
