// A member's own time zone, so "today", "yesterday" and the reminder hour are their day. It is the
// member's setting, not the community's (config is for admins): anyone may set their own. Slack
// gives its members' zones by itself; on Discord (which does not) and the console, this sets it.

import { errorReply, reply } from '../../replies/reply.ts';
import { TEXT } from '../args.ts';
import { defineCommand } from '../define.ts';
import { canonicalTimeZone, dayInTimeZone, FALLBACK_TIME_ZONE } from '../time-zone.ts';
import { CommandError } from '../types.ts';

/** The word that clears the member's own zone. */
const CLEAR_TIME_ZONE = 'none';

const EXPECTED =
  'an IANA time zone such as Europe/Berlin, America/Los_Angeles or Asia/Kolkata, or "none" to clear yours';

export const timezone = defineCommand({
  name: 'timezone',
  group: 'account',
  summary:
    'Your time zone, for "today" and the reminder hour: timezone zone:Europe/Berlin; zone:none clears it; timezone alone shows it.',
  usage: 'timezone [zone:AREA/CITY|none]',
  examples: ['timezone', 'timezone zone:Europe/Berlin', 'timezone zone:America/Los_Angeles', 'timezone zone:none'],
  args: [{ name: 'zone', kind: TEXT, description: 'an IANA zone such as Europe/Berlin, or none' }],
  writes: true,
  async run({ store, member, args, clock, ctx }) {
    if (args.zone === undefined) {
      const own = member.timeZone !== null && member.timeZoneFetchedAt === null;
      const zone = ctx.timeZone ?? member.timeZone;
      const summary = own
        ? `Your time zone is ${member.timeZone} (you set it); today is ${ctx.asOf} for you. "timezone zone:none" clears it.`
        : zone
          ? `Your time zone is ${zone}, as ${ctx.platform === 'slack' ? 'Slack' : 'your platform'} says; today is ${ctx.asOf} for you. "timezone zone:Europe/Berlin" sets another.`
          : `No time zone is set: today is ${ctx.asOf} (${ctx.platform === 'console' ? "this machine's day" : FALLBACK_TIME_ZONE}). Set yours with "timezone zone:Europe/Berlin".`;
      return reply('info', 'Your time zone', { summary });
    }
    const typed = args.zone.trim();
    if (typed.toLowerCase() === CLEAR_TIME_ZONE) {
      const cleared = await store.setMemberTimeZone(member.id, null, null);
      if (!cleared)
        throw new CommandError(errorReply('you were deleted by another request while this ran; nothing was changed'));
      return reply('success', 'Time zone cleared', {
        summary: `"today" is now the ${ctx.platform === 'slack' ? 'zone Slack gives for you' : `day in ${ctx.platform === 'console' ? "this machine's zone" : FALLBACK_TIME_ZONE}`}. Set one again with "timezone zone:Europe/Berlin".`,
      });
    }
    const zone = canonicalTimeZone(typed);
    if (zone === null)
      throw new CommandError(
        errorReply(
          `zone: got ${JSON.stringify(typed.slice(0, 60))}, expected ${EXPECTED}; nothing was changed`,
          'Usage: timezone [zone:AREA/CITY|none]',
        ),
      );
    const saved = await store.setMemberTimeZone(member.id, zone, null);
    if (!saved)
      throw new CommandError(errorReply('you were deleted by another request while this ran; nothing was changed'));
    const today = dayInTimeZone(clock.now(), zone);
    return reply('success', 'Time zone set', {
      summary: `Your time zone is ${zone}: today is ${today} for you, and reminders come at the reminder hour there.`,
    });
  },
});
