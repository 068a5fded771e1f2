import { errorReply, reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';
import { CommandError } from '../types.ts';

/** The words `remind` takes; the Discord option offers the same ones as its choices. */
export const REMIND_STATES = ['on', 'off'] as const;

const WHAT =
  'once a day, a direct message when something is about to lower your score (a contract about to stop counting, one about to leave a window) and when good news is due; nothing on days with nothing to say';

export const remind = defineCommand({
  name: 'remind',
  summary: 'Daily reminders by direct message: remind on, remind off; remind alone says which.',
  usage: 'remind [on|off]',
  examples: ['remind', 'remind on', 'remind off'],
  args: [],
  positional: {
    name: 'reminders',
    kind: { type: 'wordChoice', words: REMIND_STATES },
    description: 'on or off (leave it out to see whether reminders are on)',
  },
  writes: true,
  async run({ store, member, positionals }) {
    const [word] = positionals;
    const state = word === undefined ? undefined : REMIND_STATES.find((candidate) => candidate === word.toLowerCase());
    if (word !== undefined && state === undefined) {
      throw new CommandError(
        errorReply(
          `got ${JSON.stringify(word.slice(0, 40))}, expected "remind on", "remind off", or "remind" alone to see whether reminders are on`,
        ),
      );
    }
    if (state === undefined) {
      return member.remindersOptIn
        ? reply('info', 'Daily reminders are on', { summary: `You get ${WHAT}. Turn them off with "remind off".` })
        : reply('info', 'Daily reminders are off', { summary: `With "remind on" you get ${WHAT}.` });
    }
    const on = state === 'on';
    await store.setMemberFlags(member.id, { remindersOptIn: on });
    return on
      ? reply('success', 'Daily reminders are on', {
          summary: `You get ${WHAT}. Turn them off any time with "remind off".`,
        })
      : reply('success', 'Daily reminders are off', {
          summary: 'No more reminders from today on. Turn them on again with "remind on".',
        });
  },
});
