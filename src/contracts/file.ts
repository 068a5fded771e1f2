// Reads a contract file: JSON, either a list of contracts or {"contracts": [...]}.

import { LIMITS } from './schema.ts';
import { showValue, validateContracts, type ValidationResult } from './validate.ts';

function fileProblem(message: string): ValidationResult {
  return { ok: false, problems: [{ position: 0, id: null, field: '', message }] };
}

export function parseContractFile(text: string, asOf: string): ValidationResult {
  if (Buffer.byteLength(text, 'utf8') > LIMITS.fileBytes) {
    return fileProblem(`the file is larger than ${LIMITS.fileBytes / 1024 / 1024} MiB; expected a contract file of at most that size`);
  }
  if (text.trim() === '') return fileProblem('the file is empty; expected JSON: a list of contracts or {"contracts": [...]}');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fileProblem(`the file is not valid JSON (${(error as Error).message}); expected a list of contracts or {"contracts": [...]}`);
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const keys = Object.keys(data);
    if (keys.length !== 1 || keys[0] !== 'contracts') {
      return fileProblem(`got an object with ${showValue(keys)}; expected a list of contracts or an object with only "contracts"`);
    }
    data = (data as { contracts: unknown }).contracts;
  }
  return validateContracts(data, asOf);
}
