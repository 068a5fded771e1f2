// Runs the daily reminder job in a long-running bot: once at start and then every
// RUN_EVERY_MINUTES, but only from the reminder hour on (UTC, JSS_REMINDER_HOUR, default 9).
// Each run works on "today": the UTC date, or the date JSS_AS_OF pins. Runs after the first of a
// day find that day's work done (or take what is left: new opt-ins, failures with tries left),
// so repeating is cheap and safe. A failed run is logged and never ends the process.

import { MAX_ATTEMPTS, type ReminderQueue } from '../ports/reminder-queue.ts';
import { runReminders, type ReminderSummary, type RunRemindersOptions } from './job.ts';
import type { DirectMessages } from '../ports/direct-message.ts';
import { platformsOf, routeByPlatform } from './senders.ts';

export const DEFAULT_REMINDER_HOUR = 9;
export const RUN_EVERY_MINUTES = 30;

export interface ReminderScheduleOptions {
  queue: ReminderQueue;
  senders: DirectMessages;
  /** The day a run works on, YYYY-MM-DD (see reminderDay). */
  today: () => string;
  /** The UTC hour (0–23) from which reminders go out. */
  hour?: number;
  everyMinutes?: number;
  batchSize?: number;
  /** The clock (tests). */
  now?: () => Date;
  find?: RunRemindersOptions['find'];
  log: (message: string) => void;
  /** Told after each run that did something (tests, logs). */
  onRun?: (day: string, summary: ReminderSummary) => void;
}

/** The reminders' day: the date JSS_AS_OF pins (as the console's today does), else today in UTC. */
export function reminderDay(pinned: string | null, now = new Date()): string {
  return pinned ?? now.toISOString().slice(0, 10);
}

/** Starts the schedule; the function it returns stops it and resolves when a run under way has ended. */
export function startReminderSchedule(options: ReminderScheduleOptions): () => Promise<void> {
  const hour = options.hour ?? DEFAULT_REMINDER_HOUR;
  const now = options.now ?? (() => new Date());
  const platforms = platformsOf(options.senders);
  const send = routeByPlatform(options.senders);
  const stopping = new AbortController();
  let running: Promise<void> | null = null;

  async function runOnce(): Promise<void> {
    if (now().getUTCHours() < hour) return;
    const day = options.today();
    const summary = await runReminders({
      queue: options.queue,
      asOf: day,
      send,
      platforms,
      signal: stopping.signal,
      ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
      ...(options.find && { find: options.find }),
    });
    if (summary.sent > 0 || summary.failed > 0) {
      const retry = summary.failed > 0 ? ` (retried on later runs, up to ${MAX_ATTEMPTS} tries)` : '';
      options.log(`reminders for ${day}: ${summary.sent} sent, ${summary.failed} failed${retry}`);
    }
    options.onRun?.(day, summary);
  }

  function tick(): void {
    // A run that outlasts the interval is not doubled up; the next tick starts the next run.
    if (running || stopping.signal.aborted) return;
    running = runOnce()
      .catch((error: unknown) => options.log(`reminders failed: ${(error as Error).stack ?? String(error)}`))
      .finally(() => {
        running = null;
      });
  }

  tick();
  const timer = setInterval(tick, (options.everyMinutes ?? RUN_EVERY_MINUTES) * 60_000);
  timer.unref();
  return async () => {
    stopping.abort();
    clearInterval(timer);
    await running;
  };
}
