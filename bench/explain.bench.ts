// npm run bench:explain — the explain search on a 50-contract member with 3 recorded days and a
// gap that needs 2 hidden facts, beside one full score report of the same member timed in the
// same run. Targets (issue 11): under 30 ms, and at most 300 × one score. Single-threaded.

import { cpus, platform, release } from 'node:os';
import {
  explainCandidates,
  explainGap,
  estimateOn,
  formatDay,
  parseDay,
  scoreContracts,
  type Contract,
  type Observation,
} from '../src/scoring/index.ts';
import { makeMember, seededRandom } from './members.ts';

const AS_OF = '2026-11-22';
const DAYS_BACK = [60, 30, 0];
const SECONDS_PER_CASE = Number(process.env.BENCH_SECONDS ?? 2);
const TARGET_MS = 30;
const TARGET_RATIO = 300;

let sink = 0; // keeps results alive so the optimiser cannot drop the work

/** A member and recorded days that the search explains with exactly 2 hidden facts. */
function memberWithTwoFactGap(): { contracts: Contract[]; observations: Observation[] } {
  const asOfDay = parseDay(AS_OF) as number;
  const dates = DAYS_BACK.map((back) => formatDay(asOfDay - back));
  for (let seed = 1; seed < 500; seed++) {
    const contracts = makeMember(50, AS_OF, seededRandom(seed));
    const candidates = explainCandidates(
      contracts,
      dates.map((date) => ({ date, score: 0 })),
    );
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const a = candidates[i]!;
        const b = candidates[j]!;
        if (a.contract === b.contract) continue;
        const hidden = contracts.map((contract, index) =>
          index === a.contract
            ? { ...contract, counted: a.to }
            : index === b.contract
              ? { ...contract, counted: b.to }
              : contract,
        );
        const scores = dates.map((date) => estimateOn(hidden, date));
        if (scores.some((score) => score === null)) continue;
        const observations = dates.map((date, k) => ({ date, score: scores[k] as number }));
        const result = explainGap(contracts, observations);
        if (result.exact && result.explanations[0]?.changes.length === 2) return { contracts, observations };
      }
    }
  }
  throw new Error('no member with a 2-fact gap found');
}

/** Nanoseconds per call, timing repeated calls until the time is up. */
function measure(work: () => void): number {
  for (let i = 0; i < 20; i++) work(); // warm-up
  let calls = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(SECONDS_PER_CASE * 1e9));
  let now = started;
  do {
    work();
    calls++;
    now = process.hrtime.bigint();
  } while (now < deadline);
  return Number(now - started) / calls;
}

const { contracts, observations } = memberWithTwoFactGap();
const result = explainGap(contracts, observations);
const candidates = explainCandidates(contracts, observations).length;
const scoreNs = measure(() => {
  sink += scoreContracts(contracts, AS_OF).score ?? 0;
});
const explainNs = measure(() => {
  sink += explainGap(contracts, observations).explanations.length;
});
const ms = explainNs / 1e6;
const ratio = explainNs / scoreNs;

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}; one thread.`,
);
console.log(
  `Member: 50 contracts, ${observations.length} recorded days, ${candidates} candidate facts; found ${result.explanations.length} explanation(s) of ${result.explanations[0]?.changes.length} facts.`,
);
console.log(`| case | time | ratio to one score |`);
console.log(`|---|---|---|`);
console.log(`| one full score report | ${(scoreNs / 1000).toFixed(1)} µs | 1 |`);
console.log(`| explain (2-fact gap) | ${ms.toFixed(2)} ms | ${ratio.toFixed(0)} × |`);
console.log(
  `Targets: under ${TARGET_MS} ms (${ms < TARGET_MS ? 'met' : 'NOT met'}), at most ${TARGET_RATIO} × one score (${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}).`,
);
if (sink === -1) console.log(sink);
