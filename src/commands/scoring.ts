// The community's model applied to a member's stored contracts.

import type { Community } from '../../db/store.ts';
import { analyze, type Analysis, type ModelOptions } from '../scoring/index.ts';
import type { Contract } from '../scoring/types.ts';
import type { CommandRun } from './types.ts';

export function modelOptionsOf(community: Community): ModelOptions {
  return Object.keys(community.params).length > 0 ? { model: community.model, params: community.params } : { model: community.model };
}

export async function analyzeMember(run: CommandRun, contracts?: Contract[]): Promise<Analysis & { contracts: Contract[] }> {
  const own = contracts ?? (await run.store.listContracts(run.member.id));
  return { ...analyze(own, run.ctx.asOf, modelOptionsOf(run.community), {}), contracts: own };
}
