// Command arguments: each command declares its arguments next to its handler; this module turns
// the text the member typed into typed values, or into problems that name the argument, what
// was given and what is expected. Range rules of contract fields are the contract schema's.

import { COUNTED_OUTCOMES, END_REASONS, CONTRACT_TYPES } from '../scoring/types.ts';
import { END_REASON_ALIASES, readDay, readDecimal, readMoney, readWholeNumber, type Read } from '../contracts/forgiving-values.ts';
import { showValue } from '../contracts/validate.ts';

export type ArgKind =
  | { type: 'text' }
  | { type: 'date' }
  | { type: 'money' }
  | { type: 'number' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'choice'; choices: readonly string[]; aliases?: Readonly<Record<string, string>> };

export interface ArgSpec {
  name: string;
  kind: ArgKind;
  description: string;
  /** `name:none` clears the value (edit). */
  clearable?: boolean;
  /** Every contract has one: `name:none` is refused rather than taken as the text "none". */
  required?: boolean;
}

export type ArgValue = string | number | boolean | null;
export type ConvertResult =
  /** `notes`: values read from another form than the house one ("start: Jan 5 2026 as 2026-01-05"). */
  | { ok: true; values: Record<string, ArgValue>; notes: string[] }
  | { ok: false; problems: string[]; fieldErrors: Record<string, string> };

export const TEXT: ArgKind = { type: 'text' };
export const DATE: ArgKind = { type: 'date' };
export const MONEY: ArgKind = { type: 'money' };
export const NUMBER: ArgKind = { type: 'number' };
export const BOOLEAN: ArgKind = { type: 'boolean' };
/** `aliases`: other spellings that mean a choice unambiguously (canceled → cancelled). */
export const choice = (choices: readonly string[], aliases?: Readonly<Record<string, string>>): ArgKind => ({ type: 'choice', choices, ...(aliases && { aliases }) });
export const integer = (min: number, max: number): ArgKind => ({ type: 'integer', min, max });

/** The contract file's fields as arguments (payments are recorded with `pay`). */
export const CONTRACT_ARGS: readonly ArgSpec[] = [
  { name: 'id', kind: TEXT, description: 'your short id for the contract, e.g. c1 (given when absent)' },
  { name: 'client', kind: TEXT, description: 'client name; the same name is the same client', required: true },
  { name: 'type', kind: choice(CONTRACT_TYPES), description: 'hourly or fixed', required: true },
  { name: 'start', kind: DATE, description: 'start date, YYYY-MM-DD', required: true },
  { name: 'end', kind: DATE, description: 'end date, YYYY-MM-DD; absent while open', clearable: true },
  { name: 'earnings', kind: MONEY, description: 'total paid, US dollars', clearable: true },
  { name: 'lastPayment', kind: DATE, description: 'date of the latest payment', clearable: true },
  { name: 'stars', kind: NUMBER, description: "client's public feedback, 1–5", clearable: true },
  { name: 'privateScore', kind: NUMBER, description: 'legacy private feedback, 0–10', clearable: true },
  { name: 'endReason', kind: choice(END_REASONS, END_REASON_ALIASES), description: END_REASONS.join(', '), clearable: true },
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

type Converted = { value: ArgValue; note?: string } | { problem: string };

/** A forgiving reader's result as a conversion: the value (with how it was read) or the problem. */
function fromRead<T extends ArgValue>(spec: ArgSpec, given: string, read: Read<T>, expected?: string): Converted {
  if (!read.ok) return { problem: `${spec.name}: ${given}, expected ${expected ?? read.reason}` };
  return read.readAs ? { value: read.value, note: `${spec.name}: ${read.readAs}` } : { value: read.value };
}

function convertOne(spec: ArgSpec, raw: string, today: string): Converted {
  const given = `got ${showValue(raw)}`;
  if (spec.clearable && raw.toLowerCase() === 'none') return { value: null };
  if (spec.required && raw.trim().toLowerCase() === 'none') {
    return { problem: `${spec.name}: got "none", but every contract needs one, so it cannot be cleared; expected ${spec.description}` };
  }
  const kind = spec.kind;
  switch (kind.type) {
    case 'text':
      return raw.trim() === '' ? { problem: `${spec.name}: ${given}, expected ${spec.description}` } : { value: raw };
    case 'date':
      return fromRead(spec, given, readDay(raw, today));
    case 'money':
      return fromRead(spec, given, readMoney(raw));
    case 'number': {
      const read = readDecimal(raw);
      return fromRead(spec, given, read, read.ok ? undefined : `a number (${spec.description})`);
    }
    case 'integer': {
      const read = readWholeNumber(raw);
      return read.ok && read.value >= kind.min && read.value <= kind.max
        ? { value: read.value }
        : { problem: `${spec.name}: ${given}, expected a whole number from ${kind.min} to ${kind.max}` };
    }
    case 'boolean': {
      const word = raw.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { problem: `${spec.name}: ${given}, expected true or false` };
    }
    case 'choice': {
      const word = raw.trim().toLowerCase();
      const match = kind.choices.find((choiceValue) => choiceValue.toLowerCase() === word);
      if (match) return { value: match };
      const alias = kind.aliases?.[word.replace(/\s+/g, '-')];
      if (alias) return { value: alias, note: `${spec.name}: ${raw.trim()} as ${alias}` };
      return { problem: `${spec.name}: ${given}, expected one of ${kind.choices.join(', ')}` };
    }
  }
}

/** Converts named arguments by their specs; names match case-insensitively. `today` reads "today". */
export function convertArgs(command: string, specs: readonly ArgSpec[], named: Record<string, string>, today: string): ConvertResult {
  const byName = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
  const values: Record<string, ArgValue> = {};
  const notes: string[] = [];
  const problems: string[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const [name, raw] of Object.entries(named)) {
    const spec = byName.get(name.toLowerCase());
    if (!spec) {
      const expected = specs.length === 0 ? 'no arguments' : `one of ${specs.map((candidate) => candidate.name).join(', ')}`;
      problems.push(`${showValue(name)} is not an argument of ${command}; expected ${expected}`);
      continue;
    }
    const converted = convertOne(spec, raw, today);
    if ('problem' in converted) {
      problems.push(converted.problem);
      fieldErrors[spec.name] = converted.problem;
    } else {
      values[spec.name] = converted.value;
      if (converted.note) notes.push(converted.note);
    }
  }
  return problems.length > 0 ? { ok: false, problems, fieldErrors } : { ok: true, values, notes };
}
