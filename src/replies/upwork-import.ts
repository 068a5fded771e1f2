// The reply to an Upwork import: what arrived, what was skipped, what only the member knows, and
// the new score. It is built after the write, from what was written.

import type { ImportPlan } from '../contracts/upwork/plan.ts';
import type { UpworkFile } from '../contracts/upwork/read-csv.ts';
import type { Contract } from '../scoring/types.ts';
import { plural } from './format.ts';
import { importChecklist } from './import-checklist.ts';
import { reply, type Block, type Reply } from './reply.ts';

/** Skipped types named in the reply before the rest are only counted. */
const TYPES_NAMED = 5;

function skippedText(skipped: ReadonlyMap<string, number>): string | null {
  const total = [...skipped.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const types = [...skipped].sort((a, b) => b[1] - a[1]);
  const shown = types.slice(0, TYPES_NAMED).map(([type, count]) => `${count} ${type}`);
  if (types.length > TYPES_NAMED) shown.push('…');
  return `skipped ${plural(total, 'row')} that are not earnings from a contract (${shown.join(', ')})`;
}

function idRange(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]}`;
}

export function upworkImportReply(
  file: UpworkFile,
  plan: ImportPlan,
  touched: readonly Contract[],
  asOf: string,
  score: string,
): Reply {
  const range = file.from === null ? '' : ` ${file.from} → ${file.to}`;
  const contracts = plan.newContracts + plan.updatedContracts;
  const title =
    contracts === 0
      ? `Nothing new in the ${file.layout.label}${range}`
      : `Imported ${plural(contracts, 'contract')} with ${plural(plan.newPayments, 'payment')} from ${file.layout.label}${range}`;
  const newIds = plan.changes.filter((change) => change.existingId === null).map((change) => change.contract.id);
  const parts = [
    plan.newContracts > 0 ? `${plan.newContracts} new (${idRange(newIds)})` : null,
    plan.updatedContracts > 0 ? `${plan.updatedContracts} updated (new payments added, nothing removed)` : null,
    plan.refunds > 0 ? `${plural(plan.refunds, 'refund')} taken off earnings (marked refunded)` : null,
    plan.knownRows > 0 ? `${plural(plan.knownRows, 'row')} imported before, left out` : null,
    skippedText(file.skipped),
  ].filter((part): part is string => part !== null);
  const checklist = importChecklist(touched, asOf);
  const blocks: Block[] = [];
  if (checklist.length > 0)
    blocks.push({ type: 'list', title: 'What only you know (Upwork does not export it)', items: checklist });
  blocks.push({ type: 'text', text: score });
  return reply('success', title, {
    ...(parts.length > 0 && { summary: `${parts.join('; ')}.` }),
    blocks,
    actions: [
      { label: 'Score', command: 'score' },
      { label: 'List', command: 'list' },
    ],
  });
}
