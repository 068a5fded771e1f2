// Runs the daily reminder job in a long-running bot: once at start and then every
// RUN_EVERY_MINUTES. Reminders go out from the reminder hour (JSS_REMINDER_HOUR, default 9) in
// each member's own time zone, for their own day: each run asks which zones the members who want
// reminders are in, and works on every zone whose local hour has come, with that zone's date as
// the day (members without a zone: UTC). JSS_AS_OF pins one day for everyone, from the hour in
// UTC. Runs after the first of a day find that day's work done (or take what is left: new
// opt-ins, failures with tries left), so repeating is cheap and safe. A failed run is logged and
// never ends the process.

import { MAX_ATTEMPTS, type ReminderQueue } from '../ports/reminder-queue.ts';
import { runReminders, type ReminderSummary, type RunRemindersOptions } from './job.ts';
import type { DirectMessages } from '../ports/direct-message.ts';
import { platformsOf, prepareSenders, routeByPlatform } from './senders.ts';
import { FALLBACK_TIME_ZONE, localTime } from '../commands/time-zone.ts';

const DEFAULT_REMINDER_HOUR = 9;
const RUN_EVERY_MINUTES = 30;

export interface ReminderScheduleOptions {
  queue: ReminderQueue;
  senders: DirectMessages;
  /** JSS_AS_OF: the one day every run works on, from the hour in UTC; null or absent: each member's own day. */
  pinnedDay?: string | null;
  /** The local hour (0–23) from which reminders go out, in each member's zone. */
  hour?: number;
  everyMinutes?: number;
  batchSize?: number;
  /** The clock (tests). */
  now?: () => Date;
  find?: RunRemindersOptions['find'];
  log: (message: string) => void;
  /** Told after each run of a day that did something (tests, logs). */
  onRun?: (day: string, summary: ReminderSummary) => void;
}

/** Zones whose reminders are due at `instant` (local hour reached), grouped by their local day. */
export function dueDays(
  timeZones: readonly string[],
  instant: Date,
  hour: number,
): { day: string; timeZones: string[] }[] {
  const byDay = new Map<string, string[]>();
  for (const zone of timeZones) {
    let local: ReturnType<typeof localTime>;
    try {
      local = localTime(instant, zone);
    } catch {
      // A stored name this Node's Intl does not know (it was checked when set): the fallback's hour.
      local = localTime(instant, FALLBACK_TIME_ZONE);
    }
    if (local.hour < hour) continue;
    byDay.set(local.day, [...(byDay.get(local.day) ?? []), zone]);
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, zones]) => ({ day, timeZones: zones }));
}

export function startReminderSchedule(options: ReminderScheduleOptions): () => Promise<void> {
  const hour = options.hour ?? DEFAULT_REMINDER_HOUR;
  const now = options.now ?? (() => new Date());
  const platforms = platformsOf(options.senders);
  const send = routeByPlatform(options.senders);
  const stopping = new AbortController();
  let running: Promise<void> | null = null;

  async function runDay(day: string, timeZones: readonly string[] | undefined): Promise<void> {
    await prepareSenders(options.senders);
    const summary = await runReminders({
      queue: options.queue,
      asOf: day,
      send,
      platforms,
      ...(timeZones && { timeZones }),
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

  async function runOnce(): Promise<void> {
    const instant = now();
    if (options.pinnedDay) {
      if (instant.getUTCHours() >= hour) await runDay(options.pinnedDay, undefined);
      return;
    }
    const zones = await options.queue.timeZones(platforms ? { platforms } : {});
    for (const due of dueDays(zones, instant, hour)) {
      if (stopping.signal.aborted) return;
      await runDay(due.day, due.timeZones);
    }
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
