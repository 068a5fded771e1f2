// `import` of an Upwork CSV report: read the whole file, plan against what the member imported
// before, store all of it or nothing, then tell what arrived and what only the member knows.

import { readUpworkCsv } from '../contracts/upwork/read-csv.ts';
import { planUpworkImport } from '../contracts/upwork/plan.ts';
import { errorReply, type Reply } from '../replies/reply.ts';
import { upworkImportReply } from '../replies/upwork-import.ts';
import { scoreContracts } from '../scoring/index.ts';
import type { Contract } from '../scoring/types.ts';
import { ensureRoomFor } from './contract-input.ts';
import { modelOptionsOf } from '../contracts/model-options.ts';
import { CommandError, type CommandRun } from './types.ts';

const NOTHING = 'Nothing was imported.';

export async function importUpworkCsv(
  { ctx, store, member, community }: CommandRun,
  text: string,
  replace: boolean,
): Promise<Reply> {
  const read = readUpworkCsv(text, ctx.asOf);
  if (!read.ok) throw new CommandError(errorReply(read.problems, NOTHING));
  const { file } = read;
  if (replace) await store.deleteAllContracts(member.id);
  const existing = await store.listContracts(member.id);
  const planned = planUpworkImport(file, existing, await store.importedKeys(member.id), ctx.asOf);
  if (!planned.ok) throw new CommandError(errorReply(planned.problems, NOTHING));
  const { plan } = planned;
  ensureRoomFor(existing.length, plan.newContracts, 'imported');
  // Under the member's lock nothing of theirs changes meanwhile; a write that bypassed it fails the import whole.
  if (plan.changes.length > 0 && !(await store.saveImport(member.id, plan.changes))) {
    throw new CommandError(errorReply('your contracts changed while this import ran', `${NOTHING} Try again.`));
  }
  const updated = new Map(
    plan.changes
      .filter((change) => change.existingId !== null)
      .map((change) => [change.contract.id.toLowerCase(), change.contract]),
  );
  const all: Contract[] = [
    ...existing.map((contract) => updated.get(contract.id.toLowerCase()) ?? contract),
    ...plan.changes.filter((change) => change.existingId === null).map((change) => change.contract),
  ];
  const report = scoreContracts(all, ctx.asOf, modelOptionsOf(community));
  const score =
    report.score === null
      ? (report.noScore?.text ?? 'No score yet.')
      : `Your estimated Job Success Score is now ${report.score}%.`;
  return upworkImportReply(
    file,
    plan,
    plan.changes.map((change) => change.contract),
    ctx.asOf,
    score,
  );
}
