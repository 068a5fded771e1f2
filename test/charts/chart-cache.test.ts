// The forecast chart cache (issue 15): a chart comes from the cache byte for byte as rendered, is
// keyed by what it shows (a write, a model change or a new day makes another key), is shared by
// every instance on the same database, and goes when its member is forgotten or writes.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChartCache } from '../../db/chart-cache-queries.ts';
import { openDatabase } from '../../db/connect.ts';
import { chartKey, createChartService, type ChartService } from '../../src/charts/chart-service.ts';
import { forecastChart, seriesBlockOf } from '../../src/charts/forecast-chart.ts';
import { forecastSvg } from '../../src/charts/forecast-svg.ts';
import { inProcessRenderer } from '../../src/charts/in-process-renderer.ts';
import { renderPng } from '../../src/charts/render-png.ts';
import { runCommandText, type Services } from '../../src/commands/dispatch.ts';
import type { ChartRenderer } from '../../src/ports/chart-renderer.ts';
import type { Reply } from '../../src/replies/reply.ts';
import { commandContext, TEST_AS_OF } from '../helpers/command-context.ts';
import { databaseKinds, type OpenedDatabase } from '../helpers/databases.ts';

/** The in-process renderer, counting its renders. */
function countingRenderer(): ChartRenderer & { renders: number } {
  const renderer = {
    renders: 0,
    async render(svg: string) {
      renderer.renders++;
      return inProcessRenderer.render(svg);
    },
    close: async () => {},
  };
  return renderer;
}

const NEXT_DAY = '2026-11-23';

