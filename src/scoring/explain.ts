// Explains the gap between recorded Upwork scores and the estimate: the smallest set of hidden
// facts (a contract counted as another outcome) that makes every recorded day come out exactly.
// Each recorded day is prepared once; a trial only moves the changed contracts' weights (trial.ts).

import {
  CANDIDATE_RULES,
  countedOutcomeOf,
  describeContract,
  describeOutcome,
  OUTCOME_CODE,
  type CandidateContext,
} from './explain-candidates.ts';
import type { ModelOptions } from './params.ts';
import { MISSING, type PreparedContract } from './prepare.ts';
import {
  missingExcessiveOn,
  prepareRecordedDay,
  scoreWithChanges,
  type RecordedDay,
  type TrialChange,
} from './trial.ts';
import type { Contract, CountedOutcome, Observation } from './types.ts';

export interface ExplanationChange {
  id: string;
  /** The outcome the model derived on the latest recorded day. */
  from: CountedOutcome;
  to: CountedOutcome;
}

export interface Explanation {
  changes: ExplanationChange[];
  /** Displayed scores on the recorded days with the changes applied. */
  scores: { date: string; score: number | null }[];
  /** Sum over recorded days of |score − recorded| (no score counts as 100 off); 0 when all match. */
  distance: number;
  /** Plain words, e.g. "Upwork's 87% on 2026-11-20 fits one hidden fact: c4 (Acme Ltd, 4.6★) counted as neutral, …". */
  text: string;
  /** Chat commands that apply it, e.g. "edit c4 counted:neutral". */
  commands: string[];
}

export interface ExplainResult {
  observations: { date: string; reported: number; estimated: number | null }[];
  /** The estimate already matches every recorded day. */
  fits: boolean;
  /** Most plausible first, at most 5; when not exact, the single nearest one (if any comes nearer). */
  explanations: Explanation[];
  /** The explanations reproduce every recorded day (false: none of up to MAX_CHANGES does). */
  exact: boolean;
  summary: string;
  /** False when the trial budget ran out before every set up to MAX_CHANGES was tried. */
  complete: boolean;
}

export const MAX_CHANGES = 3;
export const MAX_EXPLANATIONS = 5;
/** Day scorings allowed per pass (about 0.3 s): a 3-fact search over hundreds of contracts is cut short, and says so. */
export const TRIAL_BUDGET = 1_000_000;

/** One hidden fact the search may assume, with its plausibility (lower is more plausible). */
export interface Candidate {
  contract: number;
  id: string;
  from: CountedOutcome;
  to: CountedOutcome;
  rank: number;
  likely: string;
  change: TrialChange;
}

/** |estimate − recorded| with no score counted as 100 off. */
function dayDistance(score: number | null, reported: number): number {
  return score === null ? 100 : Math.abs(score - reported);
}

/** Every hidden fact that changes some recorded day's totals, most plausible first. */
export function candidatesFor(contracts: readonly Contract[], days: readonly RecordedDay[]): Candidate[] {
  const latest = days[days.length - 1];
  if (!latest) return [];
  const params = latest.member.model.params;
  const candidates: Candidate[] = [];
  contracts.forEach((contract, index) => {
    // What the member recorded is known, not hidden.
    if (contract.counted != null) return;
    const p = latest.indexOf[index] as number;
    if (p < 0) return;
    const prepared = latest.member.contracts[p] as PreparedContract;
    const w = latest.windows[p] as number;
    const from = countedOutcomeOf(
      latest.codes[p] as number,
      latest.codes[p] === MISSING && missingExcessiveOn(latest, w < 0 ? 3 : w),
    );
    const context: CandidateContext = { contract, prepared, from, latestDay: latest.day, params };
    const offered = new Set<CountedOutcome>();
    CANDIDATE_RULES.forEach((rule, rank) => {
      for (const to of rule.targets(context)) {
        if (to === from || offered.has(to)) continue;
        offered.add(to);
        const change: TrialChange = { contract: index, code: OUTCOME_CODE[to] };
        if (!days.some((day) => changesTotals(day, change))) continue;
        candidates.push({ contract: index, id: contract.id, from, to, rank, likely: rule.likely(context, to), change });
      }
    });
  });
  return candidates.sort((a, b) => a.rank - b.rank || a.contract - b.contract);
}

