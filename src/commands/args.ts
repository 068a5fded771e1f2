// Command arguments: each command declares its arguments next to its handler; this module turns
// the text the member typed into typed values, or into problems that name the argument, what
// was given and what is expected. Range rules of contract fields are the contract schema's.

import { COUNTED_OUTCOMES, END_REASONS, CONTRACT_TYPES } from '../scoring/types.ts';
import { parseDay } from '../scoring/dates.ts';
import { showValue } from '../contracts/validate.ts';

export type ArgKind =
  | { type: 'text' }
  | { type: 'date' }
  | { type: 'money' }
  | { type: 'number' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'choice'; choices: readonly string[] };

export interface ArgSpec {
  name: string;
  kind: ArgKind;
  description: string;
  /** `name:none` clears the value (edit). */
  clearable?: boolean;
}

export type ArgValue = string | number | boolean | null;
export type ConvertResult =
  | { ok: true; values: Record<string, ArgValue> }
  | { ok: false; problems: string[]; fieldErrors: Record<string, string> };

export const TEXT: ArgKind = { type: 'text' };
export const DATE: ArgKind = { type: 'date' };
export const MONEY: ArgKind = { type: 'money' };
export const NUMBER: ArgKind = { type: 'number' };
export const BOOLEAN: ArgKind = { type: 'boolean' };
export const choice = (choices: readonly string[]): ArgKind => ({ type: 'choice', choices });
export const integer = (min: number, max: number): ArgKind => ({ type: 'integer', min, max });

/** The contract file's fields as arguments (payments are recorded with `pay`). */
export const CONTRACT_ARGS: readonly ArgSpec[] = [
  { name: 'id', kind: TEXT, description: 'your short id for the contract, e.g. c1 (given when absent)' },
  { name: 'client', kind: TEXT, description: 'client name; the same name is the same client' },
  { name: 'type', kind: choice(CONTRACT_TYPES), description: 'hourly or fixed' },
  { name: 'start', kind: DATE, description: 'start date, YYYY-MM-DD' },
  { name: 'end', kind: DATE, description: 'end date, YYYY-MM-DD; absent while open', clearable: true },
  { name: 'earnings', kind: MONEY, description: 'total paid, US dollars', clearable: true },
  { name: 'lastPayment', kind: DATE, description: 'date of the latest payment', clearable: true },
  { name: 'stars', kind: NUMBER, description: "client's public feedback, 1–5", clearable: true },
  { name: 'privateScore', kind: NUMBER, description: 'legacy private feedback, 0–10', clearable: true },
  { name: 'endReason', kind: choice(END_REASONS), description: END_REASONS.join(', '), clearable: true },
  { name: 'disputed', kind: BOOLEAN, description: 'true when disputed', clearable: true },
  { name: 'refunded', kind: BOOLEAN, description: 'true when the client was refunded', clearable: true },
  { name: 'clientFlagged', kind: BOOLEAN, description: 'true when Upwork excluded the client', clearable: true },
  { name: 'pausedForClient', kind: BOOLEAN, description: "true when paused for the client's behaviour", clearable: true },
  { name: 'counted', kind: choice(COUNTED_OUTCOMES), description: `what Upwork counted, when you know it: ${COUNTED_OUTCOMES.join(', ')}`, clearable: true },
];

export function pickArgs(names: readonly string[]): ArgSpec[] {
  return names.map((name) => {
    const spec = CONTRACT_ARGS.find((candidate) => candidate.name === name);
    if (!spec) throw new Error(`no contract argument ${name}`);
    return spec;
  });
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'off', '0']);
const DECIMAL = /^[+]?\d{1,12}(\.\d+)?$/;

function convertOne(spec: ArgSpec, raw: string): { value: ArgValue } | { problem: string } {
  const given = `got ${showValue(raw)}`;
  if (spec.clearable && raw.toLowerCase() === 'none') return { value: null };
  const kind = spec.kind;
  switch (kind.type) {
    case 'text':
      return raw.trim() === '' ? { problem: `${spec.name}: ${given}, expected ${spec.description}` } : { value: raw };
    case 'date':
      return parseDay(raw) === undefined ? { problem: `${spec.name}: ${given}, expected a real date as YYYY-MM-DD` } : { value: raw };
    case 'money': {
      const text = raw.replace(/^\$/, '').replace(/,/g, '');
      return DECIMAL.test(text) ? { value: Number(text) } : { problem: `${spec.name}: ${given}, expected US dollars such as 1200 or 1250.50` };
    }
    case 'number':
      return DECIMAL.test(raw) ? { value: Number(raw) } : { problem: `${spec.name}: ${given}, expected a number (${spec.description})` };
    case 'integer': {
      const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
      return value >= kind.min && value <= kind.max
        ? { value }
        : { problem: `${spec.name}: ${given}, expected a whole number from ${kind.min} to ${kind.max}` };
    }
    case 'boolean': {
      const word = raw.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { problem: `${spec.name}: ${given}, expected true or false` };
    }
    case 'choice': {
      const match = kind.choices.find((choiceValue) => choiceValue.toLowerCase() === raw.toLowerCase());
      return match ? { value: match } : { problem: `${spec.name}: ${given}, expected one of ${kind.choices.join(', ')}` };
    }
  }
}

/** Converts named arguments by their specs; names match case-insensitively. */
export function convertArgs(command: string, specs: readonly ArgSpec[], named: Record<string, string>): ConvertResult {
  const byName = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
  const values: Record<string, ArgValue> = {};
  const problems: string[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const [name, raw] of Object.entries(named)) {
    const spec = byName.get(name.toLowerCase());
    if (!spec) {
      const expected = specs.length === 0 ? 'no arguments' : `one of ${specs.map((candidate) => candidate.name).join(', ')}`;
      problems.push(`${showValue(name)} is not an argument of ${command}; expected ${expected}`);
      continue;
    }
    const converted = convertOne(spec, raw);
    if ('problem' in converted) {
      problems.push(converted.problem);
      fieldErrors[spec.name] = converted.problem;
    } else {
      values[spec.name] = converted.value;
    }
  }
  return problems.length > 0 ? { ok: false, problems, fieldErrors } : { ok: true, values };
}
