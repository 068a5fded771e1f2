// The member's Home, loaded: their contracts analysed exactly as the score, plan and tips commands
// do (analyzeMember, pastOfMember: one code path, so the numbers match), their leaderboard rank when
// they joined, their reminder setting, and how long it all holds (their standing's validUntil).
// A read: nothing is written but the member's row, as any read command ensures it.

import { readLeaderboard } from '../leaderboard/read.ts';
import { modelOptionsOf } from '../contracts/model-options.ts';
import type { Member } from '../ports/store.ts';
import { homeView, type HomeLeaderboard, type HomeView } from '../replies/home.ts';
import { seriesOf } from '../replies/score.ts';
import { standingOf } from '../scoring/index.ts';
import { cleanDisplayName, memberToday, type Services } from './dispatch.ts';
import { analyzeMember, pastOfMember } from './scoring.ts';
import type { CommandContext, CommandRun } from './types.ts';
import { systemClock } from '../ports/clock.ts';

export interface MemberHome {
  /** Null when the member has no row (a refresh after forget): the Home of someone with nothing recorded. */
  memberId: number | null;
  /** The member's today, the Home's as-of day. */
  asOf: string;
  /** The last day the Home holds if nothing new is recorded (their standing's validUntil). */
  validUntil: string;
  view: HomeView;
}

export interface LoadHomeOptions {
  /** Create the member's row when there is none (opening the Home); a refresh never does. */
  create: boolean;
  /** Read the member's leaderboard rank (default); the chart alone does without. */
  rank?: boolean;
}

async function leaderboardOf(run: CommandRun): Promise<HomeLeaderboard> {
  const { community, member, store, ctx } = run;
  if (!community.leaderboardEnabled) return { kind: 'off' };
  if (!member.leaderboardOptIn || member.id <= 0) return { kind: 'not-joined' };
  const view = await readLeaderboard(
    store,
    { communityId: community.id, order: 'score', memberId: member.id, page: undefined, pageSize: 1, unrankedLimit: 0 },
    ctx.asOf,
  );
  if (view.me) return { kind: 'ranked', rank: view.me.rank, total: view.total };
  return view.meListedApart ? { kind: 'listed-apart' } : { kind: 'not-joined' };
}

/** A member with nothing recorded, for a Home refreshed after they were forgotten (no row is created). */
function absentMember(communityId: number, userId: string, displayName: string): Member {
  return {
    id: 0,
    communityId,
    platformUserId: userId,
    displayName,
    leaderboardOptIn: false,
    remindersOptIn: false,
    timeZone: null,
    timeZoneFetchedAt: null,
  };
}

export async function loadHome(services: Services, ctx: CommandContext, options: LoadHomeOptions): Promise<MemberHome> {
  const finished = services.inFlight?.begin();
  try {
    const { store } = services;
    const community = await store.ensureCommunity(ctx.community);
    const displayName = cleanDisplayName(ctx.displayName, ctx.userId);
    const found = options.create
      ? await store.ensureMember(community.id, ctx.userId, displayName)
      : await store.findMember(community.id, ctx.userId);
    const member = found ?? absentMember(community.id, ctx.userId, displayName);
    const asOf = memberToday(services, ctx, member);
    const run: CommandRun = {
      ctx: { ...ctx, asOf },
      store,
      clock: services.clock ?? systemClock,
      community,
      // Home is Slack's, where a member's history is their own row.
      member,
      communityMember: member,
      args: {},
      positionals: [],
      body: '',
    };
    const contracts = found ? await store.listContracts(member.id) : [];
    const analysis = await analyzeMember(run, contracts);
    const observations = found ? await store.listObservations(member.id) : [];
    const series = seriesOf(analysis.forecast, pastOfMember(run, contracts, observations));
    if (series.type !== 'series') throw new Error('seriesOf gave no series');
    const standing = standingOf(contracts, asOf, modelOptionsOf(community));
    const view = homeView({
      analysis,
      series,
      leaderboard:
        found && options.rank !== false
          ? await leaderboardOf(run)
          : { kind: community.leaderboardEnabled ? 'not-joined' : 'off' },
      remindersOn: member.remindersOptIn,
      openContracts: contracts
        .filter((contract) => !contract.end)
        .map((contract) => ({ id: contract.id, client: contract.client })),
    });
    // Never before today: a Home that held until yesterday would be due again at once.
    return {
      memberId: found?.id ?? null,
      asOf,
      validUntil: standing.validUntil < asOf ? asOf : standing.validUntil,
      view,
    };
  } finally {
    finished?.();
  }
}
