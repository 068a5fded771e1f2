// Property-based tests of the scoring core against ../../shared/domain/default-model.md, for both
// presets. Members come from ./arbitraries.ts (valid inputs, biased towards the model's edges).

import { addMonths as dfAddMonths, subMonths as dfSubMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateContracts } from '../../src/contracts/validate.ts';
import { wholeMonthsBetween } from '../../src/scoring/dates.ts';
import {
  addMonths,
  contractWeight,
  firstDayOutsideWindow,
  forecastContracts,
  formatDay,
  freezeAt,
  MODEL_NAMES,
  parseDay,
  planContracts,
  PRESETS,
  scoreContracts,
  subMonths,
  type Band,
  type Contract,
  type ModelName,
  type ScoreReport,
} from '../../src/scoring/index.ts';
import {
  CLIENT_POOL,
  contractSpecArb,
  dayOf,
  dayOfIso,
  isoOf,
  memberArb,
  resolveContract,
  shiftMonths,
  ymdOf,
  type ContractSpec,
  type Member,
} from './arbitraries.ts';

const MODELS: readonly ModelName[] = ['upwork-2025', 'upwork-2015'];
const WINDOW_KEYS = ['3m', '6m', '12m', '24m'] as const;

function score(contracts: readonly Contract[], asOf: string | number, model: ModelName): ScoreReport {
  return scoreContracts(contracts, asOf, { model });
}

/** The band from default-model.md, Step 5. */
function expectedBand(value: number): Band {
  if (value >= 90) return 'excellent';
  if (value >= 80) return 'solid';
  if (value >= 75) return 'struggling';
  return 'at-risk';
}

/** Every window's unrounded score, trending included. */
function windowScores(report: ScoreReport): Record<(typeof WINDOW_KEYS)[number] | 'trending', number | null> {
  return {
    '3m': report.windows['3m'].score,
    '6m': report.windows['6m'].score,
    '12m': report.windows['12m'].score,
    '24m': report.windows['24m'].score,
    trending: report.windows.trending.score,
  };
}

/** A client name no generated contract uses. */
const newClientName = (index: number) => `Brand New Client ${index}`;

const clientChoiceArb = fc.oneof(fc.constantFrom(...CLIENT_POOL), fc.constant(newClientName(0)));

