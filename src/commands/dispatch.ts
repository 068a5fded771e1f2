// The command bus: every platform's request comes through here. Arguments are checked before a
// handler runs; a handler runs in one transaction with its request id recorded, so a bad input,
// a failure or a retried request changes nothing (or nothing more).

import { systemClock, type Clock } from '../ports/clock.ts';
import type { Community, CommunityRef, Member, Store } from '../ports/store.ts';
import { dayInTimeZone, memberTimeZone } from './time-zone.ts';
import { problemReply } from '../replies/problem-reply.ts';
import { errorReply, type Reply } from '../replies/reply.ts';
import { cutGraphemes } from '../text/graphemes.ts';
import { convertArgs } from './args.ts';
import { parseCommandText, quoteValue } from './grammar.ts';
import type { InFlight } from './in-flight.ts';
import type { CommandObservation, CommandOutcome } from './observe.ts';
import type { ChartOwner, ChartService } from '../charts/chart-service.ts';
import { attachChart, seriesBlockOf } from '../charts/forecast-chart.ts';
import { historyCommunityOf } from './history-owner.ts';
import { COMMANDS, findCommand } from './registry.ts';
import { CommandError, type CommandContext } from './types.ts';
import { needsAdmin } from './define.ts';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable.ts';

export const MAX_DISPLAY_NAME = 80;

/** Platforms want a first answer within 3 s: a retry must leave the reply inside this budget. */
const REPLY_BUDGET_MS = 2500;
/** A short pause before the one retry, so a connection reset has a chance to clear. */
const RETRY_PAUSE_MS = 200;

export interface CommandInput {
  command: string | null;
  positionals: string[];
  named: Record<string, string>;
  body: string;
  /** What the member probably meant when a value with spaces was not quoted (from the grammar). */
  quotingHint?: string;
}

export interface Services {
  store: Store;
  /** The time of day for commands that need it (the system clock when absent). */
  clock?: Clock;
  /** Told about unexpected failures (the member gets a polite reply either way). */
  onError?: (error: unknown, ctx: CommandContext, command?: string) => void;
  /** Told about every request once it is answered (logs, metrics). */
  observe?: (observation: CommandObservation) => void;
  /** Commands under way, for a stop that waits for them. */
  inFlight?: InFlight;
  /** JSS_AS_OF: every member's today is this day, whatever their zone (scripts, demos). */
  pinnedToday?: string | null;
  /** Forecast charts, cached and rendered off the main thread; without it the adapters render them. */
  charts?: ChartService;
}

/** The member's today: in their zone (time-zone.ts) by the clock, else the adapter's day (ctx.asOf). */
export function memberToday(services: Services, ctx: CommandContext, member: Member): string {
  if (services.pinnedToday) return services.pinnedToday;
  const zone = memberTimeZone(member, ctx.timeZone);
  return zone === null ? ctx.asOf : dayInTimeZone((services.clock ?? systemClock).now(), zone);
}

/** Edits (insert, delete, substitute, swap two neighbours) between two words: "lsit" is 1 from "list". */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

function unknownCommand(name: string): Reply {
  const closest = COMMANDS.map((command) => ({ name: command.name, distance: editDistance(name, command.name) })).sort(
    (a, b) => a.distance - b.distance,
  )[0];
  const suggestion = closest && closest.distance <= 2 ? ` Did you mean "${closest.name}"?` : '';
  return errorReply(`there is no command ${JSON.stringify(name.slice(0, 40))}.${suggestion} Type "help" for the list.`);
}

/** The input as one line of the grammar (without a body). */
function commandText(input: CommandInput): string {
  const words = [
    input.command ?? 'help',
    ...input.positionals.map(quoteValue),
    ...Object.entries(input.named).map(([name, value]) => `${name}:${quoteValue(value)}`),
  ];
  return words.join(' ');
}

/** Display names are shown to others: one line, no control characters, bounded. */
export function cleanDisplayName(name: string, fallback: string): string {
  // Cut between grapheme clusters: a name ending in a split emoji would be stored broken.
  const cleaned = cutGraphemes(
    name.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').trim(),
    MAX_DISPLAY_NAME,
    '',
  ).trim();
  return cleaned === '' ? fallback : cleaned;
}

