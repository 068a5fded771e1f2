// The community's model applied to a member's stored contracts.

import { modelOptionsOf } from '../contracts/model-options.ts';
import { analyze, pastScores, type Analysis, type PastScores } from '../scoring/index.ts';
import type { Contract, Observation } from '../scoring/types.ts';
import type { CommandRun } from './types.ts';

export async function analyzeMember(
  run: CommandRun,
  contracts?: Contract[],
): Promise<Analysis & { contracts: Contract[] }> {
  const own = contracts ?? (await run.store.listContracts(run.member.id));
  return { ...analyze(own, run.ctx.asOf, modelOptionsOf(run.community), {}), contracts: own };
}

/** The chart's past 16 weeks: the member's weekly estimates and the scores they recorded then. */
export function pastOfMember(
  run: CommandRun,
  contracts: readonly Contract[],
  observations: readonly Observation[],
): PastScores {
  return pastScores(contracts, observations, run.ctx.asOf, modelOptionsOf(run.community));
}
