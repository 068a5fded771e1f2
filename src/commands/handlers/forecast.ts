import { forecastReply } from '../../replies/score.ts';
import { analyzeMember, pastOfMember } from '../scoring.ts';
import { defineCommand } from '../define.ts';

export const forecast = defineCommand({
  name: 'forecast',
  summary: 'Every date in the next 12 months your score changes if nothing new happens, and why.',
  usage: 'forecast',
  examples: ['forecast'],
  args: [],
  writes: false,
  async run(run) {
    const analysis = await analyzeMember(run);
    const observations = await run.store.listObservations(run.member.id);
    return forecastReply(analysis.forecast, pastOfMember(run, analysis.contracts, observations));
  },
});
