// The answer when something on the bot's side failed (a platform call, an exception outside the
// dispatcher): the member learns that nothing changed and may try again, the same words everywhere.

import { errorReply, type Reply } from '../../src/replies/reply.ts';

export const PROBLEM_TEXT = 'jss-coach had a problem on its side and changed nothing. Please try again.';

export function problemReply(): Reply {
  return errorReply(PROBLEM_TEXT);
}
