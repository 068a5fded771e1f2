// The score report on the as-of date: displayed score, every window, every contract's outcome
// with its reason and weight, and the long-term client score.

import { formatDay, type Day } from './dates.ts';
import {
  computeTotals,
  displayedFromTotals,
  F_CLIENTS,
  F_MISSING_EXCESSIVE,
  F_NEGATIVES,
  F_NEUTRALS,
  F_OUTCOMES,
  F_SUCCESSES,
  F_TOTAL,
  FIELDS,
  isEligible,
  newTotals,
  smallestWindow,
  trendingOf,
  windowCutoffs,
  windowScore,
  bandOf,
} from './evaluate.ts';
import { longTermClients } from './long-term.ts';
import type { ModelOptions, ModelParams } from './params.ts';
import { prepareMember, type PreparedMember } from './prepare.ts';
import { outcomeOn } from './reasons.ts';
import type { Contract, ContractReport, NoScoreReason, ScoreReport, WindowKey, WindowReport } from './types.ts';

const WINDOW_KEYS: readonly WindowKey[] = ['3m', '6m', '12m', '24m'];
/** The windows a contract is in, by the smallest one that holds it (index 4: none); one list per model kind. */
const WINDOWS_FROM: Record<'withTrending' | 'withoutTrending', readonly (readonly WindowKey[])[]> = {
  withTrending: [0, 1, 2, 3, 4].map((smallest) => Object.freeze(WINDOW_KEYS.slice(smallest))),
  withoutTrending: [0, 1, 2, 3, 4].map((smallest) => Object.freeze(WINDOW_KEYS.slice(Math.max(1, smallest)))),
};

function windowReport(totals: Float64Array, w: number, params: ModelParams): WindowReport {
  const inModel = w > 0 || params.trending;
  const base = w * FIELDS;
  const outcomes = totals[base + F_OUTCOMES] as number;
  const clients = totals[base + F_CLIENTS] as number;
  return {
    score: inModel ? windowScore(totals, w, params) : null,
    eligible: inModel && isEligible(totals, w, params),
    inModel,
    successes: totals[base + F_SUCCESSES] as number,
    negatives: totals[base + F_NEGATIVES] as number,
    neutrals: totals[base + F_NEUTRALS] as number,
    total: totals[base + F_TOTAL] as number,
    outcomes,
    clients,
    missingOutcomes: Math.max(0, params.minOutcomes - outcomes),
    missingClients: Math.max(0, params.minClients - clients),
  };
}

function trendingReport(totals: Float64Array, params: ModelParams): ScoreReport['windows']['trending'] {
  const { score, eligible } = trendingOf(totals, params);
  return { score, eligible, inModel: params.trending };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function noScoreReason(window24: WindowReport, params: ModelParams): NoScoreReason {
  const needs: string[] = [];
  if (window24.missingOutcomes > 0) needs.push(plural(window24.missingOutcomes, 'more counted contract'));
  if (window24.missingClients > 0) needs.push(`${plural(window24.missingClients, 'more client')}`);
  const have = `${plural(window24.outcomes, 'counted contract')} from ${plural(window24.clients, 'client')}`;
  const text =
    `No Job Success Score yet: it needs at least ${plural(params.minOutcomes, 'counted contract')} ` +
    `from ${plural(params.minClients, 'different client')} in the last 24 months; you have ${have}, ` +
    `so you need ${needs.join(' and ') || 'more history'}.`;
  return { text, missingOutcomes: window24.missingOutcomes, missingClients: window24.missingClients };
}

// Scratch space for one report at a time (the core is synchronous and single-threaded).
const scratchTotals = newTotals();
const scratchCutoffs = new Float64Array(4);

function contractReports(member: PreparedMember, totals: Float64Array, reportWindow: number): ContractReport[] {
  const { asOf, model } = member;
  const cutoffs = windowCutoffs(asOf, scratchCutoffs);
  const excessive = (totals[reportWindow * FIELDS + F_MISSING_EXCESSIVE] as number) === 1;
  const windowLists = WINDOWS_FROM[model.params.trending ? 'withTrending' : 'withoutTrending'];
  return member.contracts.map((contract) => {
    const smallest = smallestWindow(contract.referenceDay, cutoffs);
    // Shared and frozen: reports never own a copy of the same four lists.
    const windows = windowLists[smallest < 0 ? 4 : smallest] as readonly WindowKey[];
    const { outcome, reason, reasonCode } = outcomeOn(contract, asOf, excessive, model.params);
    return {
      id: contract.id,
      client: contract.client,
      outcome,
      reason,
      reasonCode,
      weight: contract.weight,
      inWindow: smallest >= 0 && smallest <= reportWindow,
      windows,
    };
  });
}

/** The full report for a member already prepared on its as-of date. */
export function reportPrepared(member: PreparedMember): ScoreReport {
  const params = member.model.params;
  const totals = computeTotals(member, member.asOf, scratchTotals);
  const displayed = displayedFromTotals(totals, params);
  const windows = {
    '3m': windowReport(totals, 0, params),
    '6m': windowReport(totals, 1, params),
    '12m': windowReport(totals, 2, params),
    '24m': windowReport(totals, 3, params),
    trending: trendingReport(totals, params),
  };
  // Trending comes from 3m and 6m; its contracts are reported as counted in the 6-month window.
  const contractsWindow: WindowKey =
    displayed.source === null ? '24m' : displayed.source === 'trending' ? '6m' : displayed.source;
  return {
    asOf: formatDay(member.asOf),
    model: member.model.name,
    score: displayed.score,
    window: displayed.source,
    band: displayed.score === null ? null : bandOf(displayed.score),
    noScore: displayed.score === null ? noScoreReason(windows['24m'], params) : null,
    windows,
    contracts: contractReports(member, totals, WINDOW_KEYS.indexOf(contractsWindow)),
    contractsWindow,
    longTerm: longTermClients(member),
  };
}

/** Scores a member's contracts on the as-of date (YYYY-MM-DD) under a model preset. */
export function scoreContracts(
  contracts: readonly Contract[],
  asOf: string | Day,
  options: ModelOptions = {},
): ScoreReport {
  return reportPrepared(prepareMember(contracts, asOf, options));
}
