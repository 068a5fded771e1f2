// Recorded Upwork scores as CSV, beside the contracts' CSV: one row a day, the observation's field
// names as columns. Export then import gives the same records.

import { parse } from 'csv-parse/sync';
import type { Contract, Observation } from '../scoring/types.ts';
import { MAX_OBSERVATIONS, validateObservations, type ObservationsResult } from './observations.ts';

export const OBSERVATION_COLUMNS = ['date', 'score', 'longterm'] as const;

export function observationsToCsv(observations: readonly Observation[]): string {
  const rows = observations.map((observation) =>
    [
      observation.date,
      String(observation.score),
      observation.longterm === null || observation.longterm === undefined ? '' : String(observation.longterm),
    ].join(','),
  );
  return `${[OBSERVATION_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

/** Whether CSV text is recorded scores rather than contracts: its header names date and score and nothing else of theirs. */
export function isObservationsCsv(text: string): boolean {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').split(',').map((name) => name.trim().replace(/^"|"$/g, ''));
  return (
    header.includes('date') &&
    header.includes('score') &&
    header.every((name) => (OBSERVATION_COLUMNS as readonly string[]).includes(name))
  );
}

function problem(message: string): ObservationsResult {
  return { ok: false, problems: [{ position: 0, date: null, field: '', message }] };
}

/** Reads and validates recorded scores against the member's contracts, as the contract file's "observations" are. */
export function parseObservationsCsv(text: string, asOf: string, contracts: readonly Contract[]): ObservationsResult {
  let rows: string[][];
  try {
    rows = parse(text, {
      relax_column_count: false,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 10_000,
    }) as string[][];
  } catch (error) {
    return problem(
      `the CSV cannot be read (${(error as Error).message}); expected comma-separated rows with the header ${OBSERVATION_COLUMNS.join(',')}`,
    );
  }
  const [header, ...records] = rows;
  if (!header) return problem(`expected a header row (${OBSERVATION_COLUMNS.join(',')})`);
  if (records.length > MAX_OBSERVATIONS)
    return problem(`got ${records.length} rows, expected at most ${MAX_OBSERVATIONS}`);
  const observations = records.map((record) => {
    const item: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const raw = record[i] ?? '';
      if (raw === '') return;
      item[column] = column === 'date' ? raw : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    });
    return item;
  });
  return validateObservations(observations, asOf, contracts);
}
