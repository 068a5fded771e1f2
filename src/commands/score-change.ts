// The line that closes the loop after a change: the estimated score before and after it, so a
// member sees at once what their edit, payment, end, removal or import did.

import type { Community } from '../ports/store.ts';
import type { Block } from '../replies/reply.ts';
import { displayedScore, type Contract } from '../scoring/index.ts';
import { modelOptionsOf } from '../contracts/model-options.ts';

export function scoreChangeBlock(
  before: readonly Contract[],
  after: readonly Contract[],
  asOf: string,
  community: Pick<Community, 'model' | 'params'>,
): Block {
  const options = modelOptionsOf(community);
  const was = displayedScore(before, asOf, options).score;
  const now = displayedScore(after, asOf, options).score;
  if (now === null)
    return {
      type: 'text',
      text:
        was === null
          ? 'No Job Success Score yet ("score" says what it needs).'
          : `Your estimated Job Success Score: ${was}% → none (not enough counted contracts now).`,
    };
  if (was === null) return { type: 'text', text: `Your estimated Job Success Score: ${now}% (your first).` };
  return {
    type: 'text',
    text:
      was === now
        ? `Your estimated Job Success Score stays ${now}%.`
        : `Your estimated Job Success Score: ${was}% → ${now}%.`,
  };
}
