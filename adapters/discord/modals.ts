// The forms behind `/jss add` and `/jss end` without options. Discord modals hold at most five
// text inputs, whose custom ids are the contract file's field names, so a submission becomes the
// same named arguments a typed command has.

import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import { ComponentType, TextInputStyle } from 'discord.js';
import { MODAL_TITLE_MAX } from './limits.ts';

export const ADD_MODAL = 'jss_add';
export const END_MODAL_PREFIX = 'jss_end:';

function row(field: string, label: string, required: boolean, placeholder: string, value?: string) {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.TextInput, custom_id: field, label, style: TextInputStyle.Short, required, placeholder, max_length: 100, ...(value && { value }) }],
  };
}

function title(text: string): string {
  return text.length > MODAL_TITLE_MAX ? `${text.slice(0, MODAL_TITLE_MAX - 1)}…` : text;
}

export function addModal(today: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: ADD_MODAL,
    title: 'Add a contract',
    components: [
      row('client', 'Client', true, 'Acme Ltd'),
      row('type', 'Type: hourly or fixed', true, 'hourly'),
      row('start', 'Start (YYYY-MM-DD)', true, today, today),
      row('earnings', 'Earnings so far (USD)', false, '1200'),
      row('end', 'End (YYYY-MM-DD), empty while open', false, today),
    ],
  } as APIModalInteractionResponseCallbackData;
}

export function endModal(contractId: string, today: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${END_MODAL_PREFIX}${contractId}`,
    title: title(`End ${contractId}`),
    components: [
      row('end', 'Ended on (YYYY-MM-DD)', true, today, today),
      row('stars', 'Stars from the client, 1–5', false, '5'),
      row('endReason', 'End reason', false, 'completed, cancelled, client_unresponsive, other'),
    ],
  } as APIModalInteractionResponseCallbackData;
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
