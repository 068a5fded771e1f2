import { parseParamAssignment } from '../../contracts/model-options.ts';
import { MODEL_NAMES, PRESETS, type ModelParams } from '../../scoring/index.ts';
import { accuracyLine } from '../../replies/accuracy.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { communityAccuracy } from '../accuracy-figures.ts';
import { BOOLEAN, choice, TEXT } from '../args.ts';
import { defineCommand } from '../define.ts';
import { CommandError } from '../types.ts';
import { FORGET_COMMUNITY, forgetCommunity } from './forget-community.ts';

export const config = defineCommand({
  name: 'config',
  summary: "The community's model and leaderboard settings (changes are for admins).",
  usage:
    'config [model:upwork-2025|upwork-2015] [leaderboard:on|off] [param:NAME=VALUE] [reset:params], or config forget-community, then config forget-community confirm:CODE',
  examples: [
    'config',
    'config model:upwork-2015',
    'config leaderboard:off',
    'config param:graceDays=30',
    'config param:neutralValue=0.5',
    'config forget-community',
  ],
  positional: {
    name: FORGET_COMMUNITY,
    kind: { type: 'word', word: FORGET_COMMUNITY },
    description: "delete all of this community's data now, after a confirmation code",
  },
  args: [
    { name: 'model', kind: choice(MODEL_NAMES), description: 'the model preset' },
    { name: 'leaderboard', kind: BOOLEAN, description: 'on or off' },
    { name: 'param', kind: TEXT, description: 'one parameter override, NAME=VALUE' },
    { name: 'reset', kind: choice(['params']), description: 'params: drop every override' },
    { name: 'confirm', kind: TEXT, description: 'the code "config forget-community" gave you' },
  ],
  writes: true,
  adminOnly: { when: 'to-change', refusal: 'only community admins can change settings; "config" alone shows them' },
  async run({ store, clock, community, communityMember: member, args, positionals }) {
    const [word] = positionals;
    if (word !== undefined) {
      if (word.toLowerCase() !== FORGET_COMMUNITY)
        throw new CommandError(
          errorReply(
            `config got ${JSON.stringify(word.slice(0, 40))}; expected ${FORGET_COMMUNITY} or settings such as model:upwork-2015`,
          ),
        );
      return forgetCommunity({ store, clock, community, member, args });
    }
    if (args.confirm !== undefined)
      throw new CommandError(
        errorReply(
          `confirm: only with ${FORGET_COMMUNITY} (config ${FORGET_COMMUNITY} confirm:CODE)`,
          'Nothing was changed.',
        ),
      );
    let current = community;
    if (Object.keys(args).length > 0) {
      let params: Partial<ModelParams> = args.reset === 'params' ? {} : { ...community.params };
      if (typeof args.param === 'string') {
        const parsed = parseParamAssignment(args.param);
        if (!parsed.ok) throw new CommandError(errorReply(`param: ${parsed.message}`));
        params = { ...params, [parsed.name]: parsed.value };
      }
      current = await store.updateCommunity(community.id, {
        ...(args.model !== undefined && { model: args.model }),
        ...(args.leaderboard !== undefined && { leaderboardEnabled: args.leaderboard }),
        params,
      });
      // Scores depend on the model: every leaderboard row is recomputed on the next read.
      if (current.model !== community.model || JSON.stringify(current.params) !== JSON.stringify(community.params)) {
        await store.expireSnapshots({ communityId: community.id });
      }
    }
    const overrides = Object.entries(current.params);
    const preset = PRESETS[current.model];
    // Beside the choice of preset: how close each one comes to what members recorded.
    const accuracy = await communityAccuracy(store, current);
    return reply(Object.keys(args).length > 0 ? 'success' : 'info', 'Community settings', {
      blocks: [
        {
          type: 'fields',
          fields: [
            { label: 'Model', value: current.model },
            { label: 'Leaderboard', value: current.leaderboardEnabled ? 'on' : 'off' },
            {
              label: 'Overrides',
              value:
                overrides.length === 0
                  ? 'none'
                  : overrides
                      .map(
                        ([name, value]) =>
                          `${name}=${JSON.stringify(value)} (preset ${JSON.stringify(preset[name as keyof ModelParams])})`,
                      )
                      .join(', '),
            },
            {
              label: 'Accuracy (recorded scores)',
              value: accuracy.presets.map((row) => `${row.model}: ${accuracyLine(row)}`).join('\n'),
            },
          ],
        },
      ],
    });
  },
});