for (const kind of databaseKinds) {
  describe(`chart cache (${kind.name})`, () => {
    let database: OpenedDatabase;
    beforeAll(async () => {
      database = await kind.open();
    }, 60_000);
    afterAll(async () => database?.close());

    const rows = async (memberId?: number) => {
      const result = await database.db.execute<{ key: string; member_id: number; valid_until: string }>(
        memberId === undefined
          ? sql`select key, member_id, valid_until from chart_cache order by created_at`
          : sql`select key, member_id, valid_until from chart_cache where member_id = ${memberId} order by created_at`,
      );
      return ((result as { rows?: unknown[] }).rows ?? result) as {
        key: string;
        member_id: number;
        valid_until: string;
      }[];
    };

    /** The URL of the scratch database this suite runs on (TEST_DATABASE_URL names the server). */
    async function sameDatabaseUrl(): Promise<string> {
      const [row] = await rows0(sql`select current_database() as name`);
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = `/${(row as { name: string }).name}`;
      return url.toString();
    }
    const rows0 = async (query: ReturnType<typeof sql>) => {
      const result = await database.db.execute(query);
      return ((result as { rows?: unknown[] }).rows ?? result) as unknown[];
    };

    const memberIdOf = async (context: ReturnType<typeof commandContext>) =>
      (await database.store.findMember((await database.store.ensureCommunity(context.community)).id, context.userId))!
        .id;

    /** A chart service on this database; without charts in memory unless asked, so hits come from the table. */
    function setup(memoryCharts = 0) {
      const renderer = countingRenderer();
      const charts = createChartService({ cache: createChartCache(database.db), renderer, memoryCharts });
      const services: Services = { store: database.store, charts };
      return { renderer, charts, services };
    }

    it('serves the chart from the cache byte for byte as a fresh render, on every command that shows it', async () => {
      const { renderer, services } = setup();
      const ctx = (extra = {}) => commandContext('slack', 'team-cache', 'U1', extra);
      await runCommandText(
        services,
        ctx(),
        'add client:Acme type:fixed start:2026-05-01 end:2026-06-01 earnings:900 stars:5',
      );
      const first = await runCommandText(services, ctx(), 'score');
      const series = seriesBlockOf(first)!;
      const fresh = renderPng(forecastSvg(series)).png;
      expect(renderer.renders).toBe(1);
      expect(forecastChart(series).png.equals(fresh)).toBe(true);

      const again = await runCommandText(services, ctx(), 'score');
      expect(renderer.renders).toBe(1);
      const cached = forecastChart(seriesBlockOf(again)!).png;
      expect(cached).not.toBe(forecastChart(series).png);
      expect(cached.equals(fresh)).toBe(true);
      // forecast draws the same series: the same chart, from the cache.
      await runCommandText(services, ctx(), 'forecast');
      expect(renderer.renders).toBe(1);

      // With charts kept in memory too: the same bytes, and the database is asked once.
      const remembering = setup(10);
      const fromTable = await remembering.charts.chartOf(series, {
        memberId: await memberIdOf(ctx()),
        asOf: TEST_AS_OF,
      });
      const fromMemory = await remembering.charts.chartOf(series, {
        memberId: await memberIdOf(ctx()),
        asOf: TEST_AS_OF,
      });
      expect([fromTable.cached, fromMemory.cached, remembering.renderer.renders]).toEqual([true, true, 0]);
      expect(fromMemory.png).toBe(fromTable.png);
      expect(fromMemory.png.equals(fresh)).toBe(true);
    });

    it('renders anew after a write or a model change that changes the forecast, and on a new day', async () => {
      const { renderer, services } = setup();
      const ctx = (extra = {}) => commandContext('slack', 'team-writes', 'U2', extra);
      const keyOf = (reply: Reply) => chartKey(forecastSvg(seriesBlockOf(reply)!));
      await runCommandText(
        services,
        ctx(),
        'add client:Acme type:fixed start:2026-05-01 end:2026-06-01 earnings:900 stars:5',
      );
      const before = await runCommandText(services, ctx(), 'score');
      const member = await memberIdOf(ctx());
      expect(await rows(member)).toHaveLength(1);

      const steps = [
        'add client:Beta type:hourly start:2026-07-01 earnings:500',
        'pay c2 amount:300 date:2026-10-01',
        'end c2 end:2026-11-01 stars:2',
        'edit c2 stars:4',
        'remove c2',
        'import\nid,client,type,start,end,earnings,stars\nc9,Corvid,fixed,2026-02-01,2026-03-01,700,3',
      ];
      let renders = renderer.renders;
      let previous = keyOf(before);
      for (const step of steps) {
        const wrote = await runCommandText(services, ctx(), step);
        expect(wrote.kind, step).not.toBe('error');
        // The write dropped the member's charts.
        expect(await rows(member), step).toEqual([]);
        const after = await runCommandText(services, ctx(), 'score');
        if (keyOf(after) !== previous) expect(renderer.renders, step).toBe(++renders);
        previous = keyOf(after);
        expect((await rows(member)).map((row) => row.key)).toEqual([previous]);
        expect(forecastChart(seriesBlockOf(after)!).png.equals(renderPng(forecastSvg(seriesBlockOf(after)!)).png)).toBe(
          true,
        );
      }

      // An admin's model change gives everyone another forecast, hence another key.
      const admin = (extra = {}) => commandContext('slack', 'team-writes', 'U-admin', { isAdmin: true, ...extra });
      const beforeModel = await runCommandText(services, ctx(), 'score');
      expect((await runCommandText(services, admin(), 'config model:upwork-2015')).kind).not.toBe('error');
      const afterModel = await runCommandText(services, ctx(), 'score');
      expect(keyOf(afterModel)).not.toBe(keyOf(beforeModel));
      expect(renderer.renders).toBe(renders + 1);

      // The next day: the chart starts a day later, is rendered again, and yesterday's is dropped.
      const nextDay = await runCommandText(services, ctx({ asOf: NEXT_DAY }), 'score');
      expect(renderer.renders).toBe(renders + 2);
      expect((await rows(member)).map((row) => [row.key, row.valid_until])).toEqual([[keyOf(nextDay), NEXT_DAY]]);
    });

    it('does not serve a chart past its day, and evicts the ones that ran out', async () => {
      const cache = createChartCache(database.db);
      const { services } = setup();
      const reply = await runCommandText(services, commandContext('slack', 'team-days', 'U3'), 'score');
      expect(reply.kind).not.toBe('error');
      await runCommandText(
        services,
        commandContext('slack', 'team-days', 'U3'),
        'add client:Acme type:fixed start:2026-05-01 end:2026-06-01 earnings:900 stars:5',
      );
      const scored = await runCommandText(services, commandContext('slack', 'team-days', 'U3'), 'score');
      const key = chartKey(forecastSvg(seriesBlockOf(scored)!));
      const member = await memberIdOf(commandContext('slack', 'team-days', 'U3'));
      expect(await cache.get(member, key, TEST_AS_OF)).not.toBeNull();
      expect(await cache.get(member, key, NEXT_DAY)).toBeNull();
      expect(await cache.evictExpired(NEXT_DAY)).toBeGreaterThanOrEqual(1);
      expect((await rows()).filter((r) => r.valid_until < NEXT_DAY)).toEqual([]);
    });

    it('forget deletes the member’s cached charts and no one else’s', async () => {
      const { services } = setup();
      const ctx = (user: string) => commandContext('slack', 'team-forget', user);
      for (const user of ['U4', 'U5']) {
        await runCommandText(
          services,
          ctx(user),
          'add client:Acme type:fixed start:2026-05-01 end:2026-06-01 earnings:900 stars:5',
        );
        await runCommandText(services, ctx(user), 'score');
      }
      const keys = async () => (await rows()).map((row) => row.member_id);
      const member4 = await memberIdOf(ctx('U4'));
      const member5 = await memberIdOf(ctx('U5'));
      expect(await keys()).toEqual(expect.arrayContaining([member4, member5]));
      const asked = await runCommandText(services, ctx('U4'), 'forget');
      const code = /forget confirm:(\S+)/.exec(asked.actions[0]!.command)![1];
      expect((await runCommandText(services, ctx('U4'), `forget confirm:${code}`)).kind).toBe('success');
      expect(await keys()).not.toContain(member4);
      expect(await keys()).toContain(member5);
    });

    it('two instances on one database share a chart: the second renders nothing', async () => {
      // A second connection to the same database: PostgreSQL a new pool, PGlite its one handle.
      const second = kind.name === 'postgres' ? await openDatabase({ url: await sameDatabaseUrl() }) : null;
      try {
        const first = countingRenderer();
        const other = countingRenderer();
        const a: ChartService = createChartService({ cache: createChartCache(database.db), renderer: first });
        const b: ChartService = createChartService({
          cache: createChartCache(second?.db ?? database.db),
          renderer: other,
        });
        const services = { store: database.store };
        await runCommandText(
          services,
          commandContext('slack', 'team-share', 'U6'),
          'add client:Acme type:fixed start:2026-05-01 end:2026-06-01 earnings:900 stars:5',
        );
        const reply = await runCommandText(services, commandContext('slack', 'team-share', 'U6'), 'score');
        const member = await memberIdOf(commandContext('slack', 'team-share', 'U6'));
        const series = seriesBlockOf(reply)!;
        const made = await a.chartOf(series, { memberId: member, asOf: TEST_AS_OF });
        const found = await b.chartOf(series, { memberId: member, asOf: TEST_AS_OF });
        expect([made.cached, found.cached, first.renders, other.renders]).toEqual([false, true, 1, 0]);
        expect(found.png.equals(made.png)).toBe(true);

        // Both instances render the next day's chart at once: both store it, one row is left, no error.
        const errors: unknown[] = [];
        const racing = [database.db, second?.db ?? database.db].map((db) =>
          createChartService({
            cache: createChartCache(db),
            renderer: countingRenderer(),
            memoryCharts: 0,
            onCacheError: (error) => errors.push(error),
          }),
        );
        const tomorrow = await runCommandText(
          services,
          commandContext('slack', 'team-share', 'U6', { asOf: NEXT_DAY }),
          'score',
        );
        const both = await Promise.all(
          racing.map((service) => service.chartOf(seriesBlockOf(tomorrow)!, { memberId: member, asOf: NEXT_DAY })),
        );
        expect(errors).toEqual([]);
        expect(both[0]!.png.equals(both[1]!.png)).toBe(true);
        expect((await rows(member)).map((row) => [row.key, row.valid_until])).toEqual([[both[0]!.key, NEXT_DAY]]);
      } finally {
        await second?.close();
      }
    });
  });
}
