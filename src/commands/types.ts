// What every command is given and what it declares, next to its handler (one command per file).

import type { CommandGroup } from './groups.ts';
import type { Clock } from '../ports/clock.ts';
import type { Community, CommunityRef, Member, Platform, Store } from '../ports/store.ts';
import type { Reply } from '../replies/reply.ts';
import type { ArgSpec, ArgValue } from './args.ts';
import type { AdminRule, BodySpec, FormSpec, PositionalSpec } from './define.ts';

/** Who asked, where, and when: filled in by the platform adapter. */
export interface CommandContext {
  platform: Platform;
  community: CommunityRef;
  userId: string;
  displayName: string;
  /** The platform's id of this request; the same id twice has its effect once. */
  requestId: string | null;
  /** Today where the member is, YYYY-MM-DD: the commands' as-of date. */
  asOf: string;
  /** The member's IANA zone as the platform gives it (Slack's users.info), when it does; see time-zone.ts. */
  timeZone?: string | null;
  /**
   * Asks the platform for the member's zone once the dispatcher has read their row (null: not
   * stored yet), so the platform need not read the row again; the answer becomes `timeZone`.
   */
  platformTimeZone?: (member: Member | null) => Promise<PlatformTimeZone>;
  /** Whether the platform says this member may change the community's settings. */
  isAdmin: boolean;
}

/** The platform's zone for a member; `rowChanged` when it cached the zone in their row (read again). */
export interface PlatformTimeZone {
  timeZone: string | null;
  rowChanged: boolean;
}

export interface CommandRun {
  ctx: CommandContext;
  /** Bound to the command's transaction. */
  store: Store;
  clock: Clock;
  community: Community;
  /**
   * Whose history the command reads and writes: contracts, recorded scores, undo, reminders, time
   * zone. On Discord the person's own row, shared by every server and DM (history-owner.ts); else
   * the community member. Locked for the transaction when the command writes.
   */
  member: Member;
  /** The member of this community: leaderboard (join, leave, rank), display name, admin confirmations. */
  communityMember: Member;
  args: Record<string, ArgValue>;
  positionals: string[];
  /** Lines after the command line (CSV for import). */
  body: string;
}

/**
 * A command as the command bus, the adapters and the docs read it; made by `defineCommand`
 * (src/commands/define.ts), which types the handler's arguments.
 */
export interface CommandDefinition {
  name: string;
  summary: string;
  usage: string;
  examples: readonly string[];
  args: readonly ArgSpec[];
  /** What the one positional word means (a contract id, a command name, on|off…), when the command takes one. */
  positional?: PositionalSpec;
  /** Positional words the command takes, at most this many (1 with a `positional`, else 0). */
  maxPositionals: number;
  /** Arguments a member must give (platforms with forms and options ask for them up front). */
  requires?: readonly string[];
  /** The command reads lines after the command line (a pasted or attached file). */
  body?: BodySpec;
  /** Commands that write are applied once per request id. */
  writes: boolean;
  adminOnly?: AdminRule;
  /** A platform-neutral form each adapter renders (Slack modal, Discord modal). */
  form?: FormSpec;
  /** The heading it sits under (a subcommand group on Discord); none for the everyday commands. */
  group?: CommandGroup;
  run(run: CommandRun): Promise<Reply>;
}

/** Thrown by a handler to answer with `reply` and roll back everything the command wrote. */
export class CommandError extends Error {
  constructor(readonly reply: Reply) {
    super(reply.title);
  }
}
