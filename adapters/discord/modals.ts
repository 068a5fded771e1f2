// The forms of the commands that have one and read no file (add, end ID), rendered from the
// command's definition with discord.js's builders. Each field is a Label component wrapping a text
// input (action rows in modals are deprecated); the input's custom id is the argument's name, so a
// submission becomes the same named arguments a typed command has.

import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, ComponentType } from 'discord.js';
import type {
  APIModalInteractionResponseCallbackData,
  APIModalSubmissionComponent,
  APIModalSubmitTextInputComponent,
} from 'discord-api-types/v10';
import type { CommandInput } from '../../src/commands/dispatch.ts';
import type { FormField } from '../../src/commands/define.ts';
import { formId, type OpenForm } from '../../src/commands/forms.ts';
import { formFieldValue } from '../../src/commands/grammar.ts';
import { COMMANDS } from '../../src/commands/registry.ts';
import { LABEL_DESCRIPTION_MAX, LABEL_TEXT_MAX, MODAL_ROWS_MAX, MODAL_TITLE_MAX } from './limits.ts';

/** Text inputs take at most this much (the longest argument a form asks for, a client name, is 100). */
const INPUT_MAX_LENGTH = 100;
const DATE_FORMAT = 'YYYY-MM-DD';

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One field: its label (with the date format, range or choices when they fit), its hint below, its text input. */
function labelledInput(open: OpenForm, field: FormField): LabelBuilder {
  const { command } = open;
  const kind = command.args.find((arg) => arg.name === field.arg)?.kind;
  // A text input in place of a select: the choices are named in the label, or the placeholder when they do not fit.
  const choices = kind?.type === 'choice' ? `${field.label}: ${kind.choices.join(' or ')}` : null;
  const range =
    kind?.type === 'number' && kind.min !== undefined && kind.max !== undefined
      ? `${field.label} (${kind.min}–${kind.max})`
      : null;
  const label =
    kind?.type === 'date'
      ? `${field.label} (${DATE_FORMAT})`
      : range !== null
        ? range
        : choices !== null && choices.length <= LABEL_TEXT_MAX
          ? choices
          : field.label;
  const placeholder =
    kind?.type === 'choice' && label === field.label
      ? kind.choices.join(', ')
      : (field.placeholder ?? (kind?.type === 'date' ? (open.values[field.arg] ?? DATE_FORMAT) : undefined));
  const input = new TextInputBuilder()
    .setCustomId(field.arg)
    .setStyle(TextInputStyle.Short)
    .setRequired(field.required === true)
    .setMaxLength(INPUT_MAX_LENGTH);
  if (placeholder) input.setPlaceholder(placeholder);
  const value = open.values[field.arg];
  if (value) input.setValue(value);
  const labelled = new LabelBuilder().setLabel(cut(label, LABEL_TEXT_MAX)).setTextInputComponent(input);
  return field.hint ? labelled.setDescription(cut(field.hint, LABEL_DESCRIPTION_MAX)) : labelled;
}

/** A command's form as a Discord modal: its first five fields, each a labelled text input (a date says its format). */
export function formModal(open: OpenForm): APIModalInteractionResponseCallbackData {
  const { command, form } = open;
  return new ModalBuilder()
    .setCustomId(open.positional === null ? formId(command) : `${formId(command)}:${open.positional}`)
    .setTitle(cut(open.title, MODAL_TITLE_MAX))
    .addLabelComponents(form.fields.slice(0, MODAL_ROWS_MAX).map((field) => labelledInput(open, field)))
    .toJSON();
}

/** A submitted form back into the command it belongs to (help when the id names none). */
export function submittedInput(customId: string, named: Record<string, string>): CommandInput {
  for (const command of COMMANDS) {
    if (!command.form) continue;
    const id = formId(command);
    if (customId === id) return { command: command.name, positionals: [], named, body: '' };
    if (customId.startsWith(`${id}:`))
      return { command: command.name, positionals: [customId.slice(id.length + 1)], named, body: '' };
  }
  return { command: 'help', positionals: [], named, body: '' };
}

/**
 * The text inputs of a submission: inside Label components (what Discord sends for the forms
 * above), or inside action rows (the older shape, which a client may still send).
 */
function textInputsOf(components: readonly APIModalSubmissionComponent[]): APIModalSubmitTextInputComponent[] {
  return components.flatMap((component) => {
    switch (component.type) {
      case ComponentType.Label:
        return component.component?.type === ComponentType.TextInput ? [component.component] : [];
      case ComponentType.ActionRow:
        return (component.components ?? []).filter((input) => input.type === ComponentType.TextInput);
      default:
        return [];
    }
  });
}

/** The submitted text inputs as named arguments (empty ones left out). */
export function submittedArgs(components: readonly APIModalSubmissionComponent[]): Record<string, string> {
  const named: Record<string, string> = {};
  for (const input of textInputsOf(components)) {
    const value = typeof input.value === 'string' ? formFieldValue(input.value) : null;
    if (value !== null) named[input.custom_id] = value;
  }
  return named;
}