function changesTotals(day: RecordedDay, change: TrialChange): boolean {
  const p = day.indexOf[change.contract] as number;
  return p >= 0 && day.overridable[p] === 1 && (day.windows[p] as number) >= 0 && day.codes[p] !== change.code;
}

interface Found {
  picks: number[];
  distance: number;
  rankSum: number;
}

function better(a: Found, b: Found): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.picks.length !== b.picks.length) return a.picks.length < b.picks.length;
  if (a.rankSum !== b.rankSum) return a.rankSum < b.rankSum;
  for (let i = 0; i < a.picks.length; i++)
    if (a.picks[i] !== b.picks[i]) return (a.picks[i] as number) < (b.picks[i] as number);
  return false;
}

/**
 * Searches sets of 1, 2, then 3 hidden facts. `exactOnly`: every exact fit of the first size that
 * has one (a set is dropped at its first day that does not match, which is most sets on the
 * first day). Otherwise the nearest set, dropping a set once its distance passes the best so far.
 */
function search(
  days: readonly RecordedDay[],
  candidates: readonly Candidate[],
  baseDistance: number,
  exactOnly: boolean,
) {
  const fits: Found[] = [];
  let nearest: Found | null = null;
  let bound = exactOnly ? 0 : baseDistance;
  let trials = 0;
  let complete = true;
  const changes: TrialChange[] = [];
  const picks: number[] = [];

  const tryCurrent = () => {
    let distance = 0;
    for (const day of days) {
      trials++;
      distance += dayDistance(scoreWithChanges(day, changes, changes.length), day.reported);
      if (distance > bound) return;
    }
    let rankSum = 0;
    for (const pick of picks) rankSum += (candidates[pick] as Candidate).rank;
    const found: Found = { picks: [...picks], distance, rankSum };
    if (distance === 0) fits.push(found);
    else if (nearest === null || better(found, nearest)) {
      nearest = found;
      bound = distance;
    }
  };

  const extend = (from: number, size: number): void => {
    if (picks.length === size) return tryCurrent();
    for (let i = from; i < candidates.length; i++) {
      if (trials > TRIAL_BUDGET) {
        complete = false;
        return;
      }
      const candidate = candidates[i] as Candidate;
      // One fact per contract: two outcomes for the same contract cannot both hold.
      if (picks.some((pick) => (candidates[pick] as Candidate).contract === candidate.contract)) continue;
      picks.push(i);
      changes.push(candidate.change);
      extend(i + 1, size);
      picks.pop();
      changes.pop();
    }
  };

  for (let size = 1; size <= MAX_CHANGES && fits.length === 0 && complete; size++) extend(0, size);
  fits.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return { fits: fits.slice(0, MAX_EXPLANATIONS), nearest: nearest as Found | null, complete };
}

const COUNT_WORDS = ['no', 'one', 'two', 'three'];

