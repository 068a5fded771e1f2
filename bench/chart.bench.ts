// npm run bench:chart — the forecast chart (issue 15): a cold render's CPU (text laid out by resvg
// each time, as before, against labels outlined once), a cache hit (in memory and in PGlite), and
// how long the main thread's event loop stalls while charts render in process or in the worker pool.
// Targets: a cold render ≤ 10 ms of CPU; a hit in microseconds; no stall with the pool.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { createChartCache } from '../db/chart-cache-queries.ts';
import { openDatabase } from '../db/connect.ts';
import { createStore } from '../db/drizzle-store.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { createChartService } from '../src/charts/chart-service.ts';
import { CHART_FONT_FAMILY, forecastSvg, type Series } from '../src/charts/forecast-svg.ts';
import { inProcessRenderer } from '../src/charts/in-process-renderer.ts';
import { CHART_FONT_FILE, renderPng } from '../src/charts/render-png.ts';
import { createWorkerPool } from '../src/charts/worker-pool.ts';
import type { CachedChart, ChartCache } from '../src/ports/chart-cache.ts';
import type { ChartRenderer } from '../src/ports/chart-renderer.ts';
import { percentile, table } from './stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const AS_OF = '2026-11-22';

/** A chart like a member's: 16 past weeks with a recorded score, and `changes` change dates drawn from `seed`. */
function series(seed: number, changes = 3): Series {
  const day = (offset: number) => new Date(Date.UTC(2026, 10, 22 + offset)).toISOString().slice(0, 10);
  const points = [{ date: AS_OF, value: 87 }];
  for (let i = 1; i <= changes; i++)
    points.push({ date: day(((seed * 37 + i * 53) % 90) + i * 90), value: 70 + ((seed + i) % 25) });
  points.sort((a, b) => a.date.localeCompare(b.date));
  points.push({ date: day(365), value: 74 });
  const past = Array.from({ length: 16 }, (_, i) => ({
    date: day(-7 * (15 - i)),
    value: i < 3 ? null : 80 + ((seed + i) % 4),
  }));
  return {
    title: 'Your score: past 16 weeks, next 12 months if nothing new happens',
    points,
    past,
    recorded: [{ date: day(-20), value: 92 }],
  };
}

/** CPU milliseconds of each call (single-threaded work, so the process's CPU is this thread's). */
function cpuMs(rounds: number, work: (round: number) => void): number[] {
  for (let i = 0; i < 5; i++) work(-1 - i);
  return Array.from({ length: rounds }, (_, round) => {
    const before = process.cpuUsage();
    work(round);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  });
}

const textEachTime = (svg: string) =>
  new Resvg(svg, {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    logLevel: 'off',
  })
    .render()
    .asPng();

function row(name: string, ms: number[], unit: 'ms' | 'µs' = 'ms'): string[] {
  const scale = unit === 'µs' ? 1000 : 1;
  const f = (value: number) => (value * scale).toFixed(unit === 'µs' ? 0 : 2);
  return [name, f(percentile(ms, 50)), f(percentile(ms, 90)), f(ms.reduce((a, b) => a + b, 0) / ms.length), unit];
}

/** The largest delay of a 1 ms timer while `work` runs: how long the event loop could not answer anyone. */
async function worstStall(work: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await work();
  // The timer's first tick after the work tells the stall the work caused.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(timer);
  return worst;
}

function memoryCache(): ChartCache {
  const rows = new Map<string, CachedChart>();
  return {
    async get(memberId, key, today) {
      const row = rows.get(`${memberId}/${key}`);
      return row && row.validUntil >= today ? row : null;
    },
    async put(chart) {
      rows.set(`${chart.memberId}/${chart.key}`, chart);
    },
    async forgetMember() {
      return 0;
    },
    async evictExpired() {
      return 0;
    },
  };
}

async function hitTimes(cache: ChartCache, rounds: number, memoryCharts = 0): Promise<number[]> {
  const service = createChartService({ cache, renderer: inProcessRenderer, memoryCharts });
  const chart = series(1);
  await service.chartOf(chart, { memberId: 1, asOf: AS_OF });
  const times: number[] = [];
  for (let i = 0; i < rounds + 5; i++) {
    const started = performance.now();
    const found = await service.chartOf(chart, { memberId: 1, asOf: AS_OF });
    if (!found.cached) throw new Error('expected a cache hit');
    if (i >= 5) times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const svgs = Array.from({ length: ROUNDS + 5 }, (_, i) => forecastSvg(series(i)));
  const at = (round: number) => svgs[(round + svgs.length) % svgs.length] as string;
  const before = cpuMs(ROUNDS, (round) => textEachTime(at(round)));
  // Labels outlined once: the first charts of the run outline them, the rest reuse them.
  const fresh = cpuMs(ROUNDS, (round) =>
    renderPng(forecastSvg({ ...series(round), title: `A title never seen before, number ${round}` })),
  );
  const warm = cpuMs(ROUNDS, (round) => renderPng(at(round)));
  const memoryHits = await hitTimes(memoryCache(), ROUNDS * 10, 200);

  const dataDir = mkdtempSync(join(tmpdir(), 'jss-bench-chart-'));
  const handle = await openDatabase({ dataDir });
  let pgliteHits: number[];
  try {
    await migrateDatabase(handle);
    const store = createStore(handle.db);
    const community = await store.ensureCommunity({ platform: 'console', externalId: 'bench' });
    const member = await store.ensureMember(community.id, 'bench', 'bench');
    if (member.id !== 1) throw new Error('expected member 1');
    pgliteHits = await hitTimes(createChartCache(handle.db), ROUNDS * 2);
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const batch = svgs.slice(0, 20);
  const inProcess = await worstStall(async () => {
    for (const svg of batch) await inProcessRenderer.render(svg);
  });
  const pool: ChartRenderer = createWorkerPool();
  await Promise.all(batch.slice(0, 4).map((svg) => pool.render(svg))); // workers started and warm
  const pooled = await worstStall(() => Promise.all(batch.map((svg) => pool.render(svg))));
  await pool.close();

  console.log(
    `# Forecast chart (${ROUNDS} rounds; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${platform()} ${release()}, Node ${process.version})\n`,
  );
  console.log(
    table(
      ['case', 'p50', 'p90', 'mean', 'unit'],
      [
        row('cold render, text laid out by resvg each time (before)', before),
        row('cold render, a new title (its outline made)', fresh),
        row('cold render, labels outlined before', warm),
        row('cache hit, this instance’s memory (SVG + hash + lookup)', memoryHits, 'µs'),
        row('cache hit, from the database: PGlite (wall)', pgliteHits, 'µs'),
      ],
    ),
  );
  console.log(
    `\nWorst event-loop stall while 20 charts render: in process ${inProcess.toFixed(1)} ms, worker pool ${pooled.toFixed(1)} ms.`,
  );
  console.log(
    `Target: cold render ≤ 10 ms of CPU (p50 ${percentile(warm, 50).toFixed(2)} ms labels known, ${percentile(fresh, 50).toFixed(2)} ms with a new title).`,
  );
}

await main();
