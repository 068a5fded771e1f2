// One person on two platforms: `link` on one gives a one-time code, `link code:CODE` on the other
// joins the two identities' histories (contracts, recorded scores, reminders, time zone); where
// both have contracts the member says whose win. `unlink` splits them again.

import { randomInt } from 'node:crypto';
import { choice, TEXT } from '../args.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';
import { LINK_ACTION } from '../history-owner.ts';
import { CommandError } from '../types.ts';

const LINK_MINUTES = 10;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Looked up among every member's codes: long enough (50 bits) that guessing any of them is hopeless. */
const CODE_LENGTH = 10;

const PLATFORM_NAMES = { slack: 'Slack', discord: 'Discord', console: 'the console' } as const;

function newLinkCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export const link = defineCommand({
  name: 'link',
  group: 'account',
  summary: 'One history on two platforms: link gives a code to use there.',
  usage: 'link, then on the other platform: link code:CODE [keep:here|there]',
  examples: ['link', 'link code:ABCDE23456 keep:here'],
  args: [
    { name: 'code', kind: TEXT, description: 'the code from link on the other platform' },
    { name: 'keep', kind: choice(['here', 'there']), description: 'whose contracts win: here, there' },
  ],
  writes: true,
  async run({ ctx, store, clock, member, communityMember, args }) {
    const here = PLATFORM_NAMES[ctx.platform];
    if (args.code === undefined) {
      if (args.keep !== undefined)
        throw new CommandError(
          errorReply(
            'keep: only with code:CODE (the code "link" gave you on the other platform)',
            'Nothing was changed.',
          ),
        );
      const code = newLinkCode();
      // On this platform's own row: the code names the platform it was made on, whatever history it shares.
      await store.createConfirmation(
        communityMember.id,
        LINK_ACTION,
        code,
        new Date(clock.now().getTime() + LINK_MINUTES * 60_000),
      );
      return reply('info', 'Your link code', {
        summary: `On your other platform, within ${LINK_MINUTES} minutes, type: link code:${code} — add keep:here or keep:there if both have contracts. Your histories then become one; "unlink" splits them again.`,
      });
    }
    const taken = await store.takeLinkCode(args.code.trim().toUpperCase(), clock.now());
    if (!taken)
      throw new CommandError(
        errorReply(
          `code: got ${JSON.stringify(args.code.slice(0, 40))}, expected the code "link" gave you on your other platform (codes last ${LINK_MINUTES} minutes and work once)`,
          'Nothing was linked.',
        ),
      );
    if (taken.platform === ctx.platform)
      throw new CommandError(
        errorReply(
          `code: that code was made on ${here} too; link joins your identities on two platforms, so use it on the other one`,
          'Nothing was linked.',
        ),
      );
    const issuer = await store.lockMember(taken.memberId);
    // The issuer may have linked meanwhile: their history is wherever theirs now lives.
    const other = issuer?.historyMemberId ? await store.lockMember(issuer.historyMemberId) : issuer;
    if (!other)
      throw new CommandError(
        errorReply('the other side was deleted (forget) after it made the code', 'Nothing was linked.'),
      );
    const there = PLATFORM_NAMES[taken.platform];
    if (other.id === member.id)
      return reply('info', 'Already linked', { summary: `Your ${here} and ${there} histories are already one.` });
    const [mine, theirs] = [await store.listContracts(member.id), await store.listContracts(other.id)];
    if (args.keep === undefined && mine.length > 0 && theirs.length > 0) {
      throw new CommandError(
        errorReply(
          `keep: both sides have contracts; say whose win where they differ: keep:here (${here}) or keep:there (${there})`,
          `Nothing was linked; the code still works: link code:${args.code.trim()} keep:here`,
        ),
      );
    }
    // With nothing on one side there is nothing to choose: the side with contracts keeps them.
    const keepHere = args.keep === 'here' || (args.keep === undefined && theirs.length === 0);
    const [winner, loser] = keepHere ? [member.id, other.id] : [other.id, member.id];
    const { movedContracts, droppedContracts } = await store.joinHistories(winner, loser);
    await store.expireSnapshots({ memberId: winner });
    const kept = keepHere ? here : there;
    const dropped =
      droppedContracts === 0
        ? ''
        : ` ${droppedContracts} contract${droppedContracts === 1 ? '' : 's'} of ${keepHere ? there : here} with an id or Upwork number ${kept} also has ${droppedContracts === 1 ? 'was' : 'were'} dropped (${kept}'s won).`;
    return reply('success', `Linked: your ${here} and ${there} histories are one`, {
      summary: `Contracts, recorded scores, reminders and time zone are shared now; ${movedContracts} contract${movedContracts === 1 ? '' : 's'} came over from ${keepHere ? there : here}.${dropped} "unlink" splits them again, each side keeping a copy; "forget" on either deletes both.`,
    });
  },
});

export const unlink = defineCommand({
  name: 'unlink',
  group: 'account',
  summary: 'Split a linked history, a copy each.',
  usage: 'unlink',
  examples: ['unlink'],
  args: [],
  writes: true,
  async run({ ctx, store, member }) {
    if (!(await store.splitHistory(member.id, ctx.platform, ctx.userId))) {
      throw new CommandError(
        errorReply('your history is not linked with another platform; nothing was changed', 'Link one with "link".'),
      );
    }
    return reply('success', 'Unlinked', {
      summary:
        'Each side keeps a copy of the contracts, recorded scores, reminders and time zone as they were; from now on they change apart.',
    });
  },
});
