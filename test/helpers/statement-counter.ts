// Counts the statements a database handle sends, at the driver: PGlite's wire messages (each
// Parse or simple Query is one statement; PGlite sends every query through execProtocolStream) and
// postgres.js's `debug` hook (called once per statement it sends).

import type { DatabaseHandle } from '../../db/connect.ts';

/** Message types that start a statement in the PostgreSQL protocol: Parse and simple Query. */
const PARSE = 0x50;
const QUERY = 0x51;

function statementsIn(message: Uint8Array): number {
  let count = 0;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  for (let at = 0; at + 5 <= message.byteLength; at += 1 + view.getInt32(at + 1)) {
    const type = message[at];
    if (type === PARSE || type === QUERY) count++;
  }
  return count;
}

export interface StatementCounter {
  /** Statements sent since the last reset. */
  readonly count: number;
  reset(): void;
}

export function countStatements(handle: DatabaseHandle): StatementCounter {
  let count = 0;
  if (handle.driver === 'pglite') {
    const client = handle.db.$client as unknown as {
      execProtocolStream(message: Uint8Array, options?: unknown): Promise<unknown>;
    };
    const original = client.execProtocolStream.bind(client);
    client.execProtocolStream = (message, options) => {
      count += statementsIn(message);
      return original(message, options);
    };
  } else {
    const options = handle.db.$client.options as unknown as { debug: unknown };
    options.debug = () => {
      count++;
    };
  }
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
