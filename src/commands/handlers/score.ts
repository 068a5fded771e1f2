import { scoreReply } from '../../replies/score.ts';
import { gapLine } from '../../replies/actual.ts';
import { estimateOn } from '../../scoring/index.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { analyzeMember, pastOfMember } from '../scoring.ts';
import { defineCommand } from '../define.ts';

export const score = defineCommand({
  name: 'score',
  summary: 'Your estimated Job Success Score, its windows, long-term clients and top tips.',
  usage: 'score',
  examples: ['score'],
  args: [],
  writes: false,
  async run(run) {
    const analysis = await analyzeMember(run);
    const observations = await run.store.listObservations(run.member.id);
    const answer = scoreReply(
      analysis.score,
      analysis.tips,
      analysis.forecast,
      false,
      pastOfMember(run, analysis.contracts, observations),
    );
    // The latest score the member recorded, against the estimate for that day: one line when they differ.
    const latest = observations.at(-1);
    const gap = latest && gapLine(latest, estimateOn(analysis.contracts, latest.date, modelOptionsOf(run.community)));
    return gap
      ? {
          ...answer,
          blocks: [...answer.blocks, gap],
          actions: [...answer.actions, { label: 'Explain the gap', command: 'explain' }],
        }
      : answer;
  },
});
