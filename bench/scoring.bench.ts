// npm run bench:scoring — members scored per second, with 10, 50 and 500 contracts each: the
// displayed score alone (what leaderboards need), the full score report (every window, contract
// and reason, long-term clients), and the report with its 12-month forecast; beside a plain pass
// over the same contracts (summing earnings) timed in the same run, as a ratio. Single-threaded.

import { cpus, platform, release } from 'node:os';
import { displayedScore, scoreContracts, scoreWithForecast } from '../src/scoring/index.ts';
import type { Contract } from '../src/scoring/types.ts';
import { makeMember, seededRandom } from './members.ts';

const AS_OF = '2026-11-22';
const SIZES = [10, 50, 500];
const MEMBERS_PER_SIZE = 200;
const SECONDS_PER_CASE = Number(process.env.BENCH_SECONDS ?? 1);

let sink = 0; // keeps results alive so the optimiser cannot drop the work

function plainPass(contracts: readonly Contract[]): void {
  let total = 0;
  for (const contract of contracts) total += contract.earnings ?? 0;
  sink += total;
}

function scoreNumber(contracts: readonly Contract[]): void {
  sink += displayedScore(contracts, AS_OF).score ?? 0;
}

function scoreReport(contracts: readonly Contract[]): void {
  sink += scoreContracts(contracts, AS_OF).score ?? 0;
}

function scoreAndForecast(contracts: readonly Contract[]): void {
  sink += scoreWithForecast(contracts, AS_OF).forecast.changes.length;
}

/** Nanoseconds per member, timing whole sweeps over the members until the time is up. */
function measure(members: readonly Contract[][], work: (contracts: readonly Contract[]) => void): number {
  for (let i = 0; i < 3; i++) for (const member of members) work(member); // warm-up
  let scored = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(SECONDS_PER_CASE * 1e9));
  let now = started;
  do {
    for (const member of members) work(member);
    scored += members.length;
    now = process.hrtime.bigint();
  } while (now < deadline);
  return Number(now - started) / scored;
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function fmtMicros(nanoseconds: number): string {
  return (nanoseconds / 1000).toFixed(nanoseconds < 10_000 ? 2 : 1);
}

const lines = [
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}; one thread.`,
  '',
  row(['contracts', 'case', 'members/s', 'µs/member', '× plain pass']),
  row(['---:', '---', '---:', '---:', '---:']),
];
for (const size of SIZES) {
  const random = seededRandom(size);
  const members = Array.from({ length: MEMBERS_PER_SIZE }, () => makeMember(size, AS_OF, random));
  const baseline = measure(members, plainPass);
  const cases: [string, number][] = [
    ['plain pass (sum earnings)', baseline],
    ['score (the number)', measure(members, scoreNumber)],
    ['score report (every reason)', measure(members, scoreReport)],
    ['score report + forecast', measure(members, scoreAndForecast)],
  ];
  for (const [name, nanoseconds] of cases) {
    lines.push(row([size, name, Math.round(1e9 / nanoseconds).toLocaleString('en-US'), fmtMicros(nanoseconds), (nanoseconds / baseline).toFixed(1)]));
  }
}
console.log(lines.join('\n'));
if (sink === 42.4242) console.log(''); // use the sink
