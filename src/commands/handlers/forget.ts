import { randomInt } from 'node:crypto';
import { TEXT } from '../args.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';
import { historyCommunityOf } from '../history-owner.ts';
import { CommandError } from '../types.ts';

export const CONFIRM_MINUTES = 10;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 6-character code, unambiguous to read aloud (no 0/O, 1/I). */
export function newConfirmationCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export const forget = defineCommand({
  name: 'forget',
  group: 'account',
  summary: 'Delete everything jss-coach keeps about you, after a confirmation.',
  usage: 'forget, then forget confirm:CODE',
  examples: ['forget'],
  args: [{ name: 'confirm', kind: TEXT, description: 'the code the first "forget" gave you' }],
  writes: true,
  async run({ ctx, store, clock, member, args }) {
    // On Discord the history is the person's: every server's and the DMs' alike.
    const where =
      historyCommunityOf(ctx.platform) === null ? 'in this community' : 'in every server and in direct messages';
    const code = args.confirm;
    if (code === undefined) {
      const fresh = newConfirmationCode();
      await store.createConfirmation(
        member.id,
        'forget',
        fresh,
        new Date(clock.now().getTime() + CONFIRM_MINUTES * 60_000),
      );
      return reply('confirm', 'Delete everything about you?', {
        summary: `This deletes your contracts, payments, recorded Upwork scores, leaderboard entries and settings ${where}, for good. To confirm within ${CONFIRM_MINUTES} minutes: forget confirm:${fresh}`,
        actions: [{ label: 'Delete everything', command: `forget confirm:${fresh}`, style: 'danger' }],
      });
    }
    if (!(await store.consumeConfirmation(member.id, 'forget', code.trim().toUpperCase(), clock.now()))) {
      throw new CommandError(
        errorReply(
          `confirm: got ${JSON.stringify(code)}, expected the code from your latest "forget" (codes last ${CONFIRM_MINUTES} minutes and work once)`,
          'Nothing was deleted.',
        ),
      );
    }
    if (!(await store.forgetMember(member.id))) {
      throw new CommandError(
        errorReply(
          'everything about you was already deleted by another request while this ran',
          'Nothing more was deleted.',
        ),
      );
    }
    return reply('success', 'Everything about you is deleted', {
      summary:
        'Your contracts, payments, recorded scores and leaderboard entry are gone. Adding a contract starts afresh.',
    });
  },
});
