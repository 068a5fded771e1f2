// Prometheus metrics (prom-client), served at GET /metrics when METRICS=on: requests by platform,
// command and outcome, their latency, database errors, reminders, leaderboard snapshots, and the
// process's own (memory, CPU, event loop lag).

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CommandObservation } from '../src/commands/observe.ts';

export interface Metrics {
  registry: Registry;
  observeCommand(observation: CommandObservation): void;
  databaseError(): void;
  remindersSent(sent: number, failed: number): void;
  snapshotsRefreshed(count: number): void;
  /** Set before each scrape: seconds since the oldest stale snapshot ran out (0 when none). */
  setOldestStaleSnapshotAge(read: () => Promise<number>): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'jss_requests_total',
    help: 'Commands answered, by platform, command and outcome',
    labelNames: ['platform', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'jss_request_duration_seconds',
    help: 'Time from a command reaching the command layer to its reply',
    labelNames: ['platform', 'command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const databaseErrors = new Counter({
    name: 'jss_database_errors_total',
    help: 'Commands that failed because the database was unavailable or failed',
    registers: [registry],
  });
  const reminders = new Counter({
    name: 'jss_reminders_total',
    help: 'Reminder messages, by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const refreshed = new Counter({
    name: 'jss_snapshots_refreshed_total',
    help: 'Leaderboard snapshots moved on, recomputed or looked ahead by the background job',
    registers: [registry],
  });
  let readStaleAge: () => Promise<number> = async () => 0;
  new Gauge({
    name: 'jss_oldest_stale_snapshot_age_seconds',
    help: 'How long the oldest stale leaderboard snapshot has waited to be recomputed',
    registers: [registry],
    async collect() {
      this.set(await readStaleAge());
    },
  });
  return {
    registry,
    observeCommand(observation) {
      requests.inc({ platform: observation.platform, command: observation.command, outcome: observation.outcome });
      latency.observe({ platform: observation.platform, command: observation.command }, observation.durationMs / 1000);
      if (observation.outcome === 'unavailable') databaseErrors.inc();
    },
    databaseError: () => databaseErrors.inc(),
    remindersSent(sent, failed) {
      if (sent > 0) reminders.inc({ result: 'sent' }, sent);
      if (failed > 0) reminders.inc({ result: 'failed' }, failed);
    },
    snapshotsRefreshed: (count) => refreshed.inc(count),
    setOldestStaleSnapshotAge(read) {
      readStaleAge = read;
    },
  };
}
