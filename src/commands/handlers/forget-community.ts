// `config forget-community`: an admin deletes all of the community's data now (rather than
// waiting for the grace period after an uninstall), with a confirmation code as `forget` has.

import { errorReply, reply, type Reply } from '../../replies/reply.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Community, Member, Store } from '../../ports/store.ts';
import { historyCommunityOf } from '../history-owner.ts';
import { CommandError } from '../types.ts';
import { CONFIRM_MINUTES, newConfirmationCode } from './forget.ts';

export const FORGET_COMMUNITY = 'forget-community';
const ACTION = 'forget-community';

interface ForgetCommunityRun {
  store: Store;
  clock: Clock;
  community: Community;
  member: Member;
  args: { confirm?: string | undefined; model?: unknown; leaderboard?: unknown; param?: unknown; reset?: unknown };
}

/** On Discord a member's contracts and scores are the person's, shared with other servers: a server's admin does not delete them. */
function personalHistoriesNote(community: Community): string {
  return historyCommunityOf(community.platform) === null
    ? ''
    : " Each member's own contracts and recorded scores belong to them across servers and stay; each member deletes theirs with forget.";
}

export async function forgetCommunity({ store, clock, community, member, args }: ForgetCommunityRun): Promise<Reply> {
  const settings = (['model', 'leaderboard', 'param', 'reset'] as const).filter((name) => args[name] !== undefined);
  if (settings.length > 0)
    throw new CommandError(
      errorReply(
        `${settings[0]}: not with ${FORGET_COMMUNITY}; change settings and forget the community in separate commands`,
        'Nothing was changed.',
      ),
    );
  const code = args.confirm;
  if (code === undefined) {
    const fresh = newConfirmationCode();
    await store.createConfirmation(
      member.id,
      ACTION,
      fresh,
      new Date(clock.now().getTime() + CONFIRM_MINUTES * 60_000),
    );
    return reply('confirm', "Delete all of this community's data?", {
      summary: `This deletes every member's contracts, payments, recorded Upwork scores, leaderboard entries and reminder settings in this community, and resets its settings, for good.${personalHistoriesNote(community)} To confirm within ${CONFIRM_MINUTES} minutes: config ${FORGET_COMMUNITY} confirm:${fresh}`,
      actions: [
        { label: 'Delete all community data', command: `config ${FORGET_COMMUNITY} confirm:${fresh}`, style: 'danger' },
      ],
    });
  }
  if (!(await store.consumeConfirmation(member.id, ACTION, code.trim().toUpperCase(), clock.now()))) {
    throw new CommandError(
      errorReply(
        `confirm: got ${JSON.stringify(code.slice(0, 40))}, expected the code from your latest "config ${FORGET_COMMUNITY}" (codes last ${CONFIRM_MINUTES} minutes and work once)`,
        'Nothing was deleted.',
      ),
    );
  }
  const deleted = await store.forgetCommunity(community.id);
  if (deleted === null)
    throw new CommandError(
      errorReply('this community was already deleted by another request while this ran', 'Nothing more was deleted.'),
    );
  return reply('success', "The community's data is deleted", {
    summary: `${deleted} member${deleted === 1 ? '' : 's'} and everything of theirs are gone, and the settings are back to their defaults. Anyone who adds a contract starts afresh.${personalHistoriesNote(community)}`,
  });
}
