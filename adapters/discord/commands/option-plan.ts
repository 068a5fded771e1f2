// Which Discord option stands for which part of a command: a named argument, the positional word,
// the uploaded file. Everything comes from the command's definition (defineCommand): its arguments
// and their limits, what its positional word means, which arguments a member must give, whether it
// reads a file. definition.ts and to-input.ts both read this one plan, so the options Discord
// shows and the input they turn back into can never disagree.

import type { ArgSpec } from '../../../src/commands/args.ts';
import type { PositionalSpec } from '../../../src/commands/define.ts';
import { suggestionTarget, type SuggestionTarget } from '../../../src/commands/suggest.ts';
import type { CommandDefinition } from '../../../src/commands/types.ts';
import { LIMITS } from '../../../src/contracts/schema.ts';

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

export const CLEAR_OPTION = 'clear';
export const FILE_OPTION = 'file';
/** edit's id:NEW (rename) on Discord, where `id` is the contract being edited. */
export const RENAME_OPTION = 'newid';

/** The contract schema's limits, as Discord checks them before a request reaches the bot. */
export const CONTRACT_ID_MAX_LENGTH = LIMITS.idLength;
export const MONEY_RANGE = { min: 0, max: LIMITS.maxEarnings } as const;

/** The positional word of a command as a Discord option, from its definition. */
function positionalOption(positional: PositionalSpec): PlannedOption {
  const base = { name: positional.name, required: positional.required === true, description: positional.description };
  const kind = positional.kind;
  switch (kind.type) {
    case 'contractId':
      return { ...base, role: { kind: 'contractId' } };
    case 'commandName':
      return { ...base, role: { kind: 'commandName' } };
    case 'word':
      return { ...base, role: { kind: 'word', word: kind.word } };
    case 'wordChoice':
      return { ...base, role: { kind: 'wordChoice', words: kind.words } };
    case 'wholeNumber':
      return { ...base, role: { kind: 'wholeNumber', min: kind.min, max: kind.max } };
  }
}

/** Discord option names are lowercase: lastPayment is shown as lastpayment. */
export function discordName(canonical: string): string {
  return canonical.toLowerCase();
}

/** The options of one subcommand, required ones first (Discord refuses them after optional ones). */
export function optionPlan(command: CommandDefinition): PlannedOption[] {
  if (command.maxPositionals > 0 && !command.positional)
    throw new Error(`${command.name} takes a positional word but its definition has no positional saying what it is`);
  const positional = command.positional ? positionalOption(command.positional) : undefined;
  const required = new Set(command.requires ?? []);
  const planned: PlannedOption[] = [];
  if (positional) {
    planned.push(positional);
    for (const other of command.positional?.otherWords ?? [])
      planned.push({
        name: other.word,
        required: false,
        role: { kind: 'word', word: other.word },
        description: other.description,
      });
  }
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
  if (takesContractId && clearable.length > 0)
    planned.push({
      name: CLEAR_OPTION,
      required: false,
      role: { kind: 'clear', fields: clearable },
      description: 'a field to clear, as field:none does',
    });
  if (command.body)
    planned.push({
      name: FILE_OPTION,
      required: true,
      role: { kind: 'attachment' },
      description: command.body.description,
    });
  const names = planned.map((option) => option.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new Error(`${command.name}: two Discord options would be named ${duplicate}`);
  for (const name of required) {
    if (!command.args.some((arg) => arg.name === name))
      throw new Error(`${command.name}: requires names ${name}, which is not one of its arguments`);
  }
  // A stable sort keeps the registry's order within required and within optional options.
  return [...planned.filter((option) => option.required), ...planned.filter((option) => !option.required)];
}

/** The argument (or positional word) of the command an option stands for, by its canonical name. */
export function canonicalName(command: CommandDefinition, optionName: string): string | null {
  const option = optionPlan(command).find((candidate) => candidate.name === optionName);
  if (!option) return null;
  if (option.role.kind === 'arg') return option.role.arg.name;
  return option.role.kind === 'contractId' || option.role.kind === 'commandName'
    ? (command.positional?.name ?? null)
    : null;
}

/** What the focused option of an autocomplete request asks for (from the definition), or null when it suggests nothing. */
export function autocompleteTarget(command: CommandDefinition, optionName: string): SuggestionTarget | null {
  const name = canonicalName(command, optionName);
  return name === null ? null : suggestionTarget(command, name);
}
