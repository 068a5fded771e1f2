// The forms of the commands that have one (add, end ID, import), rendered from the command's
// definition: date pickers, selects and number inputs whose block ids are the argument names, so a
// submission becomes the same named arguments a typed command has, and the same zod schemas check it.
// A command that reads a file gets a file_input (the bot downloads the file through the Web API).

import type { ViewStateValue } from '@slack/bolt';
import type { InputBlock, InputBlockElement, ModalView, PlainTextElement, StaticSelect } from '@slack/types';
import type { ArgSpec } from '../../src/commands/args.ts';
import { bareForm, formId, type OpenForm } from '../../src/commands/forms.ts';
import { formFieldValue } from '../../src/commands/grammar.ts';
import { cutToLength } from '../../src/text/graphemes.ts';
import { SECTION_TEXT_MAX, truncate } from './blocks/index.ts';
import { IMPORT_FILE_TYPES, IMPORT_FILES_MAX, MODAL_TITLE_MAX } from './limits.ts';

/** The file block of a command that reads a file (import). */
export const IMPORT_FILE_BLOCK = 'file';
const ACTION = 'value';

function plain(text: string): PlainTextElement {
  return { type: 'plain_text', text };
}

function input(field: string, label: string, element: InputBlockElement, optional: boolean, hint?: string): InputBlock {
  return {
    type: 'input',
    block_id: field,
    optional,
    label: plain(label),
    element: { ...element, action_id: ACTION },
    ...(hint && { hint: plain(hint) }),
  };
}

function select(options: readonly string[], placeholder: string, initial?: string): StaticSelect {
  return {
    type: 'static_select',
    placeholder: plain(placeholder),
    options: options.map((value) => ({ text: plain(value), value })),
    ...(initial !== undefined &&
      options.includes(initial) && { initial_option: { text: plain(initial), value: initial } }),
  };
}

/** The form's title within Slack's 24 characters; the id in it is the member's, so cut between graphemes. */
function title(text: string): PlainTextElement {
  return plain(cutToLength(text, MODAL_TITLE_MAX));
}

/** The Slack element for an argument of this kind. */
function elementOf(arg: ArgSpec, placeholder: string | undefined, initial: string | undefined): InputBlockElement {
  const kind = arg.kind;
  switch (kind.type) {
    case 'text':
      return {
        type: 'plain_text_input',
        ...(arg.maxLength !== undefined && { max_length: arg.maxLength }),
        ...(initial !== undefined && { initial_value: initial }),
      };
    case 'date':
      return { type: 'datepicker', ...(initial !== undefined && { initial_date: initial }) };
    case 'choice':
      return select(kind.choices, placeholder ?? kind.choices[0] ?? '', initial);
    case 'boolean':
      return select(['true', 'false'], placeholder ?? 'true or false', initial);
    case 'money':
      return {
        type: 'number_input',
        is_decimal_allowed: true,
        min_value: '0',
        ...(initial !== undefined && { initial_value: initial }),
      };
    case 'number':
      return {
        type: 'number_input',
        is_decimal_allowed: true,
        ...(kind.min !== undefined && { min_value: String(kind.min) }),
        ...(kind.max !== undefined && { max_value: String(kind.max) }),
        ...(initial !== undefined && { initial_value: initial }),
      };
    case 'integer':
      return {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: String(kind.min),
        max_value: String(kind.max),
        ...(initial !== undefined && { initial_value: initial }),
      };
  }
}

/** A command's form as a Slack modal; its callback id is the form id, the positional word rides in private_metadata. */
export function formView(open: OpenForm): ModalView {
  const { command, form } = open;
  const file =
    command.body && form.file
      ? [
          input(
            IMPORT_FILE_BLOCK,
            form.file.label,
            { type: 'file_input', filetypes: [...IMPORT_FILE_TYPES], max_files: IMPORT_FILES_MAX },
            false,
            form.file.hint,
          ),
        ]
      : [];
  const fields = form.fields.map((field) => {
    const arg = command.args.find((candidate) => candidate.name === field.arg) as ArgSpec;
    return input(
      field.arg,
      field.label,
      elementOf(arg, field.placeholder, open.values[field.arg]),
      field.required !== true,
      field.hint,
    );
  });
  return {
    type: 'modal',
    callback_id: formId(command),
    ...(open.positional !== null && { private_metadata: open.positional }),
    title: title(open.title),
    submit: plain(form.submit),
    close: plain('Cancel'),
    blocks: [...file, ...fields],
  };
}

/** The form behind `/jss import` without a file: one CSV (file_input), and add or replace. */
export function importModal(mode: 'add' | 'replace' = 'add'): ModalView {
  const open = bareForm('import', '', null, { mode });
  if (!open) throw new Error('import has no form');
  return formView(open);
}

/** A submitted form's values: block id (the argument's name) → action id → what was entered (Bolt's type). */
export type SubmittedValues = Record<string, Record<string, ViewStateValue>>;

/** The submitted form as named command arguments (text, exactly as typed commands give them). */
export function submittedArgs(values: SubmittedValues): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [field, actions] of Object.entries(values)) {
    const state = actions[ACTION];
    if (!state) continue;
    const typed = state.selected_date ?? state.selected_option?.value ?? state.value ?? null;
    const value = typeof typed === 'string' ? formFieldValue(typed) : null;
    if (value !== null) named[field] = value;
  }
  return named;
}

/** The uploaded file ids of a form with a file (Slack keeps the file; the bot reads it). */
export function submittedFileIds(values: SubmittedValues): string[] {
  const files = values[IMPORT_FILE_BLOCK]?.[ACTION]?.files ?? [];
  return files.map((file) => file.id).filter((id): id is string => typeof id === 'string' && id !== '');
}

/** The modal after a submission: the reply in words (escaped mrkdwn, cut to one section), with a Done button. */
export function resultView(title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: plain(cutToLength(title, MODAL_TITLE_MAX)),
    close: plain('Done'),
    // verbatim, as every message: Slack must not turn the member's text into links or mentions.
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(text === '' ? ' ' : text, SECTION_TEXT_MAX), verbatim: true },
      },
    ],
  };
}
