// Small, hand-computable members for the scoring core's tests. Every expected value in the
// tests is derived by hand from shared/domain/default-model.md; these helpers only build inputs.

import {
  formatDay,
  parseDay,
  scoreContracts,
  type Contract,
  type ContractReport,
  type Day,
  type ModelName,
  type ModelParams,
  type ScoreReport,
} from '../../src/scoring/index.ts';

export const MODELS: readonly ModelName[] = ['upwork-2025', 'upwork-2015'];

let nextId = 1;

/**
 * A contract with defaults that are easy to reason about: hourly, closed, $100 (the lowest
 * value tier, no duration bonus: 1 Jan → 1 Feb is less than 3 months), 5 stars (a success).
 * Pass `null` to remove a default (e.g. `stars: null` for "no feedback", `end: null` for open).
 */
export function contract(fields: Partial<Contract> = {}): Contract {
  return {
    id: fields.id ?? `c${nextId++}`,
    client: fields.client ?? 'Client A',
    type: 'hourly',
    start: '2024-01-01',
    end: '2024-02-01',
    earnings: 100,
    stars: 5,
    ...fields,
  };
}

/** A closed, paid contract with 5 stars that ended on `end` (a success of weight 1 in both presets). */
export function success(id: string, client: string, end: string, fields: Partial<Contract> = {}): Contract {
  return contract({ id, client, start: dayBefore(end, 20), end, earnings: 100, stars: 5, ...fields });
}

/** A closed, paid contract with 1 star that ended on `end` (a negative of weight 1 in both presets). */
export function negative(id: string, client: string, end: string, fields: Partial<Contract> = {}): Contract {
  return contract({ id, client, start: dayBefore(end, 20), end, earnings: 100, stars: 1, ...fields });
}

/** A closed, paid contract with 4 stars that ended on `end` (neutral, weight 1 in both presets). */
export function neutral(id: string, client: string, end: string, fields: Partial<Contract> = {}): Contract {
  return contract({ id, client, start: dayBefore(end, 20), end, earnings: 100, stars: 4, ...fields });
}

/** A closed, paid contract that ended on `end` without feedback, paid for less than 3 months. */
export function missingFeedback(id: string, client: string, end: string, fields: Partial<Contract> = {}): Contract {
  return contract({ id, client, start: dayBefore(end, 20), end, earnings: 100, stars: null, ...fields });
}

export function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new RangeError(`bad test date ${text}`);
  return parsed;
}

function dayBefore(text: string, days: number): string {
  return formatDay(day(text) - days);
}

export interface Options {
  model?: ModelName;
  params?: Partial<ModelParams>;
}

export function score(contracts: readonly Contract[], asOf: string, options: Options = {}): ScoreReport {
  return scoreContracts(contracts, asOf, options);
}

/** The report of the contract with this id. */
export function reportOf(report: ScoreReport, id: string): ContractReport {
  const found = report.contracts.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no contract ${id} in the report`);
  return found;
}

/** The outcome of one contract scored alone (no window is eligible then; outcomes are still reported). */
export function classifyOne(c: Contract, asOf: string, options: Options = {}): ContractReport {
  const report = scoreContracts([c], asOf, options);
  const only = report.contracts[0];
  if (!only) throw new Error('no contract in the report');
  return only;
}
