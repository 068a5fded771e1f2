// The explain search's promises (issue 11): every explanation reproduces every recorded day when
// applied and re-scored in full; no smaller one exists; hidden changes of size ≤ 2 are found;
// no gap means "the estimate matches". Re-scoring goes through estimateOn, not the search's
// incremental trials, so the two are checked against each other.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateOn,
  explainGap,
  type Contract,
  type CountedOutcome,
  type Observation,
} from '../../src/scoring/index.ts';
import { explainCandidates, type Candidate } from '../../src/scoring/explain.ts';
import { dayOfIso, isoOf, memberArb } from './arbitraries.ts';
import { negative, neutral, success } from './fixtures.ts';

type Change = { id: string; to: CountedOutcome };

function apply(contracts: readonly Contract[], changes: readonly Change[]): Contract[] {
  return contracts.map((contract) => {
    const change = changes.find((candidate) => candidate.id === contract.id);
    return change ? { ...contract, counted: change.to } : contract;
  });
}

function recordedAs(contracts: readonly Contract[], dates: readonly string[]): Observation[] | null {
  const observations: Observation[] = [];
  for (const date of dates) {
    const score = estimateOn(contracts, date);
    if (score === null) return null;
    observations.push({ date, score });
  }
  return observations;
}

/** A member with 1–3 recorded days on or after its first contract. */
const withDaysArb = fc
  .record({ member: memberArb, back: fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 3 }) })
  .map(({ member, back }) => {
    const first = Math.min(...member.contracts.map((contract) => dayOfIso(contract.start)));
    const asOf = dayOfIso(member.asOf);
    const dates = back
      .map((days) => asOf - days)
      .filter((day) => day >= first)
      .sort((a, b) => a - b)
      .map(isoOf);
    return { ...member, dates };
  })
  .filter(({ contracts, dates }) => contracts.length >= 2 && dates.length > 0);

const RUNS = { numRuns: 60 };

describe('explainGap: properties', () => {
  it('with no recorded gap, the result says the estimate matches', () => {
    fc.assert(
      fc.property(withDaysArb, ({ contracts, dates }) => {
        const observations = recordedAs(contracts, dates);
        if (!observations) return;
        const result = explainGap(contracts, observations);
        expect(result.fits).toBe(true);
        expect(result.exact).toBe(true);
        expect(result.explanations).toEqual([]);
        expect(result.summary).toContain('The estimate matches');
      }),
      RUNS,
    );
  });

  it('finds an explanation of at most the size of hidden changes (≤ 2) that produced the recorded days, and every listed one reproduces them', () => {
    const arb = withDaysArb.chain((member) => {
      const candidates = explainCandidates(
        member.contracts,
        member.dates.map((date) => ({ date, score: 0 })),
      );
      const byContract = new Map<number, Candidate[]>();
      for (const candidate of candidates)
        byContract.set(candidate.contract, [...(byContract.get(candidate.contract) ?? []), candidate]);
      const groups = [...byContract.values()];
      if (groups.length === 0) return fc.constant({ ...member, hidden: [] as Change[] });
      return fc
        .uniqueArray(fc.integer({ min: 0, max: groups.length - 1 }), {
          minLength: 1,
          maxLength: Math.min(2, groups.length),
        })
        .chain((picked) =>
          fc.tuple(...picked.map((g) => fc.constantFrom(...(groups[g] as Candidate[])))).map((chosen) => ({
            ...member,
            hidden: chosen.map((candidate) => ({ id: candidate.id, to: candidate.to })),
          })),
        );
    });
    fc.assert(
      fc.property(arb, ({ contracts, dates, hidden }) => {
        const observations = recordedAs(apply(contracts, hidden), dates);
        if (!observations) return;
        const result = explainGap(contracts, observations);
        if (result.fits) return;
        expect(result.exact).toBe(true);
        expect(result.explanations.length).toBeGreaterThan(0);
        expect(result.explanations.length).toBeLessThanOrEqual(5);
        for (const explanation of result.explanations) {
          expect(explanation.changes.length).toBeLessThanOrEqual(hidden.length);
          expect(explanation.distance).toBe(0);
          const changed = apply(contracts, explanation.changes);
          for (const observation of observations) expect(estimateOn(changed, observation.date)).toBe(observation.score);
          expect(explanation.scores).toEqual(
            observations.map((observation) => ({ date: observation.date, score: observation.score })),
          );
          expect(explanation.commands).toEqual(
            explanation.changes.map((change) => `edit ${change.id} counted:${change.to}`),
          );
        }
      }),
      RUNS,
    );
  });

  it('lists no explanation when a smaller one fits, and nearest explanations re-score to their stated scores', () => {
    fc.assert(
      fc.property(
        withDaysArb,
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        ({ contracts, dates }, scores) => {
          const observations = dates.map((date, index) => ({ date, score: scores[index] as number }));
          const result = explainGap(contracts, observations);
          if (result.fits || result.explanations.length === 0) return;
          for (const explanation of result.explanations) {
            const changed = apply(contracts, explanation.changes);
            const rescored = observations.map((observation) => ({
              date: observation.date,
              score: estimateOn(changed, observation.date),
            }));
            expect(explanation.scores).toEqual(rescored);
            const distance = rescored.reduce(
              (sum, day, index) =>
                sum + (day.score === null ? 100 : Math.abs(day.score - (observations[index] as Observation).score)),
              0,
            );
            expect(explanation.distance).toBe(distance);
          }
          if (!result.exact) return;
          const size = (result.explanations[0] as { changes: unknown[] }).changes.length;
          if (size < 2) return;
          // Brute force: no single hidden fact fits every day.
          for (const candidate of explainCandidates(contracts, observations)) {
            const changed = apply(contracts, [{ id: candidate.id, to: candidate.to }]);
            expect(
              observations.every((observation) => estimateOn(changed, observation.date) === observation.score),
            ).toBe(false);
          }
        },
      ),
      RUNS,
    );
  });

  it('the search never lists a larger set when a brute-force check finds a smaller fit (hidden size 2)', () => {
    fc.assert(
      fc.property(withDaysArb, ({ contracts, dates }) => {
        const candidates = explainCandidates(
          contracts,
          dates.map((date) => ({ date, score: 0 })),
        );
        if (candidates.length < 2) return;
        const [a, b] = [
          candidates[0] as Candidate,
          candidates.find((candidate) => candidate.contract !== (candidates[0] as Candidate).contract),
        ];
        if (!b) return;
        const observations = recordedAs(
          apply(
            contracts,
            [a, b].map((candidate) => ({ id: candidate.id, to: candidate.to })),
          ),
          dates,
        );
        if (!observations) return;
        const result = explainGap(contracts, observations);
        if (result.fits) return;
        const size = (result.explanations[0] as { changes: unknown[] }).changes.length;
        const singleFits = candidates.some((candidate) => {
          const changed = apply(contracts, [{ id: candidate.id, to: candidate.to }]);
          return observations.every((observation) => estimateOn(changed, observation.date) === observation.score);
        });
        expect(size).toBe(singleFits ? 1 : 2);
      }),
      { numRuns: 40 },
    );
  });
});

