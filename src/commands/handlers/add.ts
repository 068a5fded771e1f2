import { CONTRACT_ARGS } from '../args.ts';
import { checkContract, nextContractId } from '../contract-input.ts';
import { contractLine } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { scoreContracts } from '../../scoring/index.ts';
import { modelOptionsOf } from '../scoring.ts';
import { CommandError, type CommandDefinition } from '../types.ts';

/** Times an automatically chosen id is chosen again when a concurrent add took it. */
const ID_ATTEMPTS = 5;

export const add: CommandDefinition = {
  name: 'add',
  summary: 'Add a contract (your id is given when you leave it out).',
  usage: 'add client:NAME type:hourly|fixed start:YYYY-MM-DD [end:YYYY-MM-DD] [earnings:USD] [stars:1-5] [id:c1] [lastPayment:…] [privateScore:0-10] [endReason:…] [disputed:true] [refunded:true] [clientFlagged:true] [pausedForClient:true] [counted:success|neutral|negative|excluded]',
  examples: ['add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5 end:2026-04-30', 'add client:Globex type:fixed start:2026-11-01'],
  args: CONTRACT_ARGS,
  maxPositionals: 0,
  writes: true,
  async run({ ctx, store, member, community, args }) {
    const missing = ['client', 'type', 'start'].filter((name) => args[name] === undefined || args[name] === null);
    if (missing.length > 0) {
      throw new CommandError(errorReply(`add needs ${missing.join(', ')}; e.g. add client:"Acme Ltd" type:hourly start:2026-01-10`));
    }
    let existing = await store.listContracts(member.id);
    let contract = checkContract({ ...args, id: args.id ?? nextContractId(existing) }, ctx.asOf);
    // A given id that is taken is the member's mistake; a chosen one was taken by a request of theirs
    // running at the same moment, so choose again.
    for (let attempt = 0; !(await store.insertContract(member.id, contract)); attempt++) {
      if (args.id !== undefined && args.id !== null) {
        throw new CommandError(errorReply(`you already have a contract ${JSON.stringify(contract.id)}; expected a new id (or change it with edit ${contract.id} …)`));
      }
      if (attempt >= ID_ATTEMPTS) throw new Error(`no free contract id after ${ID_ATTEMPTS} attempts`);
      existing = await store.listContracts(member.id);
      contract = { ...contract, id: nextContractId(existing) };
    }
    const report = scoreContracts([...existing, contract], ctx.asOf, modelOptionsOf(community));
    return reply('success', `Added ${contract.id}`, {
      summary: contractLine(contract),
      blocks: [{ type: 'text', text: report.score === null ? (report.noScore?.text ?? 'No score yet.') : `Your estimated Job Success Score is now ${report.score}%.` }],
      actions: [{ label: 'Score', command: 'score' }],
    });
  },
};