function countWord(count: number): string {
  return COUNT_WORDS[count] ?? String(count);
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function recordedWords(days: readonly RecordedDay[]): string {
  return `Upwork's ${listWords(days.map((day) => `${day.reported}% on ${day.date}`))}`;
}

function factWords(candidate: Candidate, contracts: readonly Contract[]): string {
  return `${describeContract(contracts[candidate.contract] as Contract)} ${describeOutcome(candidate.to)}, ${candidate.likely}`;
}

function explanationOf(
  found: Found,
  exact: boolean,
  days: readonly RecordedDay[],
  candidates: readonly Candidate[],
  contracts: readonly Contract[],
): Explanation {
  const chosen = found.picks.map((pick) => candidates[pick] as Candidate);
  const changes = chosen.map((candidate) => candidate.change);
  const facts = chosen.map((candidate) => factWords(candidate, contracts)).join('; ');
  const size = chosen.length;
  const text = exact
    ? `${recordedWords(days)} ${days.length === 1 ? 'fits' : 'fit'} ${countWord(size)} hidden fact${size === 1 ? '' : 's'}: ${facts}.`
    : `Nothing of up to ${MAX_CHANGES} hidden facts fits ${recordedWords(days)}; the nearest (${found.distance} point${found.distance === 1 ? '' : 's'} off in all): ${facts}.`;
  return {
    changes: chosen.map((candidate) => ({ id: candidate.id, from: candidate.from, to: candidate.to })),
    scores: days.map((day) => ({ date: day.date, score: scoreWithChanges(day, changes, changes.length) })),
    distance: found.distance,
    text,
    commands: chosen.map((candidate) => `edit ${candidate.id} counted:${candidate.to}`),
  };
}

export function explainGap(
  contracts: readonly Contract[],
  observations: readonly Observation[],
  options: ModelOptions = {},
): ExplainResult {
  const sorted = [...observations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const days = sorted.map((observation) => prepareRecordedDay(contracts, observation, options));
  const shown = days.map((day) => ({ date: day.date, reported: day.reported, estimated: day.estimated }));
  if (days.length === 0) {
    return {
      observations: [],
      fits: true,
      explanations: [],
      exact: true,
      complete: true,
      summary: 'No recorded scores to explain: add the score Upwork shows, with its date.',
    };
  }
  const baseDistance = days.reduce((sum, day) => sum + dayDistance(day.estimated, day.reported), 0);
  if (baseDistance === 0) {
    return {
      observations: shown,
      fits: true,
      explanations: [],
      exact: true,
      complete: true,
      summary: `The estimate matches ${recordedWords(days)}: nothing to explain.`,
    };
  }
  const candidates = candidatesFor(contracts, days);
  const { fits, complete: searchedAll } = search(days, candidates, baseDistance, true);
  // The nearest set is only needed when nothing fits: a second, bounded pass.
  const { nearest, complete: nearestSearched } =
    fits.length === 0 ? search(days, candidates, baseDistance, false) : { nearest: null, complete: true };
  const complete = searchedAll && nearestSearched;
  if (fits.length > 0) {
    const explanations = fits.map((found) => explanationOf(found, true, days, candidates, contracts));
    const others = explanations.length - 1;
    const more =
      others === 0
        ? ''
        : others === 1
          ? ' One other explanation of the same size also fits.'
          : ` ${others} other explanations of the same size also fit.`;
    const summary = `${(explanations[0] as Explanation).text}${more}`;
    return { observations: shown, fits: false, explanations, exact: true, complete, summary };
  }
  const cut = complete ? '' : ' (the search was cut short: too many contracts to try every set)';
  if (nearest === null) {
    return {
      observations: shown,
      fits: false,
      explanations: [],
      exact: false,
      complete,
      summary: `No hidden fact of up to ${MAX_CHANGES} brings the estimate nearer to ${recordedWords(days)}${cut}.`,
    };
  }
  const explanation = explanationOf(nearest, false, days, candidates, contracts);
  return {
    observations: shown,
    fits: false,
    explanations: [explanation],
    exact: false,
    complete,
    summary: `${explanation.text}${cut}`,
  };
}

/** The hidden facts the search would try for these recorded days (for tests and tools). */
export function explainCandidates(
  contracts: readonly Contract[],
  observations: readonly Observation[],
  options: ModelOptions = {},
): Candidate[] {
  const sorted = [...observations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return candidatesFor(
    contracts,
    sorted.map((observation) => prepareRecordedDay(contracts, observation, options)),
  );
}
