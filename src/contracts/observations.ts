// Validates the scores a member saw on Upwork ("observations"): shared by the chat commands and
// the CLI, so both say the same thing about the same mistake. Each problem names the field.

import { z } from 'zod';
import { parseDay } from '../scoring/dates.ts';
import type { Contract, Observation } from '../scoring/types.ts';
import { dateSchema } from './schema.ts';
import { showValue } from './validate.ts';

/** Far above a year of daily readings; keeps the explain search's input small. */
export const MAX_OBSERVATIONS = 400;

const percent = (name: string) =>
  z
    .number({ error: `expected ${name} as a whole percentage from 0 to 100` })
    .int({ error: `expected ${name} as a whole percentage from 0 to 100` })
    .min(0, { error: `expected ${name} from 0 to 100` })
    .max(100, { error: `expected ${name} from 0 to 100` });

export const observationSchema = z.strictObject(
  {
    date: dateSchema,
    score: percent('score'),
    longterm: percent('longterm').nullish(),
  },
  { error: 'expected an observation as {"date": "YYYY-MM-DD", "score": 0–100, "longterm"?: 0–100}' },
);

export interface ObservationProblem {
  /** 1-based position in the list; 0 for the list as a whole. */
  position: number;
  date: string | null;
  /** "date", "score", "longterm", or empty for the observation itself. */
  field: string;
  message: string;
}

export type ObservationsResult = { ok: true; observations: Observation[] } | { ok: false; problems: ObservationProblem[] };

/** The first day of the member's history: the earliest contract start. */
function firstStart(contracts: readonly Contract[]): number | null {
  let first: number | null = null;
  for (const contract of contracts) {
    const day = parseDay(contract.start);
    if (day !== undefined && (first === null || day < first)) first = day;
  }
  return first;
}

/**
 * Checks recorded scores against the as-of date and the member's contracts: a score is a whole
 * 0–100, its date is real, not in the future and not before the first contract; one per day.
 * The result is sorted by date.
 */
export function validateObservations(raw: unknown, asOf: string, contracts: readonly Contract[]): ObservationsResult {
  void raw;
  void asOf;
  void contracts;
  void firstStart;
  void observationSchema;
  void showValue;
  throw new Error('not implemented yet');
}

export function formatObservationProblem(problem: ObservationProblem): string {
  if (problem.position === 0) return problem.message;
  const which = problem.date ? `observation ${problem.position} (${problem.date})` : `observation ${problem.position}`;
  return problem.field ? `${which}, field ${problem.field}: ${problem.message}` : `${which}: ${problem.message}`;
}
