// How close each preset's estimates come to the scores the community's members recorded: figures
// over every recording member at once, never anyone's own numbers or name.

import { modelOptionsOf } from '../contracts/model-options.ts';
import type { Community, Store } from '../ports/store.ts';
import type { CommunityAccuracy, PresetAccuracy } from '../replies/accuracy.ts';
import { accuracyOf, MODEL_NAMES } from '../scoring/index.ts';

export async function communityAccuracy(store: Store, community: Community): Promise<CommunityAccuracy> {
  const recorded = await store.observationsInCommunity(community.id);
  const contracts = await store.listContractsOf([...recorded.keys()]);
  const members = [...recorded].map(([memberId, observations]) => ({
    contracts: contracts.get(memberId) ?? [],
    observations,
  }));
  const presets: PresetAccuracy[] = MODEL_NAMES.map((model) => ({ model, figures: accuracyOf(members, { model }) }));
  if (Object.keys(community.params).length > 0) {
    presets.push({ model: 'this community', figures: accuracyOf(members, modelOptionsOf(community)) });
  }
  return { members: members.length, presets };
}
