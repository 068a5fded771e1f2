import { CONTRACT_ARGS } from '../args.ts';
import { checkContract, ensureRoomFor, findContract, nextContractId } from '../contract-input.ts';
import { CONFIRM_ARG, confirmedCommand, duplicateOf } from '../duplicates.ts';
import { contractLine } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { displayedScore, scoreContracts } from '../../scoring/index.ts';
import { modelOptionsOf } from '../../contracts/model-options.ts';
import { defineCommand } from '../define.ts';
import { CommandError } from '../types.ts';
import { scoreChangeBlock } from '../score-change.ts';

export const add = defineCommand({
  name: 'add',
  summary: 'Add a contract (your id is given when you leave it out).',
  usage:
    'add client:NAME type:hourly|fixed start:YYYY-MM-DD [end:YYYY-MM-DD] [earnings:USD] [stars:1-5] [id:c1] [lastPayment:…] [privateScore:0-10] [endReason:…] [disputed:true] [refunded:true] [clientFlagged:true] [pausedForClient:true] [counted:success|neutral|negative|excluded] [confirm:yes]',
  examples: [
    'add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5 end:2026-04-30',
    'add client:Globex type:fixed start:2026-11-01',
  ],
  args: [...CONTRACT_ARGS, CONFIRM_ARG],
  requires: ['client', 'type', 'start'],
  writes: true,
  form: {
    title: 'Add a contract',
    submit: 'Add',
    opensWhen: 'no-arguments',
    fields: [
      {
        arg: 'client',
        label: 'Client',
        hint: 'The same name is the same client.',
        placeholder: 'Acme Ltd',
        required: true,
      },
      { arg: 'type', label: 'Type', placeholder: 'hourly or fixed', required: true },
      { arg: 'start', label: 'Start', default: 'today', required: true },
      { arg: 'end', label: 'End', hint: 'Leave empty while the contract is open.' },
      { arg: 'earnings', label: 'Earnings (USD)', hint: 'Total paid so far.', placeholder: '1200' },
      { arg: 'stars', label: 'Stars', hint: "The client's public feedback, 1–5, once it ended.", placeholder: '5' },
      { arg: 'endReason', label: 'End reason', placeholder: 'completed' },
      {
        arg: 'counted',
        label: 'Upwork counted it as',
        hint: 'Only when you know it; leave empty to let the bot work it out.',
        placeholder: 'not known',
      },
      { arg: 'id', label: 'Your id for it', hint: 'Given (c1, c2, …) when empty.' },
    ],
  },
  async run({ ctx, store, member, community, args }) {
    const missing = (['client', 'type', 'start'] as const).filter(
      (name) => args[name] === undefined || args[name] === null,
    );
    if (missing.length > 0) {
      throw new CommandError(
        errorReply(`add needs ${missing.join(', ')}; e.g. add client:"Acme Ltd" type:hourly start:2026-01-10`),
      );
    }
    const existing = await store.listContracts(member.id);
    ensureRoomFor(existing.length, 1, 'added');
    const given = args.id !== undefined && args.id !== null;
    const { confirm, ...fields } = args;
    const contract = checkContract({ ...fields, id: given ? args.id : nextContractId(existing) }, ctx.asOf);
    // The same contract typed (or sent from the form) twice is asked about, not stored twice; an id
    // already taken is refused below instead, as confirming could not help.
    const same =
      confirm === 'yes' || (given && findContract(existing, contract.id)) ? undefined : duplicateOf(existing, contract);
    if (same) {
      const command = confirmedCommand('add', [], fields, CONTRACT_ARGS);
      return reply('confirm', `${same.id} is already recorded — add again?`, {
        summary: `${contractLine(same)}\nNothing was added. To add it again as a contract of its own: ${command}`,
        actions: [{ label: 'Add again', command }],
      });
    }
    if (!(await store.insertContract(member.id, contract))) {
      if (given)
        throw new CommandError(
          errorReply(
            `you already have a contract ${JSON.stringify(contract.id)}; expected a new id (or change it with edit ${contract.id} …)`,
          ),
        );
      // The member's row is locked (dispatch), so no request of theirs can take the id chosen from
      // `existing`; only a write that bypassed the lock could. A guard that should never fire.
      throw new CommandError(errorReply(`${contract.id} was taken while this ran; nothing was added. Try again.`));
    }
    const after = [...existing, contract];
    const report = scoreContracts(after, ctx.asOf, modelOptionsOf(community));
    const was = displayedScore(existing, ctx.asOf, modelOptionsOf(community)).score;
    // Before and after, as every change says; while there is no score, what it still needs.
    const scoreLine =
      report.score === null && was === null
        ? { type: 'text' as const, text: report.noScore?.text ?? 'No score yet.' }
        : scoreChangeBlock(existing, after, ctx.asOf, community);
    return reply('success', `Added ${contract.id}`, {
      summary: contractLine(contract),
      blocks: [scoreLine],
      actions: [{ label: 'Score', command: 'score' }],
    });
  },
});
