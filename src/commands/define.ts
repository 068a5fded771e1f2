// A command is defined once, here in its own file: its arguments (typed for the handler), what
// its positional word means, whether it reads a body, who may run it, whether it writes, and the
// form a platform opens for it. The command bus, the adapters, the docs, the Discord registration
// and autocomplete read the definition; none of them keeps a table keyed by command name.

import type { CommandGroup } from './groups.ts';
import type { Reply } from '../replies/reply.ts';
import type { ArgSpec, ArgsOf } from './args.ts';
import type { CommandDefinition, CommandRun } from './types.ts';

/** What the positional word is. */
type PositionalKind =
  /** One of the member's contract ids (suggested as they type). */
  | { type: 'contractId' }
  /** A command name or help topic (help's topic). */
  | { type: 'commandName' }
  /** A switch: the word is present or not (leaderboard longterm). */
  | { type: 'word'; word: string }
  /** One of these words (remind on|off). */
  | { type: 'wordChoice'; words: readonly string[] }
  /** A whole number (actual's SCORE). */
  | { type: 'wholeNumber'; min: number; max: number };

export interface PositionalSpec {
  /** Its name where a platform names it (a Discord option). */
  name: string;
  description: string;
  /** The command cannot run without it. */
  required?: boolean;
  kind: PositionalKind;
  /** Other words the positional may be instead, each a switch of its own on platforms with options (actual remove). */
  otherWords?: readonly { word: string; description: string }[];
}

/** A command that reads a file: pasted after the command line, attached, or uploaded in its form. */
export interface BodySpec {
  kind: 'csv-or-json';
  /** What the file is, for an attachment option. */
  description: string;
}

/**
 * Who may run it. 'always': admins only; 'to-change': anyone without arguments (which only shows),
 * admins with arguments or a positional word. The command bus refuses others with `refusal`; adapters ask their platform
 * whether the member is an admin only when the rule applies.
 */
export interface AdminRule {
  when: 'always' | 'to-change';
  refusal: string;
}

export interface FormField<Name extends string = string> {
  arg: Name;
  label: string;
  hint?: string;
  placeholder?: string;
  /** 'today' for dates; else the value the field starts with. */
  default?: string;
  /** The form cannot be sent without it. */
  required?: boolean;
  /** A value typed with the command is carried into the form instead of running it (import mode:replace). */
  carried?: boolean;
}

export interface FormSpec<Name extends string = string> {
  /** `{positional}` is replaced by the positional word (End {positional} → End c3). */
  title: string;
  submit: string;
  /** 'no-arguments': the bare command opens it; 'only-positional': the command with its positional word and nothing else. */
  opensWhen: 'no-arguments' | 'only-positional';
  fields: readonly FormField<Name>[];
  /** The file field of a command with a body (Slack's file input). */
  file?: { label: string; hint: string };
}

/** What a handler receives: the converted arguments typed from the command's specs. */
type TypedRun<Args> = Omit<CommandRun, 'args'> & { args: Args };

export interface CommandSpec<A extends readonly ArgSpec[]> {
  name: string;
  summary: string;
  usage: string;
  examples: readonly string[];
  args: A;
  positional?: PositionalSpec;
  requires?: readonly A[number]['name'][];
  body?: BodySpec;
  writes: boolean;
  adminOnly?: AdminRule;
  form?: FormSpec<A[number]['name']>;
  group?: CommandGroup;
  run(run: TypedRun<ArgsOf<A>>): Promise<Reply>;
}

/** Defines a command; `run` gets `args` typed from `args` (no casts). */
export function defineCommand<const A extends readonly ArgSpec[]>(spec: CommandSpec<A>): CommandDefinition {
  for (const name of [...(spec.requires ?? []), ...(spec.form?.fields ?? []).map((field) => field.arg)]) {
    if (!spec.args.some((arg) => arg.name === name))
      throw new Error(`${spec.name}: ${name} is not one of its arguments`);
  }
  return { ...spec, maxPositionals: spec.positional ? 1 : 0, run: spec.run as (run: CommandRun) => Promise<Reply> };
}

/** Whether this input needs the member to be an admin (so an adapter asks its platform only then). */
export function needsAdmin(
  command: CommandDefinition,
  named: Readonly<Record<string, unknown>>,
  positionals: readonly string[] = [],
): boolean {
  const rule = command.adminOnly;
  if (!rule) return false;
  // A positional word is a change too (config forget-community).
  return rule.when === 'always' || Object.keys(named).length > 0 || positionals.length > 0;
}
