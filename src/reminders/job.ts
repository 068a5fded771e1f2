// The daily reminder job: make today's rows, then work through them in batches until none is left
// for this worker. For each member: their reminders of the day (findReminders, under their
// community's model); none → nothing is sent; else one direct message on their platform. Several
// instances may run it at once on one database: db/reminder-queue.ts hands each row to one of them
// (and explains the one case in which a message can go out twice).

import type { Platform } from '../ports/store.ts';
import type { BatchResult, ReminderItem, ReminderOutcome, ReminderQueue } from '../ports/reminder-queue.ts';
import { modelOptionsOf } from '../contracts/model-options.ts';
import type { Reply } from '../replies/reply.ts';
import { findReminders } from '../scoring/index.ts';
import { reminderReply } from './message.ts';

/** Members a batch claims: its messages are what a crash before the commit could send again. */
export const DEFAULT_BATCH_SIZE = 10;

/**
 * Members a quiet pass claims at once (settleQuiet): it sends nothing, so a large batch risks no
 * second message; 500 keeps each transaction to a few tens of milliseconds on PostgreSQL.
 */
export const QUIET_BATCH_SIZE = 500;

/** Sends one direct message to the item's member on their platform; throws when it could not. */
export type SendReminder = (item: ReminderItem, reply: Reply) => Promise<void>;

export interface ReminderSummary {
  sent: number;
  nothing: number;
  failed: number;
}

export interface RunRemindersOptions {
  queue: ReminderQueue;
  /** The day (YYYY-MM-DD): the reminders' as-of date, and one message per member for it. */
  asOf: string;
  send: SendReminder;
  batchSize?: number;
  /** Members a quiet pass (nothing to send) claims at once. */
  quietBatchSize?: number;
  /** Only members on these platforms (the ones this instance can send to); all when absent. */
  platforms?: readonly Platform[];
  /** Only members in these zones (FALLBACK_TIME_ZONE stands for members without one); all when absent. */
  timeZones?: readonly string[];
  /** The reminder finder; the real one unless a test needs another. */
  find?: typeof findReminders;
  /** Stops between batches (shutdown); the batch under way finishes. */
  signal?: AbortSignal;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runReminders(options: RunRemindersOptions): Promise<ReminderSummary> {
  const { queue, asOf, send } = options;
  const find = options.find ?? findReminders;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const scope = {
    ...(options.platforms && { platforms: options.platforms }),
    ...(options.timeZones && { timeZones: options.timeZones }),
  };

  // A member's trouble (a finder bug, a refused send) is theirs alone: it becomes 'failed' for
  // that member instead of a throw, which would roll back the batch and send its earlier
  // messages again on every run.
  async function work(item: ReminderItem): Promise<ReminderOutcome> {
    let reply: Reply;
    try {
      const reminders = find(item.contracts, asOf, modelOptionsOf(item.community));
      if (reminders.length === 0) return { status: 'nothing' };
      reply = reminderReply(reminders, asOf);
    } catch (error) {
      return { status: 'failed', error: `finding reminders: ${messageOf(error)}` };
    }
    try {
      await send(item, reply);
      return { status: 'sent' };
    } catch (error) {
      return { status: 'failed', error: messageOf(error) };
    }
  }

  // True when there is something to say, or when finding it failed (processBatch then records why).
  function hasMessage(item: ReminderItem): boolean {
    try {
      return find(item.contracts, asOf, modelOptionsOf(item.community)).length > 0;
    } catch {
      return true;
    }
  }

  await queue.enqueueDay(asOf, scope);
  const summary: ReminderSummary = { sent: 0, nothing: 0, failed: 0 };
  // First the members with nothing to send, in large short batches; then the messages, in small ones.
  for (let after = 0; queue.settleQuiet; ) {
    if (options.signal?.aborted) return summary;
    const quiet = await queue.settleQuiet(asOf, options.quietBatchSize ?? QUIET_BATCH_SIZE, hasMessage, scope, after);
    summary.nothing += quiet.nothing + quiet.optedOut;
    if (quiet.claimed === 0) break;
    after = quiet.lastMemberId;
  }
  for (;;) {
    if (options.signal?.aborted) break;
    const batch: BatchResult = await queue.processBatch(asOf, batchSize, work, scope);
    summary.sent += batch.sent;
    summary.nothing += batch.nothing + batch.optedOut;
    summary.failed += batch.failed;
    if (batch.claimed === 0) break;
  }
  return summary;
}
