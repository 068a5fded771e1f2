// The reminder-queue port: the daily reminder work as a queue, one item per member who wants
// reminders and day. db/reminder-queue.ts implements it in PostgreSQL (and says what delivery
// guarantee that gives); src/reminders runs the job against this interface.

import type { Contract } from '../scoring/index.ts';
import type { Community, Platform } from './store.ts';

/** How many times a failing reminder is tried in one day before it stays 'failed'. */
export const MAX_ATTEMPTS = 3;

/** One claimed reminder: who it is for, where to send it, and what to work it out from. */
export interface ReminderItem {
  memberId: number;
  day: string;
  /** Tries before this one (0 the first time). */
  attempts: number;
  platform: Platform;
  /** The member's id on their platform: a Slack user id, a Discord user id, the console user. */
  platformUserId: string;
  displayName: string;
  community: Community;
  contracts: Contract[];
}

export type ReminderOutcome = { status: 'sent' } | { status: 'nothing' } | { status: 'failed'; error: string };

export interface BatchResult {
  /** Rows claimed in this batch (0: nothing pending is left that this worker may take). */
  claimed: number;
  sent: number;
  nothing: number;
  failed: number;
  /** Members who turned reminders off after their row was made: marked 'nothing', `work` not called. */
  optedOut: number;
}

/** What settleQuiet did with the rows it claimed; those neither quiet nor opted out stay pending. */
export interface QuietResult {
  /** Rows read (0: nothing pending is left after `afterMemberId`). */
  claimed: number;
  /** Marked 'nothing': `hasMessage` said there is nothing to send. */
  nothing: number;
  /** Members who turned reminders off after their row was made: marked 'nothing'. */
  optedOut: number;
  /** The last member id claimed: the next call's `afterMemberId`. */
  lastMemberId: number;
}

export interface QueueScope {
  /** Only members of communities on these platforms (the ones this instance can send to); all when absent. */
  platforms?: readonly Platform[];
  /**
   * Only members in these IANA zones when days are enqueued (members without one count as
   * FALLBACK_TIME_ZONE, UTC): their reminder hour has come. All when absent.
   */
  timeZones?: readonly string[];
}

export interface ReminderQueue {
  /**
   * Adds a pending row of `day` for every member with reminders on (none twice: ON CONFLICT DO
   * NOTHING, safe when several instances run it at once), and puts the day's failed rows with
   * tries left back to pending. Returns how many rows it added.
   */
  enqueueDay(day: string, scope?: QueueScope): Promise<number>;
  /**
   * Claims up to `limit` pending rows of `day` in one transaction, runs `work` for each and
   * records the outcomes, then commits. When `work` throws, the transaction rolls back (every row
   * of the batch stays pending) and the error propagates.
   */
  /** The zones of the members who want reminders (FALLBACK_TIME_ZONE for those without one), each once. */
  timeZones(scope?: QueueScope): Promise<string[]>;
  processBatch(
    day: string,
    limit: number,
    work: (item: ReminderItem) => Promise<ReminderOutcome>,
    scope?: QueueScope,
  ): Promise<BatchResult>;
  /**
   * Reads up to `limit` pending rows of `day` of members after `afterMemberId` (in member order)
   * and marks 'nothing', in one statement, those for whom the pure `hasMessage` is false (and those
   * who turned reminders off), unless another worker holds them; the others stay pending for
   * processBatch. Sends nothing, so `limit` can be large. `hasMessage` must not throw (treat
   * trouble as true: processBatch then records it).
   * Optional: without it, the job sends through processBatch alone.
   */
  settleQuiet?(
    day: string,
    limit: number,
    hasMessage: (item: ReminderItem) => boolean,
    scope?: QueueScope,
    afterMemberId?: number,
  ): Promise<QuietResult>;
}
