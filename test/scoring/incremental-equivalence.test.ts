// Issue 15: the forecast, plan, tips and displayed score update window totals incrementally at
// each change point instead of re-scoring every contract on every change day. For random members,
// as-of dates and model options they must equal the old full re-scoring (test/scoring/reference/)
// exactly: every date, score, window, reason and tip.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  displayedScore,
  forecastContracts,
  planContracts,
  tipsFor,
  type Contract,
} from '../../src/scoring/index.ts';
import { addMonths } from '../../src/scoring/dates.ts';
import { bandOf, computeTotals, displayedOn, FIELDS, newTotals } from '../../src/scoring/evaluate.ts';
import { changePoints, forecastPrepared } from '../../src/scoring/forecast.ts';
import { RunningTotals } from '../../src/scoring/running-totals.ts';
import { prepareMember } from '../../src/scoring/prepare.ts';
import { reportPrepared } from '../../src/scoring/score.ts';
import { contractSpecArb, isoOf, dayOf, memberArb, resolveContract } from './arbitraries.ts';
import * as referenceForecast from './reference/forecast-reference.ts';
import * as referencePlan from './reference/plan-reference.ts';
import * as referenceTips from './reference/tips-reference.ts';
import { modelOptionsArb } from './reference/model-options-arbitrary.ts';

/** Larger members (up to 120 contracts, few clients) so that many contracts change on the same days. */
const bigMemberArb = fc
  .record({
    asOf: fc.integer({ min: dayOf(2019, 1, 1), max: dayOf(2030, 12, 31) }),
    specs: fc.array(contractSpecArb, { minLength: 30, maxLength: 120 }),
  })
  .map(({ asOf, specs }) => ({
    asOf: isoOf(asOf),
    contracts: specs.map((spec, index) => resolveContract(spec, asOf, `c${index + 1}`)),
  }));

const anyMemberArb = fc.oneof({ weight: 3, arbitrary: memberArb }, { weight: 1, arbitrary: bigMemberArb });
const planArb = fc.record(
  { target: fc.constantFrom(50, 75, 80, 90, 95, 100), earnings: fc.constantFrom(0, 100, 250, 999.99, 5000) },
  { requiredKeys: [] },
);

function referenceDisplayed(
  contracts: readonly Contract[],
  asOf: string,
  options: Parameters<typeof displayedScore>[2],
) {
  const member = prepareMember(contracts, asOf, options);
  const shown = displayedOn(member, member.asOf);
  return { score: shown.score, window: shown.source, band: shown.score === null ? null : bandOf(shown.score) };
}

describe('incremental scoring equals full re-scoring', () => {
  it('forecast, for any member, as-of date, model options and horizon', () => {
    fc.assert(
      fc.property(
        anyMemberArb,
        modelOptionsArb,
        fc.constantFrom(1, 3, 12, 24),
        ({ contracts, asOf }, options, months) => {
          expect(forecastContracts(contracts, asOf, options)).toEqual(
            referenceForecast.forecastContracts(contracts, asOf, options),
          );
          expect(forecastPrepared(prepareMember(contracts, asOf, options), months)).toEqual(
            referenceForecast.forecastPrepared(prepareMember(contracts, asOf, options), months),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('plan, for any target and earnings', () => {
    fc.assert(
      fc.property(anyMemberArb, modelOptionsArb, planArb, ({ contracts, asOf }, options, plan) => {
        expect(planContracts(contracts, asOf, plan, options)).toEqual(
          referencePlan.planContracts(contracts, asOf, plan, options),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('tips', () => {
    fc.assert(
      fc.property(anyMemberArb, modelOptionsArb, ({ contracts, asOf }, options) => {
        expect(tipsFor(contracts, asOf, options)).toEqual(referenceTips.tipsFor(contracts, asOf, options));
      }),
      { numRuns: 300 },
    );
  });

  it('displayed score and analyze', () => {
    fc.assert(
      fc.property(anyMemberArb, modelOptionsArb, planArb, ({ contracts, asOf }, options, plan) => {
        expect(displayedScore(contracts, asOf, options)).toEqual(referenceDisplayed(contracts, asOf, options));
        const member = prepareMember(contracts, asOf, options);
        const forecast = referenceForecast.forecastPrepared(member);
        const planned = referencePlan.planPrepared(member, plan, forecast);
        const score = reportPrepared(member);
        const defaultPlan = plan.target === undefined && plan.earnings === undefined ? planned : undefined;
        const tips = referenceTips.tipsPrepared(member, {
          report: score,
          forecast,
          ...(defaultPlan && { plan: defaultPlan }),
        });
        expect(analyze(contracts, asOf, options, plan)).toEqual({ score, forecast, plan: planned, tips });
      }),
      { numRuns: 200 },
    );
  });
});

describe('running totals', () => {
  // Stronger than the displayed scores: every window figure, bit for bit, on every change day.
  // Weights that are not binary fractions (1.1) would sum differently in another order; the
  // running totals must then fall back to full re-scoring rather than drift.
  it('equal full re-scoring bit for bit on every change day, for any weights', () => {
    fc.assert(
      fc.property(anyMemberArb, modelOptionsArb, ({ contracts, asOf }, options) => {
        const member = prepareMember(contracts, asOf, options);
        const until = addMonths(member.asOf, 12);
        const running = new RunningTotals(member, member.asOf);
        const firstField = member.model.params.trending ? 0 : FIELDS; // no 3m window without trending
        const check = (day: number) =>
          expect(Array.from(running.totalsOn(day).subarray(firstField))).toEqual(
            Array.from(computeTotals(member, day, newTotals()).subarray(firstField)),
          );
        check(member.asOf);
        const points = changePoints(member, until);
        for (let i = 0; i < points.length; i++) {
          const point = points[i] as (typeof points)[number];
          // As the forecast does: a contract leaving a window moves to the next without calendar math.
          if (point.kind === 'leaves-window') running.leaveWindow(point.index, point.window);
          else running.move(point.index, point.day);
          if (points[i + 1]?.day !== point.day) check(point.day);
        }
        check(until);
      }),
      { numRuns: 300 },
    );
  });
});
