import { CONTRACT_ARGS, integer } from '../args.ts';
import { applyArgs, checkContract, findContract, unknownContract } from '../contract-input.ts';
import { num, percent, usd, WINDOW_NAMES } from '../../replies/format.ts';
import { reply } from '../../replies/reply.ts';
import {
  FALLBACK_EARNINGS,
  medianPaidEarnings,
  scoreContracts,
  type Contract,
  type ScoreReport,
} from '../../scoring/index.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { defineCommand } from '../define.ts';

const MAX_HYPOTHETICAL = 50;

/** What the assumed new contracts are, said in full: the member should know what was scored. */
function assumedContracts(count: number, example: Contract, clientGiven: boolean): string {
  const feedback = example.stars === null || example.stars === undefined ? 'no feedback' : `${num(example.stars)}★`;
  const clients = clientGiven ? `from ${example.client}` : count === 1 ? 'from a new client' : 'each from a new client';
  return `${count} more ${example.type} contract${count === 1 ? '' : 's'} of ${usd(example.earnings ?? 0)} ended ${example.end ?? 'open'} with ${feedback}, ${clients}`;
}

/** The title: the score now and with the change, in words where there is none ("none → none" read as a glitch). */
export function whatIfTitle(before: number | null, after: number | null): string {
  if (before === null && after === null) return 'What if: still no score';
  if (before === null) return `What if: no score yet → ${percent(after)}`;
  if (after === null) return `What if: ${percent(before)} → no score`;
  return `What if: ${percent(before)} → ${percent(after)}`;
}

function describe(report: ScoreReport): string {
  return report.score === null ? 'no score' : `${report.score}% (${WINDOW_NAMES[report.window ?? '']})`;
}

export const whatif = defineCommand({
  name: 'whatif',
  summary: 'Your score with hypothetical contracts or changes; nothing is saved.',
  usage: 'whatif [ID field:value …] | whatif [count:N] [earnings:USD] [stars:5] [client:NAME] …',
  examples: ['whatif stars:5 earnings:1500', 'whatif count:3', 'whatif c4 stars:5'],
  args: [
    ...CONTRACT_ARGS.filter((spec) => spec.name !== 'id'),
    { name: 'count', kind: integer(1, MAX_HYPOTHETICAL), description: 'how many such contracts' },
  ],
  positional: {
    name: 'id',
    kind: { type: 'contractId' },
    description: 'a contract to change in thought (default: new contracts)',
  },
  writes: false,
  async run({ ctx, store, member, community, args, positionals }) {
    const contracts = await store.listContracts(member.id);
    const options = modelOptionsOf(community);
    const { count, ...fields } = args;
    let hypothetical: Contract[];
    let what: string;
    const [id] = positionals;
    if (id !== undefined) {
      const current = findContract(contracts, id);
      if (!current) throw unknownContract(id, contracts);
      const changed = checkContract(applyArgs(current as unknown as Record<string, unknown>, fields), ctx.asOf);
      hypothetical = contracts.map((contract) => (contract === current ? changed : contract));
      what = `if ${current.id} changed as given`;
    } else {
      // New contracts closed today with top feedback, each from a new client, unless told otherwise.
      const n = count ?? 1;
      const earnings = medianPaidEarnings(contracts) ?? FALLBACK_EARNINGS;
      const added = Array.from({ length: n }, (_, i) =>
        checkContract(
          {
            client: `What-if client ${i + 1}`,
            type: 'fixed',
            start: ctx.asOf,
            end: ctx.asOf,
            earnings,
            stars: 5,
            ...fields,
            id: `whatif-${i + 1}`,
          },
          ctx.asOf,
        ),
      );
      hypothetical = [...contracts, ...added];
      what = `with ${assumedContracts(n, added[0] as Contract, fields.client !== undefined && fields.client !== null)}`;
    }
    const before = scoreContracts(contracts, ctx.asOf, options);
    const after = scoreContracts(hypothetical, ctx.asOf, options);
    return reply('info', whatIfTitle(before.score, after.score), {
      summary: `Now ${describe(before)}; ${what}: ${describe(after)}. Nothing was saved.`,
      blocks: [{ type: 'context', text: `Estimate under model ${after.model}, as of ${after.asOf}.` }],
    });
  },
});
