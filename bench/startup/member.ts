// The member the start-up benchmark's console bot knows: ~20 contracts, imported once into a data
// folder (or database) that every run then starts from.

import { makeMember, seededRandom } from '../members.ts';

export const BENCH_AS_OF = '2026-11-22';
export const BENCH_USER = 'bench';
export const BENCH_CONTRACTS = 20;

/** The JSON file body of `import` for the benchmark member. */
export function memberImportBody(): string {
  return JSON.stringify({ contracts: makeMember(BENCH_CONTRACTS, BENCH_AS_OF, seededRandom(20)) });
}

/** A day's worth of commands a member might type: read-mostly, with a few writes. */
export const COMMAND_MIX = [
  'score',
  'list',
  'why',
  'longterm',
  'forecast',
  'plan',
  'tips',
  'stats',
  'whatif stars:5',
  'help',
];

export function commandLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => COMMAND_MIX[i % COMMAND_MIX.length] as string);
}
