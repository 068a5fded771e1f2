// The forms of the commands that have one and read no file (add, end ID), rendered from the
// command's definition. Discord modals hold at most five text inputs, whose custom ids are the
// argument names, so a submission becomes the same named arguments a typed command has.

import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import { ComponentType, TextInputStyle } from 'discord.js';
import type { CommandInput } from '../../src/commands/dispatch.ts';
import { formId, type OpenForm } from '../../src/commands/forms.ts';
import { COMMANDS } from '../../src/commands/registry.ts';
import { MODAL_ROWS_MAX, MODAL_TITLE_MAX } from './limits.ts';

/** Text inputs take at most this much (the longest argument a form asks for, a client name, is 100). */
const INPUT_MAX_LENGTH = 100;
const DATE_FORMAT = 'YYYY-MM-DD';

function row(field: string, label: string, required: boolean, placeholder: string | undefined, value?: string) {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.TextInput, custom_id: field, label, style: TextInputStyle.Short, required, ...(placeholder && { placeholder }), max_length: INPUT_MAX_LENGTH, ...(value && { value }) }],
  };
}

function title(text: string): string {
  return text.length > MODAL_TITLE_MAX ? `${text.slice(0, MODAL_TITLE_MAX - 1)}…` : text;
}

/** A command's form as a Discord modal: its first five fields, each a text input (a date says its format). */
export function formModal(open: OpenForm): APIModalInteractionResponseCallbackData {
  const { command, form } = open;
  const rows = form.fields.slice(0, MODAL_ROWS_MAX).map((field) => {
    const kind = command.args.find((arg) => arg.name === field.arg)?.kind;
    // A text input in place of a select: the choices are named in the label, or the placeholder when they do not fit.
    const choices = kind?.type === 'choice' ? `${field.label}: ${kind.choices.join(' or ')}` : null;
    const range = kind?.type === 'number' && kind.min !== undefined && kind.max !== undefined ? `${field.label} (${kind.min}–${kind.max})` : null;
    const label = kind?.type === 'date' ? `${field.label} (${DATE_FORMAT})` : range !== null ? range : choices !== null && choices.length <= MODAL_TITLE_MAX ? choices : field.label;
    const placeholder =
      kind?.type === 'choice' && label === field.label ? kind.choices.join(', ') : (field.placeholder ?? (kind?.type === 'date' ? (open.values[field.arg] ?? DATE_FORMAT) : undefined));
    return row(field.arg, title(label), field.required === true, placeholder, open.values[field.arg]);
  });
  return {
    custom_id: open.positional === null ? formId(command) : `${formId(command)}:${open.positional}`,
    title: title(open.title),
    components: rows,
  } as APIModalInteractionResponseCallbackData;
}

/** A submitted form back into the command it belongs to (help when the id names none). */
export function submittedInput(customId: string, named: Record<string, string>): CommandInput {
  for (const command of COMMANDS) {
    if (!command.form) continue;
    const id = formId(command);
    if (customId === id) return { command: command.name, positionals: [], named, body: '' };
    if (customId.startsWith(`${id}:`)) return { command: command.name, positionals: [customId.slice(id.length + 1)], named, body: '' };
  }
  return { command: 'help', positionals: [], named, body: '' };
}

/** The submitted text inputs as named arguments (empty ones left out). */
export function submittedArgs(rows: readonly { components: readonly { custom_id: string; value?: string }[] }[]): Record<string, string> {
  const named: Record<string, string> = {};
  for (const actionRow of rows) {
    for (const input of actionRow.components) {
      const value = input.value?.trim() ?? '';
      if (value !== '') named[input.custom_id] = value;
    }
  }
  return named;
}
