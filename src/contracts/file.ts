// Reads a contract file: JSON, either a list of contracts or {"contracts": [...], "observations"?: [...]}.

import type { Contract, Observation } from '../scoring/types.ts';
import { formatObservationProblem, validateObservations } from './observations.ts';
import { LIMITS } from './schema.ts';
import { showValue, validateContracts, type ContractProblem } from './validate.ts';

export type ContractFileResult =
  | { ok: true; contracts: Contract[]; observations: Observation[] }
  | { ok: false; problems: ContractProblem[] };

function fileProblem(message: string): ContractFileResult {
  return { ok: false, problems: [{ position: 0, id: null, field: '', message }] };
}

export function parseContractFile(text: string, asOf: string): ContractFileResult {
  if (Buffer.byteLength(text, 'utf8') > LIMITS.fileBytes) {
    return fileProblem(
      `the file is larger than ${LIMITS.fileBytes / 1024 / 1024} MiB; expected a contract file of at most that size`,
    );
  }
  if (text.trim() === '')
    return fileProblem('the file is empty; expected JSON: a list of contracts or {"contracts": [...]}');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fileProblem(
      `the file is not valid JSON (${(error as Error).message}); expected a list of contracts or {"contracts": [...]}`,
    );
  }
  let observationsRaw: unknown = [];
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const keys = Object.keys(data);
    if (!keys.includes('contracts') || keys.some((key) => key !== 'contracts' && key !== 'observations')) {
      return fileProblem(
        `got an object with ${showValue(keys)}; expected a list of contracts or an object with "contracts" and optionally "observations"`,
      );
    }
    observationsRaw = (data as { observations?: unknown }).observations ?? [];
    data = (data as { contracts: unknown }).contracts;
  }
  const validated = validateContracts(data, asOf);
  if (!validated.ok) return validated;
  const observed = validateObservations(observationsRaw, asOf, validated.contracts);
  if (!observed.ok) {
    // Observation problems speak for themselves; position 0 keeps formatProblem from calling them contracts.
    return {
      ok: false,
      problems: observed.problems.map((problem) => ({
        position: 0,
        id: null,
        field: problem.field,
        message: formatObservationProblem(problem),
      })),
    };
  }
  return { ok: true, contracts: validated.contracts, observations: observed.observations };
}
