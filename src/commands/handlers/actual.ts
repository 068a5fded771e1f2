import type { Store } from '../../ports/store.ts';
import { validateObservations } from '../../contracts/observations.ts';
import { actualListReply, recordedReply, type ComparedDay } from '../../replies/actual.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { estimateOn, type Contract, type ModelOptions, type Observation } from '../../scoring/index.ts';
import { DATE, integer } from '../args.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { defineCommand } from '../define.ts';
import { CommandError } from '../types.ts';

/** "87" or "87%": the whole percentage Upwork shows. */
const SCORE_WORD = /^(\d{1,3})%?$/;

function compared(contracts: readonly Contract[], observation: Observation, options: ModelOptions): ComparedDay {
  return { observation, estimate: estimateOn(contracts, observation.date, options) };
}

function parseScore(word: string): number {
  const match = SCORE_WORD.exec(word.trim());
  const value = match ? Number(match[1]) : NaN;
  if (!(value >= 0 && value <= 100)) {
    throw new CommandError(
      errorReply(
        `score: got ${JSON.stringify(word.slice(0, 40))}, expected the Job Success Score Upwork shows, a whole percentage from 0 to 100 (or "remove")`,
        'Nothing was saved.',
        { score: 'expected a whole percentage from 0 to 100' },
      ),
    );
  }
  return value;
}

export const actual = defineCommand({
  name: 'actual',
  group: 'upwork',
  summary:
    "Record the JSS Upwork shows you (one a day; the same day again replaces it); alone, lists them beside the bot's estimate for each day.",
  usage: 'actual [SCORE] [date:YYYY-MM-DD] [longterm:PERCENT]  ·  actual remove date:YYYY-MM-DD',
  examples: ['actual 87', 'actual 87 date:2026-11-20 longterm:40', 'actual', 'actual remove date:2026-11-20'],
  args: [
    {
      name: 'date',
      kind: DATE,
      description: 'the day Upwork showed it, YYYY-MM-DD (default today)',
      suggest: 'recordedDate',
    },
    { name: 'longterm', kind: integer(0, 100), description: 'the long-term client % Upwork showed, 0–100' },
  ],
  positional: {
    name: 'score',
    kind: { type: 'wholeNumber', min: 0, max: 100 },
    description: 'the JSS Upwork shows you, 0–100 (leave it out to list what you recorded)',
    otherWords: [{ word: 'remove', description: 'delete the score recorded on date (give date too)' }],
  },
  writes: true,
  async run({ ctx, store, member, community, args, positionals }) {
    const [word] = positionals;
    const options = modelOptionsOf(community);
    const contracts = await store.listContracts(member.id);
    if (word === undefined) {
      if (Object.keys(args).length > 0) {
        throw new CommandError(
          errorReply(
            'score: missing; expected the Job Success Score Upwork shows, e.g. actual 87 date:2026-11-20',
            'Nothing was saved.',
            { score: 'expected a whole percentage from 0 to 100' },
          ),
        );
      }
      const observations = await store.listObservations(member.id);
      return actualListReply(observations.map((observation) => compared(contracts, observation, options)));
    }
    if (word.toLowerCase() === 'remove') return removeDay(store, member.id, args);
    const score = parseScore(word);
    if (contracts.length === 0) {
      throw new CommandError(
        errorReply(
          "actual compares Upwork's score with the estimate from your contracts, and you have none yet; add them first (add, or import)",
          'Nothing was saved.',
        ),
      );
    }
    const given = {
      date: args.date ?? ctx.asOf,
      score,
      ...(args.longterm !== undefined && { longterm: args.longterm }),
    };
    const checked = validateObservations([given], ctx.asOf, contracts);
    if (!checked.ok) {
      const fieldErrors = Object.fromEntries(
        checked.problems.filter((problem) => problem.field !== '').map((problem) => [problem.field, problem.message]),
      );
      throw new CommandError(
        errorReply(
          checked.problems.map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message)),
          'Nothing was saved.',
          fieldErrors,
        ),
      );
    }
    const observation = checked.observations[0] as Observation;
    const { replaced } = await store.recordObservation(member.id, observation);
    return recordedReply(
      compared(contracts, { ...observation, longterm: observation.longterm ?? null }, options),
      replaced,
    );
  },
});

async function removeDay(store: Store, memberId: number, args: { date?: string; longterm?: number }) {
  const date = args.date;
  if (date === undefined || args.longterm !== undefined) {
    throw new CommandError(
      errorReply(
        'actual remove needs only the day to delete; e.g. actual remove date:2026-11-20',
        'Nothing was deleted.',
        { date: 'expected the day to delete, YYYY-MM-DD' },
      ),
    );
  }
  if (!(await store.deleteObservation(memberId, date))) {
    const days = (await store.listObservations(memberId)).map((observation) => observation.date);
    const known =
      days.length === 0
        ? 'you have recorded none'
        : `your recorded days are ${days.slice(-10).join(', ')}${days.length > 10 ? ' and earlier ones (see "actual")' : ''}`;
    throw new CommandError(
      errorReply(`date: you have no score recorded on ${date}; ${known}`, 'Nothing was deleted.', {
        date: 'no score recorded on that day',
      }),
    );
  }
  return reply('success', `Removed the score recorded for ${date}`, {
    actions: [{ label: 'Recorded scores', command: 'actual' }],
  });
}
