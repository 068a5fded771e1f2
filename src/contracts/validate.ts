// Validates a member's contracts for scoring on an as-of date: each contract on its own (the
// schema), then the rules that tie fields and contracts together. Every problem names the
// contract, the field, what was given and what is expected.

import type { z } from 'zod';
import { parseDay } from '../scoring/dates.ts';
import type { Contract } from '../scoring/types.ts';
import { cutGraphemes } from '../text/graphemes.ts';
import { contractSchema, LIMITS } from './schema.ts';

export interface ContractProblem {
  /** 1-based position in the file; 0 for problems of the file as a whole. */
  position: number;
  id: string | null;
  /** Dotted path inside the contract, e.g. "payments.2.date"; empty for the contract itself. */
  field: string;
  message: string;
  /** The field as a member would name it ("payment 3 (2025-12-01)"), when it differs from `field`. */
  label?: string;
}

/** "payments.2.date" as the member sees it: "payment 3 (2025-12-01)"; other paths as they are. */
export function fieldLabel(field: string, contract: unknown): string {
  const match = /^payments\.(\d+)(?:\.(\w+))?$/.exec(field);
  if (!match) return field;
  const index = Number(match[1]);
  const date = valueAt(contract, ['payments', index, 'date']);
  const which = `payment ${index + 1}${typeof date === 'string' && date.length <= 20 ? ` (${date})` : ''}`;
  return match[2] && match[2] !== 'date' ? `${which}, ${match[2]}` : which;
}

/** What JSON type a value should have, in words. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** zod's own words ("Invalid input: expected number, received string") become ours. */
function ourWords(issue: z.core.$ZodIssue): string {
  if (!/^Invalid input/i.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type') return `expected ${TYPE_WORDS[String(issue.expected)] ?? String(issue.expected)}`;
  return "expected a value of the contract file's form";
}

export type ValidationResult = { ok: true; contracts: Contract[] } | { ok: false; problems: ContractProblem[] };

/** Characters of a value an error message echoes: enough to recognise it, one line at most. */
const SHOWN_VALUE_MAX = 57;

/** Keeps messages one line and short, whatever was typed; a cut string keeps its closing quote. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const oneLine = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
    return JSON.stringify(cutGraphemes(oneLine, SHOWN_VALUE_MAX));
  }
  let text: string;
  try {
    text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return cutGraphemes(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '), SHOWN_VALUE_MAX + 3);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function idOf(input: unknown): string | null {
  const id = valueAt(input, ['id']);
  return typeof id === 'string' && id.length > 0 ? id.slice(0, LIMITS.idLength + 8) : null;
}

function schemaProblems(input: unknown, position: number, issues: readonly z.core.$ZodIssue[]): ContractProblem[] {
  return issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return {
        position,
        id: idOf(input),
        field: issue.keys.map(String).join(', '),
        message: `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => showValue(key)).join(', ')}; expected only the contract file's fields`,
      };
    }
    const field = issue.path.map(String).join('.');
    const given = valueAt(input, issue.path);
    const label = fieldLabel(field, input);
    return {
      position,
      id: idOf(input),
      field,
      message: `got ${showValue(given)}, ${ourWords(issue)}`,
      ...(label !== field && { label }),
    };
  });
}

/** Rules between fields, and against the as-of date: nothing may lie in its future. */
function crossFieldProblems(contract: Contract, position: number, asOf: string): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const add = (field: string, message: string) => {
    const label = fieldLabel(field, contract);
    problems.push({ position, id: contract.id, field, message, ...(label !== field && { label }) });
  };
  const start = parseDay(contract.start) as number;
  const asOfDay = parseDay(asOf) as number;
  const future = (field: string, date: string) => {
    if ((parseDay(date) as number) > asOfDay)
      add(field, `got ${date}, expected a date on or before the as-of date ${asOf}`);
  };
  future('start', contract.start);
  if (contract.end) {
    future('end', contract.end);
    if ((parseDay(contract.end) as number) < start)
      add('end', `got ${contract.end}, expected a date on or after start ${contract.start}`);
  } else {
    const closedOnly: (keyof Contract)[] = ['stars', 'privateScore', 'endReason'];
    for (const field of closedOnly) {
      if (contract[field] !== undefined && contract[field] !== null) {
        add(
          field,
          `got ${showValue(contract[field])} on an open contract; feedback and end reason need "end" (mid-contract feedback does not count)`,
        );
      }
    }
  }
  contract.payments?.forEach((payment, index) => {
    future(`payments.${index}.date`, payment.date);
    if ((parseDay(payment.date) as number) < start) {
      add(`payments.${index}.date`, `got ${payment.date}, expected a date on or after start ${contract.start}`);
    }
  });
  if (contract.lastPayment) {
    future('lastPayment', contract.lastPayment);
    if ((parseDay(contract.lastPayment) as number) < start) {
      add('lastPayment', `got ${contract.lastPayment}, expected a date on or after start ${contract.start}`);
    }
  }
  const paid = (contract.payments ?? []).reduce((sum, payment) => sum + Math.round(payment.amount * 100), 0);
  if (contract.earnings !== undefined && contract.earnings !== null) {
    // A refund takes money back: a refunded contract may have kept less than it was paid.
    if (paid > Math.round(contract.earnings * 100) && contract.refunded !== true) {
      add(
        'earnings',
        `got ${contract.earnings}, but the payments add up to ${(paid / 100).toFixed(2)}; expected earnings of at least the payments' total`,
      );
    }
    if (contract.earnings === 0 && contract.lastPayment) {
      add('lastPayment', `got ${contract.lastPayment} with earnings 0; expected no last payment when nothing was paid`);
    }
  }
  return problems;
}

/** Validates a list of contracts (already parsed from JSON or another source). */
export function validateContracts(input: unknown, asOf: string): ValidationResult {
  if (!Array.isArray(input)) {
    return {
      ok: false,
      problems: [
        { position: 0, id: null, field: '', message: `got ${showValue(input)}, expected a list of contracts` },
      ],
    };
  }
  if (input.length > LIMITS.contractsPerFile) {
    return {
      ok: false,
      problems: [
        {
          position: 0,
          id: null,
          field: '',
          message: `got ${input.length} contracts, expected at most ${LIMITS.contractsPerFile}`,
        },
      ],
    };
  }
  const problems: ContractProblem[] = [];
  const contracts: Contract[] = [];
  const firstPositionOfId = new Map<string, number>();
  input.forEach((raw, index) => {
    const position = index + 1;
    const parsed = contractSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...schemaProblems(raw, position, parsed.error.issues));
      return;
    }
    const contract = parsed.data as Contract;
    problems.push(...crossFieldProblems(contract, position, asOf));
    const key = contract.id.toLowerCase();
    const first = firstPositionOfId.get(key);
    if (first !== undefined) {
      problems.push({
        position,
        id: contract.id,
        field: 'id',
        message: `got ${showValue(contract.id)} again (contract ${first} has it); expected each id once`,
      });
    } else {
      firstPositionOfId.set(key, position);
    }
    contracts.push(contract);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, contracts };
}

export function formatProblem(problem: ContractProblem): string {
  if (problem.position === 0) return problem.message;
  const which = problem.id
    ? `contract ${problem.position} (id ${showValue(problem.id)})`
    : `contract ${problem.position}`;
  const field = problem.label ?? problem.field;
  if (!problem.field) return `${which}: ${problem.message}`;
  return problem.label ? `${which}, ${field}: ${problem.message}` : `${which}, field ${field}: ${problem.message}`;
}
