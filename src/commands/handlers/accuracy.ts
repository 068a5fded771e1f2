import { accuracyReply } from '../../replies/accuracy.ts';
import { communityAccuracy } from '../accuracy-figures.ts';
import { defineCommand } from '../define.ts';

export const accuracy = defineCommand({
  name: 'accuracy',
  group: 'upwork',
  summary:
    "How close each model preset comes to the scores members recorded (figures only, no names); helps admins pick the community's preset.",
  usage: 'accuracy',
  examples: ['accuracy'],
  args: [],
  writes: false,
  async run({ store, community }) {
    const current = Object.keys(community.params).length > 0 ? `${community.model} with overrides` : community.model;
    return accuracyReply(await communityAccuracy(store, community), current);
  },
});
