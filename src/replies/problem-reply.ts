// The answer when something on the bot's side failed (a platform call, an exception outside the
// dispatcher, or inside it): the member learns that nothing changed and may try again, the same words everywhere.

import { errorReply, type Reply } from './reply.ts';

export const PROBLEM_TEXT = 'jss-coach had a problem on its side and changed nothing. Please try again in a moment.';

export function problemReply(): Reply {
  return errorReply(PROBLEM_TEXT);
}
