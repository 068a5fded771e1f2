import type { LeaderboardOrder } from '../../ports/store.ts';
import { readLeaderboard } from '../../leaderboard/read.ts';
import { percent, plural } from '../../replies/format.ts';
import { errorReply, reply, type Block } from '../../replies/reply.ts';
import { integer } from '../args.ts';
import { defineCommand } from '../define.ts';
import { CommandError } from '../types.ts';

const PAGE_SIZE = 10;
/** Names listed apart ("not enough history") on the last page, at most. */
const UNRANKED_NAMES = 20;

function pageCommand(order: LeaderboardOrder, page: number): string {
  return `leaderboard ${order === 'longTerm' ? 'longterm ' : ''}page:${page}`;
}

export const leaderboard = defineCommand({
  name: 'leaderboard',
  summary: 'Members who joined, ranked by estimated score (or by long-term client %).',
  usage: 'leaderboard [longterm] [page:N]',
  examples: ['leaderboard', 'leaderboard longterm', 'leaderboard page:2'],
  args: [{ name: 'page', kind: integer(1, 100_000), description: 'the page, 10 members a page' }],
  positional: {
    name: 'longterm',
    kind: { type: 'word', word: 'longterm' },
    description: 'rank by long-term client % instead of estimated score',
  },
  writes: false,
  async run({ ctx, store, community, communityMember: member, args, positionals }) {
    const [mode] = positionals;
    if (mode !== undefined && mode.toLowerCase() !== 'longterm') {
      throw new CommandError(
        errorReply(`got ${JSON.stringify(mode.slice(0, 40))}, expected "leaderboard" or "leaderboard longterm"`),
      );
    }
    if (!community.leaderboardEnabled)
      return reply('info', 'Leaderboards are off in this community', {
        summary: 'An admin can switch them on with config leaderboard:on.',
      });
    const order: LeaderboardOrder = mode === undefined ? 'score' : 'longTerm';
    // Scores move with the calendar: snapshots that ran out are brought up to date before ranking.
    const query = {
      communityId: community.id,
      order,
      memberId: member.id,
      page: args.page,
      pageSize: PAGE_SIZE,
      unrankedLimit: UNRANKED_NAMES,
    };
    const view = await readLeaderboard(store, query, ctx.asOf);
    const byLongTerm = order === 'longTerm';
    const rows = view.rows.map((row) => [
      String(row.rank),
      row.displayName,
      percent(byLongTerm ? row.longTermPercent : row.score),
      row.memberId === member.id ? '← you' : '',
    ]);
    const blocks: Block[] = [
      rows.length > 0
        ? { type: 'table', columns: ['rank', 'member', byLongTerm ? 'long-term %' : 'score', ''], rows }
        : {
            type: 'text',
            text: `Nobody with ${byLongTerm ? 'a long-term client %' : 'a score'} has joined yet. Join with "join".`,
          },
    ];
    if (view.unranked.total > 0 && view.page === view.pages) {
      const more = view.unranked.total - view.unranked.names.length;
      blocks.push({
        type: 'text',
        text: `Not enough history yet: ${view.unranked.names.join(', ')}${more > 0 ? `, …and ${more} more` : ''}`,
      });
    }
    const you = view.me
      ? `You are #${view.me.rank} of ${view.total}.`
      : view.meListedApart
        ? `You have no ${byLongTerm ? 'long-term client %' : 'score'} yet, so you are listed apart.`
        : 'You are not on the leaderboard; join with "join".';
    const actions = [];
    if (view.page > 1) actions.push({ label: 'Previous', command: pageCommand(order, view.page - 1) });
    if (view.page < view.pages) actions.push({ label: 'Next', command: pageCommand(order, view.page + 1) });
    if (view.me && args.page !== undefined && Math.ceil(view.me.position / PAGE_SIZE) !== view.page) {
      actions.push({ label: 'My page', command: pageCommand(order, Math.ceil(view.me.position / PAGE_SIZE)) });
    }
    const title = `${byLongTerm ? 'Long-term client' : 'Job Success Score'} leaderboard, page ${view.page} of ${view.pages}`;
    return reply('info', title, { summary: `${you} ${plural(view.total, 'member')} ranked.`, blocks, actions });
  },
});
