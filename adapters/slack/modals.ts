// The forms behind `/jss add` and `/jss end ID` without arguments: date pickers, selects and
// number inputs whose block ids are the contract file's field names, so a submission becomes
// the same named arguments a typed command has, and the same zod schemas check it.

import type { View } from '@slack/types';
import { CONTRACT_TYPES, COUNTED_OUTCOMES, END_REASONS } from '../../src/scoring/types.ts';
import { cutToLength } from '../../src/text/graphemes.ts';
import { SECTION_TEXT_MAX, truncate } from './blocks/index.ts';
import { IMPORT_FILE_TYPES, IMPORT_FILES_MAX, MODAL_TITLE_MAX } from './limits.ts';

export const ADD_CALLBACK = 'jss_add';
export const END_CALLBACK = 'jss_end';
export const IMPORT_CALLBACK = 'jss_import';
/** The import form's blocks: the file, and import's own `mode` argument. */
export const IMPORT_FILE_BLOCK = 'file';
export const IMPORT_MODE_BLOCK = 'mode';
const IMPORT_MODES = ['add', 'replace'] as const;
const ACTION = 'value';

type Element = Record<string, unknown>;

function plain(text: string) {
  return { type: 'plain_text', text };
}

function input(field: string, label: string, element: Element, optional: boolean, hint?: string) {
  return { type: 'input', block_id: field, optional, label: plain(label), element: { ...element, action_id: ACTION }, ...(hint && { hint: plain(hint) }) };
}

function select(options: readonly string[], placeholder: string): Element {
  return { type: 'static_select', placeholder: plain(placeholder), options: options.map((value) => ({ text: plain(value), value })) };
}

function number(min: string, max?: string): Element {
  return { type: 'number_input', is_decimal_allowed: true, min_value: min, ...(max && { max_value: max }) };
}

function title(text: string) {
  return plain(text.length > MODAL_TITLE_MAX ? `${text.slice(0, MODAL_TITLE_MAX - 1)}…` : text);
}

export function addContractModal(today: string): View {
  return {
    type: 'modal',
    callback_id: ADD_CALLBACK,
    title: title('Add a contract'),
    submit: plain('Add'),
    close: plain('Cancel'),
    blocks: [
      input('client', 'Client', { type: 'plain_text_input', max_length: 100 }, false, 'The same name is the same client.'),
      input('type', 'Type', select(CONTRACT_TYPES, 'hourly or fixed'), false),
      input('start', 'Start', { type: 'datepicker', initial_date: today }, false),
      input('end', 'End', { type: 'datepicker' }, true, 'Leave empty while the contract is open.'),
      input('earnings', 'Earnings (USD)', number('0'), true, 'Total paid so far.'),
      input('stars', 'Stars', number('1', '5'), true, "The client's public feedback, 1–5, once it ended."),
      input('endReason', 'End reason', select(END_REASONS, 'completed'), true),
      input('counted', 'Upwork counted it as', select(COUNTED_OUTCOMES, 'not known'), true, 'Only when you know it; leave empty to let the bot work it out.'),
      input('id', 'Your id for it', { type: 'plain_text_input', max_length: 32 }, true, 'Given (c1, c2, …) when empty.'),
    ],
  } as unknown as View;
}

export function endContractModal(contractId: string, today: string): View {
  return {
    type: 'modal',
    callback_id: END_CALLBACK,
    private_metadata: contractId,
    title: title(`End ${contractId}`),
    submit: plain('End contract'),
    close: plain('Cancel'),
    blocks: [
      input('end', 'Ended on', { type: 'datepicker', initial_date: today }, false),
      input('stars', 'Stars', number('1', '5'), true, "The client's public feedback, 1–5."),
      input('endReason', 'End reason', select(END_REASONS, 'completed'), true),
      input('counted', 'Upwork counted it as', select(COUNTED_OUTCOMES, 'not known'), true, 'Only when you know it.'),
    ],
  } as unknown as View;
}

/** The form behind `/jss import` without a file: one CSV (file_input), and add or replace. */
export function importModal(mode: 'add' | 'replace' = 'add'): View {
  const modeSelect = { ...select(IMPORT_MODES, 'add'), initial_option: { text: plain(mode), value: mode } };
  return {
    type: 'modal',
    callback_id: IMPORT_CALLBACK,
    title: title('Import contracts'),
    submit: plain('Import'),
    close: plain('Cancel'),
    blocks: [
      input(IMPORT_FILE_BLOCK, 'CSV file', { type: 'file_input', filetypes: IMPORT_FILE_TYPES, max_files: IMPORT_FILES_MAX }, false,
        'Upwork: Reports → Transaction history → Download CSV (help upwork), or a file from export.'),
      input(IMPORT_MODE_BLOCK, 'Mode', modeSelect, false, 'add to your contracts, or replace them all.'),
    ],
  } as unknown as View;
}

interface StateValue {
  type?: string;
  files?: { id?: string }[] | null;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
}

/** The submitted form as named command arguments (text, exactly as typed commands give them). */
export function submittedArgs(values: Record<string, Record<string, StateValue>>): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [field, actions] of Object.entries(values)) {
    const state = actions[ACTION];
    if (!state) continue;
    const value = state.selected_date ?? state.selected_option?.value ?? state.value ?? null;
    if (value !== null && value !== undefined && value.trim() !== '') named[field] = value;
  }
  return named;
}

/** The import form as submitted: the uploaded file ids (Slack keeps the file; the bot reads it) and the mode. */
export function submittedImport(values: Record<string, Record<string, StateValue>>): { fileIds: string[]; mode: string | null } {
  const files = values[IMPORT_FILE_BLOCK]?.[ACTION]?.files ?? [];
  const fileIds = files.map((file) => file.id).filter((id): id is string => typeof id === 'string' && id !== '');
  const mode = values[IMPORT_MODE_BLOCK]?.[ACTION]?.selected_option?.value ?? null;
  return { fileIds, mode };
}

/** The modal after a submission: the reply in words (escaped mrkdwn, cut to one section), with a Done button. */
export function resultView(title: string, text: string): View {
  return {
    type: 'modal',
    title: plain(cutToLength(title, MODAL_TITLE_MAX)),
    close: plain('Done'),
    // verbatim, as every message: Slack must not turn the member's text into links or mentions.
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: truncate(text === '' ? ' ' : text, SECTION_TEXT_MAX), verbatim: true } }],
  } as unknown as View;
}
