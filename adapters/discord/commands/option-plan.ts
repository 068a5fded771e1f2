// Which Discord option stands for which part of a command: a named argument, the positional word,
// the uploaded file. The registry knows the arguments; the few facts it does not carry (what a
// positional word means, which arguments a member must give, Discord-only bounds) live in the
// tables below. definition.ts and to-input.ts both read this one plan, so the options Discord
// shows and the input they turn back into can never disagree.

import type { ArgSpec } from '../../../src/commands/args.ts';
import { REMIND_STATES } from '../../../src/commands/handlers/remind.ts';
import type { CommandDefinition } from '../../../src/commands/types.ts';

export type OptionRole =
  /** A named argument of the registry, given under its canonical name. */
  | { kind: 'arg'; arg: ArgSpec }
  /** The contract id a command takes as its positional word. */
  | { kind: 'contractId' }
  /** help's topic: a command name as the positional word. */
  | { kind: 'commandName' }
  /** A true boolean becomes this positional word (leaderboard longterm). */
  | { kind: 'word'; word: string }
  /** The positional word, one of these (remind on|off). */
  | { kind: 'wordChoice'; words: readonly string[] }
  /** A whole number typed as the positional word (actual's SCORE). */
  | { kind: 'wholeNumber'; min: number; max: number }
  /** Clears one clearable field, as field:none does in the text grammar. */
  | { kind: 'clear'; fields: readonly string[] }
  /** A file whose content is the command's body (import's CSV); the adapter downloads it. */
  | { kind: 'attachment' };

export interface PlannedOption {
  /** Discord's name for it (lowercase). */
  name: string;
  required: boolean;
  role: OptionRole;
  /** Discord's description when the argument's own does not fit this use. */
  description?: string;
}

/** What each command's positional word is on Discord. Every command with maxPositionals > 0 needs an entry. */
export const POSITIONALS: Readonly<Record<string, PlannedOption>> = {
  edit: { name: 'id', required: true, role: { kind: 'contractId' }, description: 'the contract to change, e.g. c1' },
  pay: { name: 'id', required: true, role: { kind: 'contractId' }, description: 'the contract paid, e.g. c1' },
  end: { name: 'id', required: true, role: { kind: 'contractId' }, description: 'the contract to close, e.g. c1' },
  remove: { name: 'id', required: true, role: { kind: 'contractId' }, description: 'the contract to delete, e.g. c1' },
  why: { name: 'id', required: false, role: { kind: 'contractId' }, description: 'one contract to explain (default: all of them)' },
  whatif: { name: 'id', required: false, role: { kind: 'contractId' }, description: 'a contract to change in thought (default: new contracts)' },
  help: { name: 'command', required: false, role: { kind: 'commandName' }, description: 'a command to explain, or upwork (where to find your Upwork CSV)' },
  leaderboard: { name: 'longterm', required: false, role: { kind: 'word', word: 'longterm' }, description: 'rank by long-term client % instead of estimated score' },
  remind: { name: 'reminders', required: false, role: { kind: 'wordChoice', words: REMIND_STATES }, description: 'on or off (leave it out to see whether reminders are on)' },
  actual: { name: 'score', required: false, role: { kind: 'wholeNumber', min: 0, max: 100 }, description: 'the JSS Upwork shows you, 0–100 (leave it out to list what you recorded)' },
};

/** More positional words a command takes on Discord as options of their own (actual remove date:…). */
export const EXTRA_WORDS: Readonly<Record<string, readonly PlannedOption[]>> = {
  actual: [{ name: 'remove', required: false, role: { kind: 'word', word: 'remove' }, description: 'delete the score recorded on date (give date too)' }],
};

export const CLEAR_OPTION = 'clear';
export const FILE_OPTION = 'file';
/** edit's id:NEW (rename) on Discord, where `id` is the contract being edited. */
export const RENAME_OPTION = 'newid';

/** Commands whose body comes from an uploaded file on Discord (no multi-line input there). */
export const BODY_FROM_FILE: ReadonlySet<string> = new Set(['import']);

