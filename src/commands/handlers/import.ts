import { parseContractsCsv } from '../../contracts/csv.ts';
import { parseContractFile } from '../../contracts/file.ts';
import { isObservationsCsv, parseObservationsCsv } from '../../contracts/observations-csv.ts';
import { LIMITS } from '../../contracts/schema.ts';
import { isUpworkCsv } from '../../contracts/upwork/layouts.ts';
import { formatProblem } from '../../contracts/validate.ts';
import { plural } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import { choice } from '../args.ts';
import type { Observation } from '../../scoring/types.ts';
import { ensureRoomFor, findContract } from '../contract-input.ts';
import { checkedObservations, recordObservations } from '../recorded-scores.ts';
import { defineCommand } from '../define.ts';
import { scoreChangeBlock } from '../score-change.ts';
import { CommandError, type CommandRun } from '../types.ts';
import { undoable } from '../undoable.ts';
import { importUpworkCsv } from '../upwork-import.ts';

/** Ids named in a refusal before the rest are only counted. */
const IDS_NAMED = 20;

export const importCommand = defineCommand({
  name: 'import',
  summary:
    "Add contracts from an Upwork CSV report, this bot's CSV or a JSON contract file, or recorded scores (CSV date,score,longterm); all or nothing, never twice.",
  usage: 'import [mode:add|replace]  followed by CSV lines with a header (the columns of export)',
  examples: ['import\nid,client,type,start,end,earnings,stars\nc1,Acme Ltd,hourly,2026-01-10,2026-04-30,1200,5'],
  args: [
    {
      name: 'mode',
      kind: choice(['add', 'replace']),
      description:
        'add to your contracts (default) or replace them all (and your recorded scores, when the file has some)',
    },
  ],
  body: {
    kind: 'csv-or-json',
    description: `your Upwork CSV (see help upwork), or a file export wrote; at most ${LIMITS.fileBytes / 1024 / 1024} MiB`,
  },
  writes: true,
  form: {
    title: 'Import contracts',
    submit: 'Import',
    opensWhen: 'no-arguments',
    file: {
      label: 'CSV file',
      hint: 'Upwork: Reports → Transaction history → Download CSV (help upwork), or a file from export.',
    },
    fields: [
      {
        arg: 'mode',
        label: 'Mode',
        hint: 'add to your contracts, or replace them all.',
        placeholder: 'add',
        default: 'add',
        required: true,
        carried: true,
      },
    ],
  },
  async run(run) {
    const text = run.body.trim();
    if (text === '')
      throw new CommandError(
        errorReply('import needs contracts after the command line: CSV with a header row, or a JSON contract file'),
      );
    const replace = run.args.mode === 'replace';
    if (Buffer.byteLength(text, 'utf8') > LIMITS.fileBytes) {
      throw new CommandError(
        errorReply(
          `the file is larger than ${LIMITS.fileBytes / 1024 / 1024} MiB; expected at most that`,
          'Nothing was imported.',
        ),
      );
    }
    // Replacing contracts can be undone; a scores CSV changes no contract, so it keeps the last undo.
    if (replace && !isObservationsCsv(text))
      return undoable(run.store, run.clock, run.member.id, 'import mode:replace', () => importText(run, text, replace));
    return importText(run, text, replace);
  },
});

/** The file imported: an Upwork report, a scores CSV, or this bot's CSV or JSON of contracts. */
async function importText(run: CommandRun, text: string, replace: boolean) {
  const { ctx, store, member, community } = run;
  // An Upwork report (recognised by its header) is merged into the contracts imported before.
  if (isUpworkCsv(text)) return importUpworkCsv(run, text, replace);
  // A scores CSV (as export writes it beside the contracts) changes the recorded scores only.
  if (isObservationsCsv(text)) {
    const observations = checkedObservations(
      parseObservationsCsv(text, ctx.asOf, await store.listContracts(member.id)),
    );
    await recordObservations(store, member.id, observations, replace);
    return reply('success', `Imported ${plural(observations.length, 'recorded score')}`, {
      summary: replace
        ? 'They replace the scores you had recorded.'
        : 'A day you had recorded already takes the imported score.',
      actions: [{ label: 'Recorded scores', command: 'actual' }],
    });
  }
  const parsed =
    text.startsWith('[') || text.startsWith('{')
      ? parseContractFile(text, ctx.asOf)
      : parseContractsCsv(text, ctx.asOf);
  if (!parsed.ok)
    throw new CommandError(errorReply(parsed.problems.slice(0, 20).map(formatProblem), 'Nothing was imported.'));
  if (parsed.contracts.length === 0)
    throw new CommandError(
      errorReply('the file has no contracts; expected at least one row after the header', 'Nothing was imported.'),
    );
  const before = await store.listContracts(member.id);
  const existing = replace ? [] : before;
  ensureRoomFor(existing.length, parsed.contracts.length, 'imported');
  if (replace) await store.deleteAllContracts(member.id);
  const taken = parsed.contracts.filter((contract) => findContract(existing, contract.id));
  if (taken.length > 0) {
    throw new CommandError(
      errorReply(
        `you already have ${taken.map((contract) => contract.id).join(', ')}; expected new ids, or import mode:replace`,
        'Nothing was imported.',
      ),
    );
  }
  // All or nothing: an id taken meanwhile (by a write that did not wait for the member's lock) fails the whole import.
  const refused = await store.insertContracts(member.id, parsed.contracts);
  if (refused.length > 0) {
    const named =
      refused.length > IDS_NAMED
        ? `${refused.slice(0, IDS_NAMED).join(', ')} and ${refused.length - IDS_NAMED} more`
        : refused.join(', ');
    throw new CommandError(
      errorReply(
        `you already have ${named} (added while this import ran); expected new ids`,
        'Nothing was imported. Try again.',
      ),
    );
  }
  const observations: Observation[] = 'observations' in parsed ? (parsed.observations as Observation[]) : [];
  if (observations.length > 0) await recordObservations(store, member.id, observations, replace);
  const scores = observations.length > 0 ? ` and ${plural(observations.length, 'recorded score')}` : '';
  return reply(
    'success',
    `Imported ${parsed.contracts.length} contract${parsed.contracts.length === 1 ? '' : 's'}${scores}`,
    {
      summary: replace ? 'They replace the contracts you had.' : 'They were added to your contracts.',
      blocks: [scoreChangeBlock(before, [...existing, ...parsed.contracts], ctx.asOf, community)],
      actions: [{ label: 'Score', command: 'score' }, ...(replace ? [{ label: 'Undo', command: 'undo' }] : [])],
    },
  );
}