/**
 * The member's (or their history's) row locked to the end of the command's transaction: one
 * member's writes run one after another (so what a handler read is still true when it writes),
 * other members' do not wait.
 */
async function lockedRow(store: Store, memberId: number): Promise<Member> {
  const locked = await store.lockMember(memberId);
  // A "forget" of theirs committed between the two: say so rather than write for a member who is gone.
  if (!locked)
    throw new CommandError(
      errorReply(
        'everything about you was deleted by another request while this ran; nothing was done',
        'Try again to start afresh.',
      ),
    );
  return locked;
}

/**
 * The personal-history community's id, looked up once per store: it is made once and never
 * deleted (no command runs in it, so neither forget-community nor an uninstall reaches it).
 */
const historyCommunityIds = new WeakMap<Store, Map<string, number>>();

async function historyCommunityId(store: Store, ref: CommunityRef): Promise<number> {
  let known = historyCommunityIds.get(store);
  if (!known) {
    known = new Map();
    historyCommunityIds.set(store, known);
  }
  const key = `${ref.platform}:${ref.externalId}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const id = (await store.ensureCommunity(ref)).id;
  known.set(key, id);
  return id;
}

/** The community member and whose history is theirs (a person's row on Discord: history-owner.ts). */
interface Members {
  member: Member;
  history: Member;
}

/** The member as read with the community before the transaction, under today's name, and their history row if any. */
interface KnownMember {
  member: Member;
  history: Member | null;
}

/**
 * For a write, the history row is the one locked: one person's writes from two servers (or a DM)
 * take turns. The member and the history row were made before the transaction (`linked`), so the
 * only row lock a write takes on members is the history row's, first.
 */
async function membersFor(
  store: Store,
  writes: boolean,
  communityId: number,
  ctx: CommandContext,
  displayName: string,
  linked: Members | null,
  known: KnownMember | null,
): Promise<Members> {
  if (linked === null) {
    // Read with the community before the transaction, when stored under this name; else made here.
    const ensured = known !== null ? known.member : await store.ensureMember(communityId, ctx.userId, displayName);
    // Only the history row is locked: a linked member's own row is not (forget, holding the
    // history row, deletes it: locking it first would invite a deadlock).
    const member = writes && !ensured.historyMemberId ? await lockedRow(store, ensured.id) : ensured;
    // A member who linked another platform's identity (`link`) shares that history.
    if (!member.historyMemberId) return { member, history: member };
    const history = writes
      ? await lockedRow(store, member.historyMemberId)
      : known?.history?.id === member.historyMemberId
        ? known.history
        : await store.findMemberById(member.historyMemberId);
    if (!history)
      throw new CommandError(
        errorReply(
          'everything about you was deleted by another request while this ran; nothing was done',
          'Try again to start afresh.',
        ),
      );
    return { member, history };
  }
  return writes ? { member: linked.member, history: await lockedRow(store, linked.history.id) } : linked;
}

/** Runs a command and tells `services.observe` how it went and how long it took. */
export async function runCommand(services: Services, ctx: CommandContext, input: CommandInput): Promise<Reply> {
  const started = performance.now();
  let failure: CommandOutcome | null = null;
  const command = findCommand(input.command ?? 'help')?.name ?? 'unknown';
  const watched: Services = {
    ...services,
    onError(error, errorCtx) {
      failure = isDatabaseUnavailable(error) ? 'unavailable' : 'failed';
      services.onError?.(error, errorCtx, command);
    },
  };
  const finished = services.inFlight?.begin();
  let result: Reply;
  try {
    result = await runCommandUnobserved(watched, ctx, input);
  } finally {
    finished?.();
  }
  const outcome: CommandOutcome = failure ?? (result.kind === 'error' ? 'refused' : 'ok');
  services.observe?.({
    platform: ctx.platform,
    command,
    outcome,
    durationMs: performance.now() - started,
    requestId: ctx.requestId,
  });
  return result;
}

async function runCommandUnobserved(services: Services, ctx: CommandContext, input: CommandInput): Promise<Reply> {
  const definition = findCommand(input.command ?? 'help');
  if (!definition) return unknownCommand(input.command ?? '');
  if (input.positionals.length > definition.maxPositionals) {
    const extra = input.positionals[definition.maxPositionals] as string;
    if (input.quotingHint) {
      return errorReply(
        `${definition.name} got an unexpected word ${JSON.stringify(extra.slice(0, 40))}; did you mean ${input.quotingHint}? Values with spaces need quotes.`,
        `Usage: ${definition.usage}`,
      );
    }
    return errorReply(
      `${definition.name} got an unexpected word ${JSON.stringify(extra.slice(0, 40))}; expected: ${definition.usage}`,
    );
  }
  const converted = convertArgs(definition.name, definition.args, input.named, ctx.asOf);
  if (!converted.ok) return errorReply(converted.problems, `Usage: ${definition.usage}`, converted.fieldErrors);
  if (input.body.trim() !== '' && !definition.body) {
    return errorReply(`${definition.name} takes one line; expected: ${definition.usage}`);
  }
  // Before anything is read or written: a member the platform does not call an admin is refused.
  if (needsAdmin(definition, converted.values, input.positionals) && !ctx.isAdmin)
    return errorReply(definition.adminOnly?.refusal ?? 'only community admins can run this');
  const displayName = cleanDisplayName(ctx.displayName, ctx.userId);
  // Writes run in one transaction; reads need none (saving its two round trips on every score).
  const inTransaction = <T>(work: (store: Store) => Promise<T>) =>
    definition.writes ? services.store.transaction(work) : work(services.store);
  // Whose chart a reply carries, and dated by whose today.
  let chartOwner: ChartOwner | null = null;
  const attempt = async () => {
    // Before the transaction, so the member's lock is the first lock a write takes: renaming the
    // community locks its row, and held while waiting for the member it would deadlock with a
    // config of that member (member row, then community row). Creating or renaming a community
    // is not the member's data, so it may stay when the command fails.
    // One read finds the community and the member both (the common case: nothing to make or rename).
    const found = await services.store.findCommunityMember(ctx.community, ctx.userId);
    const stored =
      found.community !== null && (ctx.community.name == null || found.community.name === ctx.community.name);
    const community = stored ? (found.community as Community) : await services.store.ensureCommunity(ctx.community);
    const member = stored ? found.member : null;
    let known = member !== null && member.displayName === displayName ? { member, history: found.history } : null;
    // The platform's zone (Slack's users.info, cached in the row) is asked with the row just read.
    let zonedCtx = ctx;
    if (ctx.platformTimeZone) {
      const asked = await ctx.platformTimeZone(member);
      zonedCtx = { ...ctx, timeZone: asked.timeZone };
      if (asked.rowChanged) known = null;
    }
    // The person's history row (Discord) is made and linked before the transaction too: it is not
    // this command's data, and linking updates the member row, which must not be locked after the
    // history row (another server's write locks the history row, then its own member row on join).
    const historyCommunity = historyCommunityOf(ctx.platform);
    const linked =
      historyCommunity === null || historyCommunity.externalId === ctx.community.externalId
        ? null
        : known?.history
          ? { member: known.member, history: known.history }
          : await services.store.ensureMemberWithHistory(
              community.id,
              await historyCommunityId(services.store, historyCommunity),
              ctx.userId,
              displayName,
            );
    return inTransaction(async (store) => {
      const { member: communityMember, history: member } = await membersFor(
        store,
        definition.writes,
        community.id,
        ctx,
        displayName,
        linked,
        known,
      );
      // "today" is the member's day; values read against the adapter's day are read again against it.
      const today = memberToday(services, zonedCtx, member);
      const zoned = today === ctx.asOf ? converted : convertArgs(definition.name, definition.args, input.named, today);
      if (!zoned.ok) return errorReply(zoned.problems, `Usage: ${definition.usage}`, zoned.fieldErrors);
      const memberCtx = today === ctx.asOf ? zonedCtx : { ...zonedCtx, asOf: today };
      chartOwner = { memberId: member.id, asOf: today };
      const once = definition.writes && ctx.requestId !== null;
      if (once) {
        const claim = await store.claimRequest(community.id, ctx.requestId as string, communityMember.id);
        if (!claim.fresh) {
          return claim.sameMember
            ? (claim.reply as Reply)
            : errorReply('this request id was already used; nothing was done. Please try again.');
        }
      }
      const ran = await definition.run({
        ctx: memberCtx,
        store,
        clock: services.clock ?? systemClock,
        community,
        member,
        communityMember,
        args: zoned.values,
        positionals: input.positionals,
        body: input.body,
      });
      // A write may have changed the member's contracts: their leaderboard row is recomputed on the next read.
      if (definition.writes) await store.expireSnapshots({ memberId: member.id });
      const shared = ran.shareable ? { ...ran, shareCommand: commandText(input) } : ran;
      // Values typed in another form than the house one: say how they were read.
      const result =
        zoned.notes.length > 0 && shared.kind !== 'error'
          ? {
              ...shared,
              blocks: [...shared.blocks, { type: 'context' as const, text: `Read ${zoned.notes.join('; ')}.` }],
            }
          : shared;
      if (once) await store.saveRequestReply(community.id, ctx.requestId as string, result);
      return result;
    });
  };
  // A read, or a write its request id makes idempotent, may run twice without doing twice.
  const retrySafe = !definition.writes || ctx.requestId !== null;
  try {
    const reply = await withOneRetry(attempt, retrySafe);
    // After the transaction (PGlite is one session): the chart cache is not the command's work.
    if (services.charts && chartOwner !== null)
      await withChart(services, definition.writes, reply, chartOwner, (error) => services.onError?.(error, ctx));
    return reply;
  } catch (error) {
    if (error instanceof CommandError) return error.reply;
    services.onError?.(error, ctx);
    if (isDatabaseUnavailable(error)) return errorReply(DATABASE_UNAVAILABLE_MESSAGE);
    return problemReply();
  }
}

/**
 * After a write, drops the member's cached charts (their keys could not be found again anyway).
 * For a reply with a chart, starts getting it (cache or render workers) and attaches the pending
 * chart to the series block without waiting: the reply goes out first, the adapter sends the chart
 * once it is ready. A chart that fails is reported and left out; the reply stands either way.
 */
async function withChart(
  services: Services,
  writes: boolean,
  reply: Reply,
  owner: ChartOwner,
  onError: (error: unknown) => void,
): Promise<void> {
  const charts = services.charts as ChartService;
  try {
    if (writes) return await charts.forgetMember(owner.memberId);
  } catch (error) {
    return onError(error);
  }
  const series = seriesBlockOf(reply);
  if (!series) return;
  // A stop waits for a chart under way as for a command (the cache writes to the database).
  const finished = services.inFlight?.begin();
  // Started on the next turn of the event loop, once the adapter has sent the reply (drawing the
  // SVG and hashing it are CPU work the member need not wait for).
  const chart = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => charts.chartOf(series, owner))
    .catch((error: unknown) => {
      onError(error);
      return null;
    });
  void chart.finally(() => finished?.());
  attachChart(series, chart);
}

/** Runs `attempt`; when the database was away, once more if that is safe and still fits the reply budget. */
async function withOneRetry<T>(attempt: () => Promise<T>, retrySafe: boolean): Promise<T> {
  const started = Date.now();
  try {
    return await attempt();
  } catch (error) {
    const spent = Date.now() - started;
    // The retry is assumed to take as long as the first try did.
    if (!retrySafe || !isDatabaseUnavailable(error) || 2 * spent + RETRY_PAUSE_MS > REPLY_BUDGET_MS) throw error;
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    return attempt();
  }
}

/** Runs a command typed as text in the shared grammar. */
export async function runCommandText(services: Services, ctx: CommandContext, text: string): Promise<Reply> {
  const parsed = parseCommandText(text);
  if (!parsed.ok) return errorReply(parsed.message, 'Example: add client:"Acme Ltd" type:hourly start:2026-01-10');
  return runCommand(services, ctx, parsed.parsed);
}
