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

export type ObservationsResult =
  | { ok: true; observations: Observation[] }
  | { ok: false; problems: ObservationProblem[] };

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
  if (raw === undefined || raw === null) return { ok: true, observations: [] };
  if (!Array.isArray(raw)) {
    return {
      ok: false,
      problems: [
        {
          position: 0,
          date: null,
          field: 'observations',
          message: `got ${showValue(raw)}, expected a list of {"date", "score", "longterm"?}`,
        },
      ],
    };
  }
  if (raw.length > MAX_OBSERVATIONS) {
    return {
      ok: false,
      problems: [
        {
          position: 0,
          date: null,
          field: 'observations',
          message: `got ${raw.length} observations, expected at most ${MAX_OBSERVATIONS}`,
        },
      ],
    };
  }
  const problems: ObservationProblem[] = [];
  const observations: Observation[] = [];
  const asOfDay = parseDay(asOf);
  const first = firstStart(contracts);
  const positionOfDate = new Map<string, number>();
  raw.forEach((item, index) => {
    const position = index + 1;
    const dateGiven = item !== null && typeof item === 'object' ? (item as { date?: unknown }).date : undefined;
    const date = typeof dateGiven === 'string' ? dateGiven.slice(0, 10) : null;
    const parsed = observationSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          problems.push({
            position,
            date,
            field: issue.keys.join(', '),
            message: `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => showValue(key)).join(', ')}; expected only date, score, longterm`,
          });
          continue;
        }
        const field = issue.path.map(String).join('.');
        const given =
          field && item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field] : item;
        problems.push({ position, date, field, message: `got ${showValue(given)}, ${issue.message}` });
      }
      return;
    }
    const observation = parsed.data as Observation;
    const day = parseDay(observation.date) as number;
    if (asOfDay !== undefined && day > asOfDay) {
      problems.push({
        position,
        date,
        field: 'date',
        message: `got ${observation.date}, expected a date on or before the as-of date ${asOf}`,
      });
      return;
    }
    if (first !== null && day < first) {
      problems.push({
        position,
        date,
        field: 'date',
        message: `got ${observation.date}, expected a date on or after your first contract's start`,
      });
      return;
    }
    const earlier = positionOfDate.get(observation.date);
    if (earlier !== undefined) {
      problems.push({
        position,
        date,
        field: 'date',
        message: `got ${observation.date} again (observation ${earlier} has it); expected one score a day`,
      });
      return;
    }
    positionOfDate.set(observation.date, position);
    observations.push(observation);
  });
  if (problems.length > 0) return { ok: false, problems };
  observations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, observations };
}

export function formatObservationProblem(problem: ObservationProblem): string {
  if (problem.position === 0) return problem.message;
  const which = problem.date ? `observation ${problem.position} (${problem.date})` : `observation ${problem.position}`;
  return problem.field ? `${which}, field ${problem.field}: ${problem.message}` : `${which}: ${problem.message}`;
}
