import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../app/metrics.ts';
import { operationsRoutes, serveRoutes } from '../../app/operations-routes.ts';
import { checkReadiness } from '../../db/readiness.ts';
import { oldestStaleSnapshotAge } from '../../db/snapshot-queries.ts';
import { databaseKinds, type OpenedDatabase } from '../helpers/databases.ts';

describe.each(databaseKinds)('health and readiness on $name', (kind) => {
  let database: OpenedDatabase;
  let stopping = false;
  let server: { port: number; close(): Promise<void> };
  let base: string;
  const metrics = createMetrics();

  beforeAll(async () => {
    database = await kind.open();
    server = await serveRoutes(
      operationsRoutes({
        readiness: () => checkReadiness(database.db),
        metrics: metrics.registry,
        stopping: () => stopping,
      }),
      0,
    );
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  it('/healthz says the process is alive; unknown paths and methods are 404', async () => {
    expect([
      (await fetch(`${base}/healthz`)).status,
      (await fetch(`${base}/nope`)).status,
      (await fetch(`${base}/healthz`, { method: 'POST' })).status,
    ]).toEqual([200, 404, 404]);
  });

  it('/readyz is 200 on a migrated database', async () => {
    const response = await fetch(`${base}/readyz`);
    expect([response.status, await response.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('/metrics counts commands by platform, command and outcome', async () => {
    metrics.observeCommand({ platform: 'discord', command: 'score', outcome: 'ok', durationMs: 12, requestId: 'r1' });
    metrics.observeCommand({
      platform: 'discord',
      command: 'score',
      outcome: 'unavailable',
      durationMs: 3000,
      requestId: 'r2',
    });
    metrics.remindersSent(3, 1);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('jss_requests_total{platform="discord",command="score",outcome="ok"} 1');
    expect(text).toContain('jss_requests_total{platform="discord",command="score",outcome="unavailable"} 1');
    expect(text).toContain('jss_database_errors_total 1');
    expect(text).toContain('jss_reminders_total{result="sent"} 3');
    expect(text).toContain('jss_reminders_total{result="failed"} 1');
    expect(text).toContain('jss_request_duration_seconds_bucket{le="5",platform="discord",command="score"} 2');
  });

  it('/readyz is 503 with the reason while stopping, and when migrations are missing', async () => {
    stopping = true;
    const whileStopping = await fetch(`${base}/readyz`);
    expect([whileStopping.status, await whileStopping.json()]).toEqual([
      503,
      { status: 'unavailable', reason: 'shutting down' },
    ]);
    stopping = false;
    // An older schema: the last migration's record is gone.
    await database.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    );
    const behind = await fetch(`${base}/readyz`);
    expect(behind.status).toBe(503);
    expect((await behind.json()) as unknown).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/^migrations: (\d+) of \d+ applied$/),
    });
    await database.db.execute(sql`drop schema drizzle cascade`);
    const none = await fetch(`${base}/readyz`);
    expect(none.status).toBe(503);
    expect(((await none.json()) as { reason: string }).reason).toMatch(/^database: /);
  });
});

describe('without METRICS=on', () => {
  it('there is no /metrics route', async () => {
    const server = await serveRoutes(
      operationsRoutes({ readiness: async () => ({ ready: true }), metrics: null, stopping: () => false }),
      0,
    );
    try {
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe.each(databaseKinds)('the age of the oldest stale leaderboard snapshot on $name', (kind) => {
  let database: OpenedDatabase;
  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(async () => database.close());

  it('is 0 with none stale, counts from the expiry for an expired one, and from the day after valid_until for one that ran out', async () => {
    const { store, db } = database;
    const today = '2026-11-22';
    expect(await oldestStaleSnapshotAge(db, today)).toBe(0);
    const community = await store.ensureCommunity({ platform: 'slack', externalId: 'T-age' });
    const ann = await store.ensureMember(community.id, 'U-ann', 'Ann');
    const bob = await store.ensureMember(community.id, 'U-bob', 'Bob');
    await store.saveSnapshots([
      {
        memberId: ann.id,
        communityId: community.id,
        model: 'upwork-2025',
        score: 90,
        window: '12m',
        longTermPercent: 10,
        outcomes: 3,
        computedOn: today,
        validUntil: '2026-12-01',
      },
      {
        memberId: bob.id,
        communityId: community.id,
        model: 'upwork-2025',
        score: 80,
        window: '12m',
        longTermPercent: 10,
        outcomes: 3,
        computedOn: '2026-11-01',
        validUntil: '2026-11-20',
      },
    ]);
    // Bob's ran out at the end of 2026-11-20: stale since 2026-11-21T00:00Z.
    const ranOut = await oldestStaleSnapshotAge(db, today);
    expect(ranOut).toBeCloseTo((Date.now() - Date.parse('2026-11-21T00:00:00Z')) / 1000, -1);
    await store.saveSnapshots([
      {
        memberId: bob.id,
        communityId: community.id,
        model: 'upwork-2025',
        score: 80,
        window: '12m',
        longTermPercent: 10,
        outcomes: 3,
        computedOn: today,
        validUntil: '2026-12-01',
      },
    ]);
    await store.expireSnapshots({ memberId: ann.id });
    const expired = await oldestStaleSnapshotAge(db, today);
    expect(expired).toBeGreaterThanOrEqual(0);
    expect(expired).toBeLessThan(60);
    // Expiring again keeps the first expiry (the wait goes on); saving a recomputed one ends it.
    await store.expireSnapshots({ communityId: community.id });
    expect(await oldestStaleSnapshotAge(db, today)).toBeLessThan(60);
    await store.saveSnapshots([
      {
        memberId: ann.id,
        communityId: community.id,
        model: 'upwork-2025',
        score: 90,
        window: '12m',
        longTermPercent: 10,
        outcomes: 3,
        computedOn: today,
        validUntil: '2026-12-01',
      },
    ]);
    await store.saveSnapshots([
      {
        memberId: bob.id,
        communityId: community.id,
        model: 'upwork-2025',
        score: 80,
        window: '12m',
        longTermPercent: 10,
        outcomes: 3,
        computedOn: today,
        validUntil: '2026-12-01',
      },
    ]);
    expect(await oldestStaleSnapshotAge(db, today)).toBe(0);
  });
});
