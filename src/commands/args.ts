// Command arguments: each command declares its arguments next to its handler; this module turns
// the text the member typed into typed values, or into problems that name the argument, what
// was given and what is expected. Range rules of contract fields are the contract schema's.

import { COUNTED_OUTCOMES, END_REASONS, CONTRACT_TYPES } from '../scoring/types.ts';
import {
  END_REASON_ALIASES,
  readDay,
  readDecimal,
  readMoney,
  readWholeNumber,
  type Read,
} from '../contracts/forgiving-values.ts';
import { showValue } from '../contracts/validate.ts';
import { LIMITS, PRIVATE_SCORE_RANGE, STARS_RANGE } from '../contracts/schema.ts';

export type ArgKind =
  | { type: 'text' }
  | { type: 'date' }
  | { type: 'money' }
  /** `min`/`max`: the contract schema's range, when it has one (platforms check it before sending). */
  | { type: 'number'; min?: number; max?: number }
  | { type: 'integer'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'choice'; choices: readonly string[]; aliases?: Readonly<Record<string, string>> };

/** What a platform may suggest while the member types the argument (Discord autocomplete). */
export type ArgSuggestion = 'clientName' | 'recordedDate';

export interface ArgSpec<N extends string = string, K extends ArgKind = ArgKind> {
  name: N;
  kind: K;
  description: string;
  /** `name:none` clears the value (edit). */
  clearable?: boolean;
  /** Every contract has one: `name:none` is refused rather than taken as the text "none". */
  required?: boolean;
  /** Longest text a platform lets the member type (the contract schema's limit). */
  maxLength?: number;
  suggest?: ArgSuggestion;
}

/** The value a handler receives for an argument of this kind. */
type KindValue<K> = K extends { type: 'choice'; choices: readonly (infer C)[] }
  ? C
  : K extends { type: 'text' | 'date' }
    ? string
    : K extends { type: 'money' | 'number' | 'integer' }
      ? number
      : K extends { type: 'boolean' }
        ? boolean
        : never;
type SpecValue<S> = S extends { kind: infer K; clearable: true }
  ? KindValue<K> | null
  : S extends { kind: infer K }
    ? KindValue<K>
    : never;
/** A command's converted arguments, typed from its specs: `{ target?: number; earnings?: number }`. */
export type ArgsOf<A extends readonly ArgSpec[]> = { [S in A[number] as S['name']]?: SpecValue<S> };

export type ArgValue = string | number | boolean | null;
export type ConvertResult =
  /** `notes`: values read from another form than the house one ("start: Jan 5 2026 as 2026-01-05"). */
  | { ok: true; values: Record<string, ArgValue>; notes: string[] }
  | { ok: false; problems: string[]; fieldErrors: Record<string, string> };

export const TEXT = { type: 'text' } as const satisfies ArgKind;
export const DATE = { type: 'date' } as const satisfies ArgKind;
export const MONEY = { type: 'money' } as const satisfies ArgKind;
export const NUMBER = { type: 'number' } as const satisfies ArgKind;
export const BOOLEAN = { type: 'boolean' } as const satisfies ArgKind;
/** `aliases`: other spellings that mean a choice unambiguously (canceled → cancelled). */
export const choice = <const C extends readonly string[]>(
  choices: C,
  aliases?: Readonly<Record<string, string>>,
): { type: 'choice'; choices: C; aliases?: Readonly<Record<string, string>> } => ({
  type: 'choice',
  choices,
  ...(aliases && { aliases }),
});
export const integer = (min: number, max: number): { type: 'integer'; min: number; max: number } => ({
  type: 'integer',
  min,
  max,
});
/** A number within the contract schema's range. */
export const numberIn = (range: {
  readonly min: number;
  readonly max: number;
}): { type: 'number'; min: number; max: number } => ({ type: 'number', min: range.min, max: range.max });

/** The contract file's fields as arguments (payments are recorded with `pay`). */
export const CONTRACT_ARGS = [
  {
    name: 'id',
    kind: TEXT,
    description: 'your short id for the contract, e.g. c1 (given when absent)',
    maxLength: LIMITS.idLength,
  },
  {
    name: 'client',
    kind: TEXT,
    description: 'client name; the same name is the same client',
    required: true,
    maxLength: LIMITS.clientLength,
    suggest: 'clientName',
  },
  { name: 'type', kind: choice(CONTRACT_TYPES), description: 'hourly or fixed', required: true },
  { name: 'start', kind: DATE, description: 'start date, YYYY-MM-DD', required: true },
  { name: 'end', kind: DATE, description: 'end date, YYYY-MM-DD; absent while open', clearable: true },
  { name: 'earnings', kind: MONEY, description: 'total paid, US dollars', clearable: true },
  { name: 'lastPayment', kind: DATE, description: 'date of the latest payment', clearable: true },
  { name: 'stars', kind: numberIn(STARS_RANGE), description: "client's public feedback, 1–5", clearable: true },
  {
    name: 'privateScore',
    kind: numberIn(PRIVATE_SCORE_RANGE),
    description: 'legacy private feedback, 0–10',
    clearable: true,
  },
  {
    name: 'endReason',
    kind: choice(END_REASONS, END_REASON_ALIASES),
    description: END_REASONS.join(', '),
    clearable: true,
  },
  { name: 'disputed', kind: BOOLEAN, description: 'true when disputed', clearable: true },
  { name: 'refunded', kind: BOOLEAN, description: 'true when the client was refunded', clearable: true },
  { name: 'clientFlagged', kind: BOOLEAN, description: 'true when Upwork excluded the client', clearable: true },
  {
    name: 'pausedForClient',
    kind: BOOLEAN,
    description: "true when paused for the client's behaviour",
    clearable: true,
  },
  {
    name: 'counted',
    kind: choice(COUNTED_OUTCOMES),
    description: `what Upwork counted, when you know it: ${COUNTED_OUTCOMES.join(', ')}`,
    clearable: true,
  },
] as const satisfies readonly ArgSpec[];

type ContractArg = (typeof CONTRACT_ARGS)[number];
export type ContractArgName = ContractArg['name'];

export function pickArgs<const N extends readonly ContractArgName[]>(
  names: N,
): Extract<ContractArg, { name: N[number] }>[] {
  return names.map((name) => {
    const spec = CONTRACT_ARGS.find((candidate) => candidate.name === name);
    if (!spec) throw new Error(`no contract argument ${name}`);
    return spec as Extract<ContractArg, { name: N[number] }>;
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
    return {
      problem: `${spec.name}: got "none", but every contract needs one, so it cannot be cleared; expected ${spec.description}`,
    };
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
export function convertArgs(
  command: string,
  specs: readonly ArgSpec[],
  named: Record<string, string>,
  today: string,
): ConvertResult {
  const byName = new Map(specs.map((spec) => [spec.name.toLowerCase(), spec]));
  const values: Record<string, ArgValue> = {};
  const notes: string[] = [];
  const problems: string[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const [name, raw] of Object.entries(named)) {
    const spec = byName.get(name.toLowerCase());
    if (!spec) {
      const expected =
        specs.length === 0 ? 'no arguments' : `one of ${specs.map((candidate) => candidate.name).join(', ')}`;
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
