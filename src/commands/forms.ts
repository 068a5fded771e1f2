// When a command opens its form instead of running, and with what in it: read from the command's
// definition (`form`), the same for every platform. Each adapter renders the form natively (a
// Slack modal, a Discord modal) and turns the submission back into the command's named arguments.

import type { FormField, FormSpec } from './define.ts';
import type { CommandInput } from './dispatch.ts';
import { findCommand } from './registry.ts';
import type { CommandDefinition } from './types.ts';

export interface OpenForm {
  command: CommandDefinition;
  form: FormSpec;
  /** The form's title, with the positional word in it (End c3). */
  title: string;
  /** The positional word the form is about (end's contract id), carried through the submission. */
  positional: string | null;
  /** What each field starts with: its default ('today' read as today), or the value typed with the command. */
  values: Record<string, string>;
}

/** The value a field starts with. */
function initialValue(field: FormField, today: string): string | undefined {
  return field.default === 'today' ? today : field.default;
}

/** The form the input opens, or null when the command runs as typed. */
export function formToOpen(input: CommandInput, today: string): OpenForm | null {
  const command = input.command === null ? undefined : findCommand(input.command);
  const form = command?.form;
  if (!command || !form || input.body.trim() !== '') return null;
  if (input.positionals.length !== (form.opensWhen === 'only-positional' ? 1 : 0)) return null;
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    const value = initialValue(field, today);
    if (value !== undefined) values[field.arg] = value;
  }
  // Only values a field carries may come with the command, and only one the field can show.
  for (const [name, value] of Object.entries(input.named)) {
    const field = form.fields.find((candidate) => candidate.carried && candidate.arg === name);
    const kind = command.args.find((arg) => arg.name === name)?.kind;
    if (!field || (kind?.type === 'choice' && !kind.choices.includes(value))) return null;
    values[name] = value;
  }
  const positional = input.positionals[0] ?? null;
  return { command, form, title: form.title.replace('{positional}', positional ?? ''), positional, values };
}

/** The form of a command by its name, opened bare (a form a platform renders without a typed command). */
export function bareForm(
  name: string,
  today: string,
  positional: string | null = null,
  named: Record<string, string> = {},
): OpenForm | null {
  return formToOpen({ command: name, positionals: positional === null ? [] : [positional], named, body: '' }, today);
}

/** The platform-neutral id of a form: jss_add, jss_end (the positional word rides separately). */
export function formId(command: CommandDefinition): string {
  return `jss_${command.name}`;
}
