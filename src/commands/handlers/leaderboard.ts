import { scoreContracts } from '../../scoring/index.ts';
import { percent } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { integer } from '../args.ts';
import { modelOptionsOf } from '../scoring.ts';
import { CommandError, type CommandDefinition } from '../types.ts';

export const PAGE_SIZE = 10;

interface Entry {
  memberId: number;
  name: string;
  score: number | null;
  longTerm: number | null;
  /** Counted outcomes in the window the score comes from: more history breaks a tie. */
  outcomes: number;
}

/** What ranks a member, most important first; equal keys share a rank. */
function rankKey(entry: Entry, byLongTerm: boolean): number[] {
  const score = entry.score ?? -1;
  const longTerm = entry.longTerm ?? -1;
  return byLongTerm ? [longTerm, score, entry.outcomes] : [score, longTerm, entry.outcomes];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (b[i] as number) - (a[i] as number);
  return 0;
}

/** Competition ranking (1, 2, 2, 4) over entries already sorted best first. */
function ranks(entries: readonly Entry[], byLongTerm: boolean): number[] {
  const result: number[] = [];
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    const tied = previous !== undefined && compareKeys(rankKey(previous, byLongTerm), rankKey(entry, byLongTerm)) === 0;
    result.push(tied ? (result[index - 1] as number) : index + 1);
  });
  return result;
}

export const leaderboard: CommandDefinition = {
  name: 'leaderboard',
  summary: 'Members who joined, ranked by estimated score (or by long-term client %).',
  usage: 'leaderboard [longterm] [page:N]',
  examples: ['leaderboard', 'leaderboard longterm', 'leaderboard page:2'],
  args: [{ name: 'page', kind: integer(1, 100_000), description: 'the page, 10 members a page' }],
  maxPositionals: 1,
  writes: false,
  async run({ ctx, store, community, member, args, positionals }) {
    const [mode] = positionals;
    if (mode !== undefined && mode.toLowerCase() !== 'longterm') {
      throw new CommandError(errorReply(`got ${JSON.stringify(mode)}, expected "leaderboard" or "leaderboard longterm"`));
    }
    if (!community.leaderboardEnabled) return reply('info', 'Leaderboards are off in this community', { summary: 'An admin can switch them on with config leaderboard:on.' });
    const byLongTerm = mode !== undefined;
    const options = modelOptionsOf(community);
    const entries: Entry[] = (await store.leaderboardMembers(community.id)).map(({ member: other, contracts }) => {
      const report = scoreContracts(contracts, ctx.asOf, options);
      const outcomes = report.windows[report.contractsWindow].outcomes;
      return { memberId: other.id, name: other.displayName, score: report.score, longTerm: report.longTerm.percent, outcomes };
    });
    const key = (entry: Entry) => (byLongTerm ? entry.longTerm : entry.score);
    const ranked = entries.filter((entry) => key(entry) !== null);
    const unranked = entries.filter((entry) => key(entry) === null);
    // Ties keep a stable order by name, then by when the member joined the bot (its id).
    ranked.sort((a, b) => compareKeys(rankKey(a, byLongTerm), rankKey(b, byLongTerm)) || a.name.localeCompare(b.name) || a.memberId - b.memberId);
    const rankList = ranks(ranked, byLongTerm);
    const mine = ranked.findIndex((entry) => entry.memberId === member.id);
    const pages = Math.max(1, Math.ceil(ranked.length / PAGE_SIZE));
    const page = Math.min(pages, (args.page as number | undefined) ?? (mine >= 0 ? Math.floor(mine / PAGE_SIZE) + 1 : 1));
    const shown = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const rows = shown.map((entry, i) => {
      const index = (page - 1) * PAGE_SIZE + i;
      return [String(rankList[index]), entry.name, percent(byLongTerm ? entry.longTerm : entry.score), entry.memberId === member.id ? '← you' : ''];
    });
    const blocks = [
      rows.length > 0
        ? { type: 'table' as const, columns: ['rank', 'member', byLongTerm ? 'long-term %' : 'score', ''], rows }
        : { type: 'text' as const, text: 'Nobody with a score has joined yet. Join with "join".' },
    ];
    if (unranked.length > 0 && page === pages) blocks.push({ type: 'text', text: `Not enough history yet: ${unranked.map((entry) => entry.name).join(', ')}` } as never);
    const you = mine >= 0 ? `You are #${rankList[mine]} of ${ranked.length}.` : member.leaderboardOptIn ? 'You have no score yet.' : 'You are not on the leaderboard; join with "join".';
    const actions = [];
    if (page > 1) actions.push({ label: 'Previous', command: `leaderboard ${byLongTerm ? 'longterm ' : ''}page:${page - 1}` });
    if (page < pages) actions.push({ label: 'Next', command: `leaderboard ${byLongTerm ? 'longterm ' : ''}page:${page + 1}` });
    return reply('info', `${byLongTerm ? 'Long-term client' : 'Job Success Score'} leaderboard, page ${page} of ${pages}`, { summary: you, blocks, actions });
  },
};
