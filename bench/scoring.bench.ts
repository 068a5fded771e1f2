// npm run bench:scoring — the scoring core per member, with 10 to 5,000 contracts each: the
// displayed score alone (what leaderboards and reminders need), the full score report, the report
// with its 12-month forecast, tips and the plan; beside a plain pass over the same contracts
// (summing earnings) timed in the same run, as a ratio. Then how score + forecast grows with the
// contracts: the 500/50 ratio (target ≤ 10, i.e. linear) and the exponent fitted over 50–5,000.
// Ratios are measured in one run, and from CPU time (process.cpuUsage) as well as wall time, so
// they hold up when other work loads the machine (wall time then includes waiting for a core).
// Single-threaded.

import { cpus, platform, release } from 'node:os';
import { displayedScore, planContracts, scoreContracts, scoreWithForecast, tipsFor } from '../src/scoring/index.ts';
import type { Contract } from '../src/scoring/types.ts';
import { makeMember, seededRandom } from './members.ts';

const AS_OF = '2026-11-22';
const SIZES = [10, 50, 500, 5000];
/** Fewer members for large sizes, so one sweep stays short; at least a few for variety. */
const membersFor = (size: number) => Math.max(4, Math.min(200, Math.round(20_000 / size)));
const SECONDS_PER_CASE = Number(process.env.BENCH_SECONDS ?? 1);

let sink = 0; // keeps results alive so the optimiser cannot drop the work

type Work = (contracts: readonly Contract[]) => void;

const plainPass: Work = (contracts) => {
  let total = 0;
  for (const contract of contracts) total += contract.earnings ?? 0;
  sink += total;
};
const scoreNumber: Work = (contracts) => {
  sink += displayedScore(contracts, AS_OF).score ?? 0;
};
const scoreReport: Work = (contracts) => {
  sink += scoreContracts(contracts, AS_OF).score ?? 0;
};
const scoreAndForecast: Work = (contracts) => {
  sink += scoreWithForecast(contracts, AS_OF).forecast.changes.length;
};
const tips: Work = (contracts) => {
  sink += tipsFor(contracts, AS_OF).length;
};
const plan: Work = (contracts) => {
  sink += planContracts(contracts, AS_OF).contractsNeeded ?? 0;
};

/** Which cases run at which sizes (the slow ones not at 5,000). */
const CASES: { name: string; work: Work; sizes: readonly number[] }[] = [
  { name: 'plain pass (sum earnings)', work: plainPass, sizes: SIZES },
  { name: 'score (the number)', work: scoreNumber, sizes: SIZES },
  { name: 'score report (every reason)', work: scoreReport, sizes: SIZES },
  { name: 'score report + forecast', work: scoreAndForecast, sizes: SIZES },
  { name: 'tips', work: tips, sizes: [10, 50, 500] },
  { name: 'plan', work: plan, sizes: [10, 50, 500] },
];

/** Wall and CPU nanoseconds per member, timing whole sweeps over the members until the time is up. */
function measure(members: readonly Contract[][], work: Work): { wall: number; cpu: number } {
  for (let i = 0; i < 3; i++) for (const member of members) work(member); // warm-up
  let scored = 0;
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const deadline = started + BigInt(Math.round(SECONDS_PER_CASE * 1e9));
  let now = started;
  do {
    for (const member of members) work(member);
    scored += members.length;
    now = process.hrtime.bigint();
  } while (now < deadline);
  const cpu = process.cpuUsage(cpuStarted);
  return { wall: Number(now - started) / scored, cpu: ((cpu.user + cpu.system) * 1000) / scored };
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function fmtMicros(nanoseconds: number): string {
  return (nanoseconds / 1000).toFixed(nanoseconds < 10_000 ? 2 : 1);
}

/** Least-squares slope of log(time) over log(size): 1 is linear. */
function fittedExponent(points: readonly [number, number][]): number {
  const xs = points.map(([size]) => Math.log(size));
  const ys = points.map(([, ns]) => Math.log(ns));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return num / den;
}

const lines = [
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}; one thread.`,
  '',
  row(['contracts', 'case', 'members/s', 'µs/member', 'CPU µs/member', '× plain pass (CPU)']),
  row(['---:', '---', '---:', '---:', '---:', '---:']),
];
const results = new Map<string, number>();
for (const size of SIZES) {
  const random = seededRandom(size);
  const members = Array.from({ length: membersFor(size) }, () => makeMember(size, AS_OF, random));
  let baseline = NaN;
  for (const { name, work, sizes } of CASES) {
    if (!sizes.includes(size)) continue;
    const { wall, cpu } = measure(members, work);
    if (work === plainPass) baseline = cpu;
    results.set(`${name}@${size}`, cpu);
    lines.push(
      row([
        size,
        name,
        Math.round(1e9 / wall).toLocaleString('en-US'),
        fmtMicros(wall),
        fmtMicros(cpu),
        (cpu / baseline).toFixed(1),
      ]),
    );
  }
}
const forecastAt = (size: number) => results.get(`score report + forecast@${size}`) as number;
lines.push(
  '',
  'From CPU time:',
  `Displayed score at 50 contracts: ${fmtMicros(results.get('score (the number)@50') as number)} µs (target 20).`,
  `Score + forecast, 500 vs 50 contracts: ${(forecastAt(500) / forecastAt(50)).toFixed(1)}× (target ≤ 10); ` +
    `5,000 vs 500: ${(forecastAt(5000) / forecastAt(500)).toFixed(1)}×; ` +
    `fitted exponent over 50–5,000: ${fittedExponent([50, 500, 5000].map((size) => [size, forecastAt(size)])).toFixed(2)} (1 is linear).`,
);
console.log(lines.join('\n'));
if (sink === 42.4242) console.log(''); // use the sink