/** Arguments a member must give (the handlers check them too; Discord asks for them up front). */
export const REQUIRED_ARGS: Readonly<Record<string, readonly string[]>> = {
  add: ['client', 'type', 'start'],
  pay: ['amount'],
};

/** Longest text Discord lets a member type, by argument name (others take Discord's own limit). */
export const TEXT_MAX_LENGTH: Readonly<Record<string, number>> = { client: 100, id: 32 };
export const CONTRACT_ID_MAX_LENGTH = 32;
/** Ranges of number arguments, by name (the contract schema's ranges); others are unbounded. */
export const NUMBER_RANGE: Readonly<Record<string, { min: number; max: number }>> = {
  stars: { min: 1, max: 5 },
  privateScore: { min: 0, max: 10 },
};
export const MONEY_RANGE = { min: 0, max: 1_000_000_000 } as const;
/** The argument whose values Discord suggests as the member types (the member's client names). */
export const AUTOCOMPLETE_ARG = 'client';
/** Commands whose `date` Discord suggests from the days the member recorded (actual remove date:…). */
export const RECORDED_DATE_COMMANDS: ReadonlySet<string> = new Set(['actual']);

/** Discord option names are lowercase: lastPayment is shown as lastpayment. */
export function discordName(canonical: string): string {
  return canonical.toLowerCase();
}

/** The options of one subcommand, required ones first (Discord refuses them after optional ones). */
export function optionPlan(command: CommandDefinition): PlannedOption[] {
  const positional = command.maxPositionals > 0 ? POSITIONALS[command.name] : undefined;
  if (command.maxPositionals > 0 && !positional) throw new Error(`${command.name} takes a positional word but POSITIONALS does not say what it is on Discord`);
  const required = new Set(REQUIRED_ARGS[command.name] ?? []);
  const planned: PlannedOption[] = [];
  if (positional) planned.push(positional, ...(EXTRA_WORDS[command.name] ?? []));
  const takesContractId = positional?.role.kind === 'contractId';
  for (const arg of command.args) {
    // edit's id:NEW renames; its option cannot share the name of the contract id it renames.
    const renames = takesContractId && arg.name === 'id';
    planned.push({
      name: renames ? RENAME_OPTION : discordName(arg.name),
      required: required.has(arg.name),
      role: { kind: 'arg', arg },
      ...(renames && { description: 'a new id for the contract (renames it)' }),
    });
  }
  const clearable = command.args.filter((arg) => arg.clearable).map((arg) => arg.name);
  if (takesContractId && clearable.length > 0) planned.push({ name: CLEAR_OPTION, required: false, role: { kind: 'clear', fields: clearable }, description: 'a field to clear, as field:none does' });
  if (BODY_FROM_FILE.has(command.name)) planned.push({ name: FILE_OPTION, required: true, role: { kind: 'attachment' }, description: 'your Upwork CSV (see help upwork), or a file export wrote; at most 10 MiB' });
  const names = planned.map((option) => option.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`${command.name}: two Discord options would be named ${duplicate}`);
  for (const name of required) {
    if (!command.args.some((arg) => arg.name === name)) throw new Error(`${command.name}: REQUIRED_ARGS names ${name}, which is not one of its arguments`);
  }
  // A stable sort keeps the registry's order within required and within optional options.
  return [...planned.filter((option) => option.required), ...planned.filter((option) => !option.required)];
}

/** What the focused option of an autocomplete request asks for, or null when it suggests nothing. */
export function autocompleteTarget(command: CommandDefinition, optionName: string): 'contractId' | 'client' | 'recordedDate' | 'commandName' | null {
  const option = optionPlan(command).find((candidate) => candidate.name === optionName);
  if (option?.role.kind === 'contractId') return 'contractId';
  if (option?.role.kind === 'commandName') return 'commandName';
  if (option?.role.kind === 'arg' && option.role.arg.name === AUTOCOMPLETE_ARG) return 'client';
  if (option?.role.kind === 'arg' && option.role.arg.name === 'date' && RECORDED_DATE_COMMANDS.has(command.name)) return 'recordedDate';
  return null;
}
