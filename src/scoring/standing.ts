// STUB (to be made precise): a member's leaderboard standing and the last day it holds.

import { formatDay, toDay, type Day } from './dates.ts';
import type { ModelOptions } from './params.ts';
import { scoreContracts } from './score.ts';
import type { Contract, ScoreReport } from './types.ts';

export interface Standing {
  score: number | null;
  window: ScoreReport['window'];
  longTermPercent: number | null;
  /** Counted outcomes in the window the score comes from (the 24-month window without a score). */
  outcomes: number;
  /** The last day on which re-scoring, with nothing new recorded, gives this same standing. */
  validUntil: string;
}

export function standingOf(contracts: readonly Contract[], asOf: string | Day, options: ModelOptions = {}): Standing {
  const report = scoreContracts(contracts, asOf, options);
  return {
    score: report.score,
    window: report.window,
    longTermPercent: report.longTerm.percent,
    outcomes: report.windows[report.contractsWindow].outcomes,
    validUntil: formatDay(typeof asOf === 'string' ? toDay(asOf) : asOf),
  };
}