describe('arbitraries', () => {
  it('generate members the contract validator accepts', () => {
    fc.assert(
      fc.property(memberArb, (member) => {
        const result = validateContracts(member.contracts, member.asOf);
        expect(result.ok ? [] : result.problems).toEqual([]);
        for (const contract of member.contracts) {
          // Valid inputs: earnings ≥ 0, and ≥ the payments' total when both are given.
          const paid = (contract.payments ?? []).reduce((sum, payment) => sum + payment.amount, 0);
          if (contract.earnings !== undefined && contract.earnings !== null)
            expect(contract.earnings).toBeGreaterThanOrEqual(paid);
          if (contract.end) expect(contract.end >= contract.start && contract.end <= member.asOf).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hit the edges the properties are about', () => {
    const members = fc.sample(memberArb, { numRuns: 400, seed: 42 });
    const contracts = members.flatMap((member) => member.contracts.map((contract) => ({ member, contract })));
    const asOfDays = members.map((member) => member.asOf.slice(8));
    const count = (predicate: (entry: { member: Member; contract: Contract }) => boolean) =>
      contracts.filter(predicate).length;
    const distance = (from: string, to: string) => dayOfIso(to) - dayOfIso(from);
    const monthsBack = (member: Member, date: string, months: number) =>
      shiftMonths(dayOfIso(member.asOf), -months) === dayOfIso(date);
    expect(asOfDays.filter((day) => Number(day) >= 28).length).toBeGreaterThan(40);
    expect(members.filter((member) => member.asOf.endsWith('-02-29')).length).toBeGreaterThan(3);
    expect(
      count(({ contract }) => (contract.end ?? '').endsWith('-02-29') || contract.start.endsWith('-02-29')),
    ).toBeGreaterThan(10);
    for (const months of [3, 6, 12, 24]) {
      expect(
        count(({ member, contract }) => !!contract.end && monthsBack(member, contract.end, months)),
      ).toBeGreaterThan(10);
    }
    expect(count(({ contract }) => contract.earnings === 0)).toBeGreaterThan(100);
    expect(count(({ contract }) => !!contract.end && distance(contract.start, contract.end) === 60)).toBeGreaterThan(5);
    expect(count(({ contract }) => !!contract.end && distance(contract.start, contract.end) === 61)).toBeGreaterThan(5);
    expect(
      count(({ member, contract }) => !contract.end && distance(contract.start, member.asOf) === 60),
    ).toBeGreaterThan(3);
    expect(
      count(({ member, contract }) => !!contract.lastPayment && distance(contract.lastPayment, member.asOf) === 90),
    ).toBeGreaterThan(5);
    expect(
      count(({ member, contract }) => !!contract.lastPayment && distance(contract.lastPayment, member.asOf) === 91),
    ).toBeGreaterThan(5);
    for (const flag of ['disputed', 'refunded', 'clientFlagged', 'pausedForClient'] as const) {
      expect(count(({ contract }) => contract[flag] === true)).toBeGreaterThan(50);
      expect(count(({ contract }) => contract[flag] === false)).toBeGreaterThan(50);
    }
    // Same client written differently within one member.
    expect(
      members.filter((member) => {
        const names = new Set(member.contracts.map((contract) => contract.client));
        const keys = new Set(member.contracts.map((contract) => contract.client.trim().toLowerCase()));
        return names.size > keys.size;
      }).length,
    ).toBeGreaterThan(100);
    expect(members.filter((member) => member.contracts.length === 0).length).toBeGreaterThan(0);
    expect(members.filter((member) => member.contracts.length >= 25).length).toBeGreaterThan(20);
  });
});

describe.each(MODELS)('scoring core properties (%s)', (model) => {
  it('1. the displayed score is an integer in [0, 100] or null, window scores are in [0, 100] or null, and the band matches', () => {
    fc.assert(
      fc.property(memberArb, (member) => {
        const report = score(member.contracts, member.asOf, model);
        if (report.score === null) {
          expect(report.band).toBeNull();
          expect(report.window).toBeNull();
          expect(report.noScore).not.toBeNull();
        } else {
          expect(Number.isInteger(report.score)).toBe(true);
          expect(report.score).toBeGreaterThanOrEqual(0);
          expect(report.score).toBeLessThanOrEqual(100);
          expect(report.band).toBe(expectedBand(report.score));
          // The displayed score is the highest eligible window, rounded; ties go to the first of 6m, 12m, 24m, trending.
          const source =
            report.window === 'trending' ? report.windows.trending : report.windows[report.window ?? '24m'];
          expect(source.eligible).toBe(true);
          expect(Math.abs((source.score as number) - report.score)).toBeLessThanOrEqual(0.5 + 1e-9);
          const order = ['6m', '12m', '24m', 'trending'] as const;
          for (const key of order) {
            const window = key === 'trending' ? report.windows.trending : report.windows[key];
            if (!window.eligible || window.score === null) continue;
            const before = order.indexOf(key) < order.indexOf(report.window as (typeof order)[number]);
            if (before) expect(window.score, key).toBeLessThan(source.score as number);
            else expect(window.score, key).toBeLessThanOrEqual(source.score as number);
          }
        }
        const eligible = [
          report.windows['6m'],
          report.windows['12m'],
          report.windows['24m'],
          report.windows.trending,
        ].filter((window) => window.eligible && window.score !== null);
        expect(report.score === null).toBe(eligible.length === 0);
        for (const [key, value] of Object.entries(windowScores(report))) {
          if (value === null) continue;
          expect(Number.isFinite(value), key).toBe(true);
          expect(value, key).toBeGreaterThanOrEqual(0);
          expect(value, key).toBeLessThanOrEqual(100);
        }
        if (model === 'upwork-2015') {
          expect(report.windows['3m'].score).toBeNull();
          expect(report.windows.trending.score).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('2. reordering the contracts changes nothing', () => {
    fc.assert(
      fc.property(memberArb, fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), (member, keys) => {
        const order = member.contracts
          .map((_, index) => index)
          .sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || b - a);
        const shuffled = order.map((index) => member.contracts[index] as Contract);
        const a = score(member.contracts, member.asOf, model);
        const b = score(shuffled, member.asOf, model);
        expect(b.score).toBe(a.score);
        expect(b.window).toBe(a.window);
        expect(b.band).toBe(a.band);
        expect(b.windows).toEqual(a.windows);
        expect(b.contractsWindow).toBe(a.contractsWindow);
        const longTerm = (report: ScoreReport) => ({
          percent: report.longTerm.percent,
          clients: report.longTerm.clients,
          longTermClients: report.longTerm.longTermClients,
          // A client is shown with its name as first written, which depends on the order: compare the key.
          byClient: report.longTerm.byClient
            .map((client) => ({ ...client, client: client.client.toLowerCase() }))
            .sort((x, y) => (x.client < y.client ? -1 : x.client > y.client ? 1 : 0)),
        });
        expect(longTerm(b)).toEqual(longTerm(a));
        const byId = (report: ScoreReport) =>
          Object.fromEntries(
            report.contracts.map((contract) => [
              contract.id,
              {
                outcome: contract.outcome,
                weight: contract.weight,
                reasonCode: contract.reasonCode,
                inWindow: contract.inWindow,
                windows: contract.windows,
              },
            ]),
          );
        expect(byId(b)).toEqual(byId(a));
      }),
      { numRuns: 200 },
    );
  });

  it('2b. client names that differ only in case or surrounding spaces are one client', () => {
    const respell = (name: string, how: number) =>
      [name.toUpperCase(), name.toLowerCase(), ` ${name}`, `${name.trim()}  `, name][how % 5] as string;
    fc.assert(
      fc.property(memberArb, fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), (member, hows) => {
        const respelled = member.contracts.map((contract, index) => ({
          ...contract,
          client: respell(contract.client, hows[index] ?? 0),
        }));
        const a = score(member.contracts, member.asOf, model);
        const b = score(respelled, member.asOf, model);
        expect(b.score).toBe(a.score);
        expect(b.window).toBe(a.window);
        expect(b.windows).toEqual(a.windows);
        expect(b.longTerm.percent).toBe(a.longTerm.percent);
        expect(b.longTerm.clients).toBe(a.longTerm.clients);
      }),
      { numRuns: 150 },
    );
  });

  type ExcludedKind =
    | 'clientFlagged'
    | 'pausedForClient'
    | 'zeroClientUnresponsive'
    | 'zeroFiveStars'
    | 'zeroNoFeedback';
  const excludedKinds: ExcludedKind[] =
    model === 'upwork-2025'
      ? ['clientFlagged', 'pausedForClient', 'zeroClientUnresponsive', 'zeroFiveStars', 'zeroNoFeedback']
      : ['clientFlagged', 'pausedForClient', 'zeroClientUnresponsive'];

  /** A contract of an excluded kind (default-model.md, Step 1). */
  function excludedContract(
    kind: ExcludedKind,
    spec: ContractSpec,
    explicitZero: boolean,
    asOf: number,
    client: string,
  ): Contract {
    const closed = spec.end.kind === 'open' ? { ...spec, end: { kind: 'afterStart' as const, days: 120 } } : spec;
    const zero: ContractSpec = {
      ...spec,
      earnings: explicitZero ? { kind: 'zero' } : { kind: 'absent' },
      payments: explicitZero ? spec.payments : null,
      stars: null,
      privateScore: null,
      disputed: undefined,
      refunded: undefined,
    };
    switch (kind) {
      case 'clientFlagged':
        return resolveContract({ ...spec, clientFlagged: true }, asOf, 'x1', client);
      case 'pausedForClient':
        return resolveContract({ ...spec, pausedForClient: true }, asOf, 'x1', client);
      case 'zeroClientUnresponsive':
        return resolveContract({ ...zero, end: closed.end, endReason: 'client_unresponsive' }, asOf, 'x1', client);
      case 'zeroFiveStars':
        return resolveContract({ ...zero, end: closed.end, stars: 5 }, asOf, 'x1', client);
      case 'zeroNoFeedback':
        return resolveContract(zero, asOf, 'x1', client);
    }
  }

  it('3. adding a contract of an excluded kind changes nothing in score, window and windows', () => {
    fc.assert(
      fc.property(
        memberArb,
        fc.constantFrom(...excludedKinds),
        contractSpecArb,
        fc.boolean(),
        clientChoiceArb,
        fc.nat(),
        (member, kind, spec, explicitZero, client, position) => {
          const extra = excludedContract(kind, spec, explicitZero, dayOfIso(member.asOf), client);
          const contracts = [...member.contracts];
          contracts.splice(position % (contracts.length + 1), 0, extra);
          expect(validateContracts(contracts, member.asOf).ok).toBe(true);
          const before = score(member.contracts, member.asOf, model);
          const after = score(contracts, member.asOf, model);
          const context = JSON.stringify(extra);
          expect(after.score, context).toBe(before.score);
          expect(after.window, context).toBe(before.window);
          expect(after.windows, context).toEqual(before.windows);
          expect(after.contracts.find((contract) => contract.id === 'x1')?.outcome, context).toBe('excluded');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('4. adding a successful contract never lowers a window score or the displayed score', () => {
    fc.assert(
      fc.property(
        memberArb,
        contractSpecArb,
        clientChoiceArb,
        fc.constantFrom<number | null>(null, null, null, 9, 10),
        (member, spec, client, privateScore) => {
          const asOf = dayOfIso(member.asOf);
          const closedSpec: ContractSpec = {
            ...spec,
            end: spec.end.kind === 'open' ? { kind: 'afterStart', days: 30 } : spec.end,
            stars: 5,
            privateScore,
            disputed: undefined,
            refunded: undefined,
            clientFlagged: spec.clientFlagged === true ? false : spec.clientFlagged,
            pausedForClient: spec.pausedForClient === true ? false : spec.pausedForClient,
          };
          const success = resolveContract(closedSpec, asOf, 'x1', client);
          // Earnings > 0: when nothing was paid (then the payments' total is 0), make it $100.
          const paid = (success.payments ?? []).reduce((sum, payment) => sum + payment.amount, 0);
          if ((success.earnings ?? paid) <= 0) success.earnings = 100;
          const contracts = [...member.contracts, success];
          expect(validateContracts(contracts, member.asOf).ok).toBe(true);
          const before = score(member.contracts, member.asOf, model);
          const after = score(contracts, member.asOf, model);
          const context = JSON.stringify(success);
          expect(after.contracts.find((contract) => contract.id === 'x1')?.outcome, context).toBe('success');
          const scoresBefore = windowScores(before);
          const scoresAfter = windowScores(after);
          for (const key of [...WINDOW_KEYS, 'trending'] as const) {
            const was = scoresBefore[key];
            const now = scoresAfter[key];
            if (was === null || now === null) continue;
            expect(now, `${key} ${context}`).toBeGreaterThanOrEqual(was);
          }
          if (before.score !== null) {
            expect(after.score, context).not.toBeNull();
            expect(after.score as number, context).toBeGreaterThanOrEqual(before.score);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('5. the forecast equals re-scoring the frozen contracts on every later day', () => {
    fc.assert(
      fc.property(memberArb, (member) => {
        const forecast = forecastContracts(member.contracts, member.asOf, { model });
        const frozen = freezeAt(member.contracts, member.asOf);
        const asOf = parseDay(member.asOf) as number;
        const until = parseDay(forecast.until) as number;
        expect(forecast.until).toBe(isoOf(shiftMonths(dayOfIso(member.asOf), 12)));
        // Freezing changes nothing on the as-of date itself.
        const now = score(member.contracts, member.asOf, model);
        expect(forecast.score).toBe(now.score);
        expect(forecast.window).toBe(now.window);
        expect(score(frozen, member.asOf, model).score).toBe(now.score);

        const changeDays = forecast.changes.map((change) => parseDay(change.date) as number);
        for (let i = 0; i < changeDays.length; i++) {
          const day = changeDays[i] as number;
          expect(day).toBeGreaterThan(i === 0 ? asOf : (changeDays[i - 1] as number));
          expect(day).toBeLessThanOrEqual(until);
          const change = forecast.changes[i]!;
          const rescored = score(frozen, change.date, model);
          expect(rescored.score, change.date).toBe(change.score);
          expect(rescored.window, change.date).toBe(change.window);
          expect(change.band).toBe(change.score === null ? null : expectedBand(change.score));
          expect(change.score).not.toBe(i === 0 ? forecast.score : forecast.changes[i - 1]!.score);
        }
        let next = 0;
        let expected = forecast.score;
        for (let day = asOf + 1; day <= until; day++) {
          while (next < changeDays.length && (changeDays[next] as number) <= day)
            expected = forecast.changes[next++]!.score;
          const rescored = score(frozen, day, model).score;
          if (rescored !== expected) {
            expect.fail(
              `re-scoring on ${formatDay(day)} gives ${rescored}, the forecast says ${expected} (changes: ${JSON.stringify(forecast.changes.map((c) => [c.date, c.score]))})`,
            );
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('7. the planner: n new successful contracts reach the target and n − 1 do not', () => {
    const targetArb = fc.oneof(fc.constantFrom(80, 90, 90, 95, 100), fc.integer({ min: 1, max: 100 }));
    const earningsArb = fc.option(fc.constantFrom(0, 50, 250, 250.01, 1000, 1000.01, 3000), {
      nil: undefined,
      freq: 3,
    });
    let exercised = 0;
    fc.assert(
      fc.property(memberArb, targetArb, earningsArb, (member, target, earnings) => {
        const plan = planContracts(
          member.contracts,
          member.asOf,
          earnings === undefined ? { target } : { target, earnings },
          { model },
        );
        const current = score(member.contracts, member.asOf, model);
        expect(plan.score).toBe(current.score);
        const already = current.score !== null && current.score >= target;
        expect(plan.contractsNeeded === 0).toBe(already);
        const n = plan.contractsNeeded;
        if (n === null || n === 0) return;
        exercised++;
        const added = (count: number): Contract[] =>
          Array.from({ length: count }, (_, index) => ({
            id: `plan${index + 1}`,
            client: newClientName(index + 1),
            type: 'fixed',
            start: member.asOf,
            end: member.asOf,
            earnings: plan.earnings,
            stars: 5,
          }));
        const reached = score([...member.contracts, ...added(n)], member.asOf, model).score;
        expect(reached, `n = ${n}, earnings ${plan.earnings}`).not.toBeNull();
        expect(reached as number, `n = ${n}, earnings ${plan.earnings}`).toBeGreaterThanOrEqual(target);
        const short = score([...member.contracts, ...added(n - 1)], member.asOf, model).score;
        expect(short === null || short < target, `n − 1 = ${n - 1} gives ${short}`).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(exercised).toBeGreaterThan(20);
  });
});

describe('6. date arithmetic on day numbers', () => {
  const first = dayOf(1990, 1, 1);
  const last = dayOf(2100, 12, 31);
  const dayArb = fc.oneof(
    fc.integer({ min: first, max: last }),
    fc
      .record({
        year: fc.integer({ min: 1990, max: 2100 }),
        month: fc.integer({ min: 1, max: 12 }),
        dom: fc.integer({ min: 27, max: 31 }),
      })
      .map(({ year, month, dom }) => Math.min(dayOf(year, month, dom), dayOf(year, month + 1, 1) - 1)),
    fc.integer({ min: 1990, max: 2100 }).map((year) => dayOf(year, 2, 28) + (year % 4 === 0 && year !== 2100 ? 1 : 0)),
  );
  /** A day number as a local Date, the way date-fns computes. */
  const toLocal = (day: number) => {
    const [year, month, dom] = ymdOf(day);
    return new Date(year, month - 1, dom);
  };
  const fromLocal = (date: Date) => dayOf(date.getFullYear(), date.getMonth() + 1, date.getDate());

  it('addMonths/subMonths agree with date-fns for 1990–2100 and offsets −30..30', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -30, max: 30 }), (day, months) => {
        expect(addMonths(day, months)).toBe(fromLocal(dfAddMonths(toLocal(day), months)));
        expect(subMonths(day, months)).toBe(fromLocal(dfSubMonths(toLocal(day), months)));
      }),
      { numRuns: 3000 },
    );
  });

  it('parseDay(formatDay(d)) === d, and formatDay is the ISO calendar date', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        expect(formatDay(day)).toBe(isoOf(day));
        expect(parseDay(formatDay(day))).toBe(day);
      }),
      { numRuns: 3000 },
    );
  });

  it('firstDayOutsideWindow(ref, n) is the smallest D with subMonths(D, n) > ref', () => {
    const monthsArb = fc.oneof(fc.constantFrom(3, 6, 12, 24), fc.integer({ min: 1, max: 30 }));
    fc.assert(
      fc.property(dayArb, monthsArb, (reference, months) => {
        const outside = firstDayOutsideWindow(reference, months);
        // date-fns' subMonths is non-decreasing in the date, so "smallest" means: D is out, D − 1 is in.
        expect(fromLocal(dfSubMonths(toLocal(outside), months))).toBeGreaterThan(reference);
        expect(fromLocal(dfSubMonths(toLocal(outside - 1), months))).toBeLessThanOrEqual(reference);
      }),
      { numRuns: 3000 },
    );
  });

  // Not one of the brief's properties, but the same month arithmetic decides long-term work and the
  // duration bonus (default-model.md, Steps 1.5 and 3), computed there without a loop.
  it('wholeMonthsBetween and the contract weight agree with date-fns month arithmetic', () => {
    const spanArb = fc.oneof(
      fc.integer({ min: 0, max: 1200 }),
      fc.record({ months: fc.integer({ min: 0, max: 30 }), delta: fc.integer({ min: -3, max: 3 }) }),
    );
    const earningsArb = fc.oneof(
      fc.constantFrom(0, 0.01, 250, 250.01, 1000, 1000.01),
      fc.integer({ min: 0, max: 50_000 }),
    );
    fc.assert(
      fc.property(dayArb, spanArb, earningsArb, (from, span, earnings) => {
        const to =
          typeof span === 'number'
            ? from + span
            : Math.max(from, fromLocal(dfAddMonths(toLocal(from), span.months)) + span.delta);
        const fits = (months: number) => fromLocal(dfAddMonths(toLocal(from), months)) <= to;
        let whole = 0;
        while (fits(whole + 1)) whole++;
        expect(wholeMonthsBetween(from, to)).toBe(whole);
        let periods = 0;
        while (fits(3 * (periods + 1))) periods++;
        const tier = earnings <= 250 ? 1 : earnings <= 1000 ? 1.25 : 1.5;
        const paid = earnings > 0;
        expect(contractWeight(earnings, from, paid ? to : null, PRESETS['upwork-2025'])).toBe(
          Math.min(8, tier + (paid ? periods : 0)),
        );
        expect(contractWeight(earnings, from, paid ? to : null, PRESETS['upwork-2015'])).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });
});

// Keep the exported list of presets and the tested ones in step.
it('tests every shipped preset', () => {
  expect([...MODEL_NAMES].sort()).toEqual([...MODELS].sort());
});
