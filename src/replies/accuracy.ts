// The reply of `accuracy`, and the short form `config` shows beside the preset: figures over the
// community's recording members, no names and no one's own numbers.

import type { AccuracyFigures, ModelName } from '../scoring/index.ts';
import { num, plural } from './format.ts';
import { reply, type Reply } from './reply.ts';

export interface PresetAccuracy {
  /** A preset, or "this community" when the community overrides parameters. */
  model: ModelName | 'this community';
  figures: AccuracyFigures;
}

export interface CommunityAccuracy {
  /** Members who recorded at least one score. */
  members: number;
  presets: PresetAccuracy[];
}

function share(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** "exact 62%, within 2 points 88%, mean error 1.4 (120 days)" */
export function accuracyLine({ figures }: PresetAccuracy): string {
  if (figures.days === 0) return 'no recorded days yet';
  return `exact ${share(figures.exact)}, within 2 points ${share(figures.within2)}, mean error ${figures.meanAbsoluteError === null ? '—' : num(figures.meanAbsoluteError)} (${plural(figures.days, 'day')})`;
}

export function accuracyReply(accuracy: CommunityAccuracy, current: string): Reply {
  if (accuracy.members === 0) {
    return reply('info', 'No accuracy figures yet', {
      summary:
        'They come from the scores members record with "actual" (what Upwork shows them). Nobody in this community has recorded one yet.',
    });
  }
  return reply('info', 'How close the estimates come to Upwork', {
    summary: `Over ${plural(accuracy.members, 'member')} who recorded the score Upwork showed them, each day compared with the estimate for that day. This community uses ${current}.`,
    blocks: [
      {
        type: 'table',
        columns: ['model', 'days', 'exact', 'within 2', 'mean error'],
        rows: accuracy.presets.map(({ model, figures }) => [
          model,
          String(figures.days),
          figures.days === 0 ? '—' : share(figures.exact),
          figures.days === 0 ? '—' : share(figures.within2),
          figures.meanAbsoluteError === null ? '—' : num(figures.meanAbsoluteError),
        ]),
      },
      {
        type: 'context',
        text: "Figures only: no member is named and nobody's own scores are shown. Admins choose the model with config model:NAME.",
      },
    ],
  });
}
