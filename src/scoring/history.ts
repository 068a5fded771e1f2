// The estimate for a past day, from what was known on that day: contracts that had started,
// payments made by then, and contracts ended by then with their feedback (feedback is taken as
// known from the end date). Recorded Upwork scores are compared with these estimates.

import type { ModelOptions } from './params.ts';
import type { Contract } from './types.ts';

/** The contracts as the member would have described them on `day`. */
export function contractsKnownOn(contracts: readonly Contract[], day: string): Contract[] {
  void contracts;
  void day;
  throw new Error('not implemented yet');
}

/** The displayed score on `day`, computed from what was known that day; null when none. */
export function estimateOn(contracts: readonly Contract[], day: string, options: ModelOptions = {}): number | null {
  void contracts;
  void day;
  void options;
  throw new Error('not implemented yet');
}