describe('explainGap: examples', () => {
  const contracts: Contract[] = [
    success('c1', 'Acme Ltd', '2026-06-01'),
    success('c2', 'Blue Fin', '2026-07-01'),
    neutral('c3', 'Corvid', '2026-08-01', { stars: 4.6 }),
    success('c4', 'Delta Labs', '2026-09-01', { stars: 4.6 }),
    negative('c5', 'Echo & Co', '2026-10-01'),
  ];

  it('says in plain words which hidden fact fits, with the command that applies it', () => {
    // Every contract weighs 1 and ended within 6 months; 4.6★ is a success: (4 − 1) / 5 = 60%.
    // Any one success counted neutral gives (3 − 1) / 5 = 40%: the 4.6★ ones are the more plausible.
    expect(estimateOn(contracts, '2026-11-20')).toBe(60);
    const result = explainGap(contracts, [{ date: '2026-11-20', score: 40 }]);
    expect(result.exact).toBe(true);
    expect(result.observations).toEqual([{ date: '2026-11-20', reported: 40, estimated: 60 }]);
    const first = result.explanations[0];
    expect(first?.changes).toEqual([{ id: 'c3', from: 'success', to: 'neutral' }]);
    expect(first?.text).toBe(
      "Upwork's 40% on 2026-11-20 fits one hidden fact: c3 (Corvid, 4.6★) counted as neutral, most likely private feedback below 9.",
    );
    expect(result.explanations.map((explanation) => explanation.commands[0])).toEqual([
      'edit c3 counted:neutral',
      'edit c4 counted:neutral',
      'edit c1 counted:neutral',
      'edit c2 counted:neutral',
    ]);
    expect(result.summary).toBe(`${first?.text} 3 other explanations of the same size also fit.`);
  });

  it('gives the nearest explanation with its distance when nothing of up to 3 facts fits', () => {
    const result = explainGap(contracts, [{ date: '2026-11-20', score: 99 }]);
    expect(result.exact).toBe(false);
    expect(result.explanations).toHaveLength(1);
    const nearest = result.explanations[0]!;
    expect(nearest.distance).toBeGreaterThan(0);
    expect(nearest.distance).toBe(Math.abs((nearest.scores[0]?.score ?? 0) - 99));
    expect(nearest.text).toMatch(
      /^Nothing of up to 3 hidden facts fits Upwork's 99% on 2026-11-20; the nearest \(\d+ points? off in all\)/,
    );
  });

  it('says so when there is nothing recorded', () => {
    expect(explainGap(contracts, []).summary).toContain('No recorded scores');
  });
});
