// How close the estimate comes to the scores members recorded, over a set of members: what a
// community looks at before it tunes a preset (e.g. graded values) to its members' experience.

import { estimateOn } from './history.ts';
import { MODEL_NAMES, type ModelName, type ModelOptions, type ModelParams } from './params.ts';
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

export interface MemberRecord {
  contracts: readonly Contract[];
  observations: readonly Observation[];
}

export function accuracyOf(members: readonly MemberRecord[], options: ModelOptions = {}): AccuracyFigures {
  let days = 0;
  let exact = 0;
  let within2 = 0;
  let errors = 0;
  for (const member of members) {
    for (const observation of member.observations) {
      const estimate = estimateOn(member.contracts, observation.date, options);
      const error = estimate === null ? 100 : Math.abs(estimate - observation.score);
      days++;
      if (error === 0) exact++;
      if (error <= 2) within2++;
      errors += error;
    }
  }
  if (days === 0) return { days: 0, exact: 0, within2: 0, meanAbsoluteError: null };
  return { days, exact: exact / days, within2: within2 / days, meanAbsoluteError: errors / days };
}

/** The figures for every preset, with the same parameter overrides on each. */
export function accuracyByPreset(
  members: readonly MemberRecord[],
  params?: Partial<ModelParams>,
): Record<ModelName, AccuracyFigures> {
  const figures = {} as Record<ModelName, AccuracyFigures>;
  for (const model of MODEL_NAMES) figures[model] = accuracyOf(members, params ? { model, params } : { model });
  return figures;
}
