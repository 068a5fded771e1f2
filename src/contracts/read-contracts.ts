// Any contract file a member may hold, told apart by its first characters: JSON (a list or
// {"contracts", "observations"}), an Upwork CSV report (by its header), or this project's CSV.
// For tools that read a file alone (the CLI); the chat import also merges into stored contracts.

import { parseContractsCsv } from './csv.ts';
import { parseContractFile, type ContractFileResult } from './file.ts';
import { LIMITS } from './schema.ts';
import { isUpworkCsv } from './upwork/layouts.ts';
import { planUpworkImport } from './upwork/plan.ts';
import { readUpworkCsv } from './upwork/read-csv.ts';

export type ReadContractsResult = ContractFileResult & { note?: string };

function problems(messages: readonly string[]): ReadContractsResult {
  return { ok: false, problems: messages.map((message) => ({ position: 0, id: null, field: '', message })) };
}

export function readContractsText(text: string, asOf: string): ReadContractsResult {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  // Text without a comma on its first line is no CSV: the JSON reader says what is wrong with it.
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  if (trimmed.startsWith('[') || trimmed.startsWith('{') || !firstLine.includes(','))
    return parseContractFile(trimmed, asOf);
  if (Buffer.byteLength(text, 'utf8') > LIMITS.fileBytes)
    return problems([`the file is larger than ${LIMITS.fileBytes / 1024 / 1024} MiB; expected at most that`]);
  if (isUpworkCsv(trimmed)) {
    const read = readUpworkCsv(trimmed, asOf);
    if (!read.ok) return problems(read.problems);
    const planned = planUpworkImport(read.file, [], { contracts: [], sourceIds: [] }, asOf);
    if (!planned.ok) return problems(planned.problems);
    const contracts = planned.plan.changes.map((change) => change.contract);
    const note = `read ${contracts.length} contracts from the Upwork ${read.file.layout.label}; it has no feedback or end dates, so every contract counts as open (import it in chat to add them)`;
    return { ok: true, contracts, observations: [], note };
  }
  const csv = parseContractsCsv(trimmed, asOf);
  return csv.ok ? { ok: true, contracts: csv.contracts, observations: [] } : csv;
}
