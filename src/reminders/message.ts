// STUB (to be replaced): a member's reminders of the day as one platform-neutral reply.

import { reply, type Reply } from '../replies/reply.ts';
import type { Reminder } from './find.ts';

export function reminderReply(reminders: readonly Reminder[], asOf: string): Reply {
  return reply('info', `Your JSS reminders for ${asOf}`, { blocks: [{ type: 'list', items: reminders.map((item) => item.text) }] });
}
