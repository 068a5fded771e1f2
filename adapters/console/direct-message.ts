// A direct message to a console member (daily reminders): the reply as plain text on the console,
// under a line that says whom it is for (one database can hold several console members).

import type { Writable } from 'node:stream';
import type { DirectMessage } from '../../src/ports/direct-message.ts';
import { renderText } from '../../src/replies/render-text.ts';

export type ConsoleDirectMessage = DirectMessage;

export function createConsoleDirectMessage(output: Writable): ConsoleDirectMessage {
  return async (user, reply) => {
    output.write(`\n[direct message to ${user}]\n${renderText(reply).trimEnd()}\n`);
  };
}
