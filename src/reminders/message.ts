// A member's reminders of the day as one platform-neutral reply: warnings first (each with what
// to do when the member can act), then the good news, at most MAX_REMINDER_ITEMS of them, and how to stop the reminders.
// Contract ids and client names are the member's own text and stay plain text here: adapters
// escape them for their platform.

import { plural } from '../replies/format.ts';
import { reply, type Block, type Reply } from '../replies/reply.ts';
import { compareReminders, type Reminder } from '../scoring/index.ts';

/** Reminders listed in one message; the rest are counted ("…and 3 more"). */
export const MAX_REMINDER_ITEMS = 8;
/** The command that turns the daily reminders off. */
const STOP_COMMAND = 'remind off';

function item(reminder: Reminder): string {
  return reminder.action === null ? reminder.text : `${reminder.text} ${reminder.action}`;
}

function summaryOf(warnings: number, good: number): string {
  const parts: string[] = [];
  if (warnings > 0) parts.push(`${plural(warnings, 'thing')} about to hurt your score`);
  if (good > 0) parts.push(`${good} piece${good === 1 ? '' : 's'} of good news`);
  return parts.length === 0 ? 'Nothing needs your attention today.' : `${parts.join(' and ')}.`;
}

export function reminderReply(reminders: readonly Reminder[], asOf: string): Reply {
  // Stable: warnings first, then by date; the finder's order otherwise.
  const sorted = [...reminders].sort(compareReminders);
  const shown = sorted.slice(0, MAX_REMINDER_ITEMS);
  const hidden = sorted.length - shown.length;
  const warnings = shown.filter((reminder) => reminder.tone === 'warning');
  const good = shown.filter((reminder) => reminder.tone === 'good');
  const blocks: Block[] = [];
  if (warnings.length > 0) blocks.push({ type: 'list', title: 'About to hurt your score:', items: warnings.map(item) });
  if (good.length > 0) blocks.push({ type: 'list', title: 'Good news:', items: good.map(item) });
  if (hidden > 0) blocks.push({ type: 'text', text: `…and ${hidden} more. See them all with "tips" and "forecast".` });
  if (sorted.length === 0) blocks.push({ type: 'text', text: 'Nothing needs your attention today.' });
  blocks.push({
    type: 'context',
    text: `Estimates from your contracts as of ${asOf}, if nothing new happens; Upwork does not publish its algorithm. At most one message a day; to stop them: "${STOP_COMMAND}".`,
  });
  const allWarnings = sorted.filter((reminder) => reminder.tone === 'warning').length;
  return reply('info', `JSS reminders for ${asOf}`, {
    summary: summaryOf(allWarnings, sorted.length - allWarnings),
    blocks,
    actions: [
      { label: 'Forecast', command: 'forecast' },
      { label: 'Tips', command: 'tips' },
    ],
  });
}
