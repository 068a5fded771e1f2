// Explains the gap between recorded Upwork scores and the estimate: the smallest set of hidden
// facts (a contract counted as another outcome) that makes every recorded day come out exactly.

import type { ModelOptions } from './params.ts';
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
  /** Sum over recorded days of |score − recorded| (a missing score counts 100); 0 when all match. */
  distance: number;
  /** Plain words, e.g. "c4 (Acme Ltd, 4.6★) counted as neutral, most likely private feedback below 9". */
  text: string;
  /** Chat commands that apply it, e.g. "edit c4 counted:neutral". */
  commands: string[];
}

export interface ExplainResult {
  observations: { date: string; reported: number; estimated: number | null }[];
  /** The estimate already matches every recorded day. */
  fits: boolean;
  /** Most plausible first, at most 5. */
  explanations: Explanation[];
  /** The explanations reproduce every recorded day (false: the nearest one is given). */
  exact: boolean;
  summary: string;
}

export function explainGap(
  contracts: readonly Contract[],
  observations: readonly Observation[],
  options: ModelOptions = {},
): ExplainResult {
  void contracts;
  void observations;
  void options;
  throw new Error('not implemented yet');
}
