// Recorded Upwork scores arriving by import: checked like `actual` checks one, then recorded
// (a day already recorded is replaced, as a second `actual` that day would).

import type { Store } from '../ports/store.ts';
import { formatObservationProblem, type ObservationsResult } from '../contracts/observations.ts';
import { errorReply } from '../replies/reply.ts';
import type { Observation } from '../scoring/types.ts';
import { CommandError } from './types.ts';

/** The checked observations, or a CommandError listing (the first 20) problems. */
export function checkedObservations(result: ObservationsResult): Observation[] {
  if (!result.ok)
    throw new CommandError(
      errorReply(result.problems.slice(0, 20).map(formatObservationProblem), 'Nothing was imported.'),
    );
  return result.observations;
}

/** Records each day; `replace` first deletes every score the member recorded before. */
export async function recordObservations(
  store: Store,
  memberId: number,
  observations: readonly Observation[],
  replace: boolean,
): Promise<void> {
  if (replace) await store.deleteAllObservations(memberId);
  for (const observation of observations) await store.recordObservation(memberId, observation);
}
