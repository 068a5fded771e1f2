// How close the estimate comes to the scores members recorded, over a set of members.

import type { ModelOptions } from './params.ts';
import type { Contract, Observation } from './types.ts';

export interface AccuracyFigures {
  /** Recorded days compared. */
  days: number;
  /** Share (0–1) of days where the estimate equals the recorded score. */
  exact: number;
  /** Share (0–1) of days within 2 points. */
  within2: number;
  /** Mean of |estimate − recorded|; a day with no estimate counts as 100 off; null with no days. */
  meanAbsoluteError: number | null;
}

export function accuracyOf(
  members: readonly { contracts: readonly Contract[]; observations: readonly Observation[] }[],
  options: ModelOptions = {},
): AccuracyFigures {
  void members;
  void options;
  throw new Error('not implemented yet');
}
