// Discord forms: built as Label components (a label, an optional hint, one text input), within
// Discord's limits, and read back from either submission shape (Labels, as Discord sends for these
// forms, or the older action rows a client may still send) into the same named arguments.

import fc from 'fast-check';
import { ComponentType, TextInputStyle } from 'discord.js';
import type { APIModalSubmissionComponent } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  LABEL_DESCRIPTION_MAX,
  LABEL_TEXT_MAX,
  MODAL_ROWS_MAX,
  MODAL_TITLE_MAX,
} from '../../../adapters/discord/limits.ts';
import { formModal, submittedArgs, submittedInput } from '../../../adapters/discord/modals.ts';
import { formFieldValue } from '../../../src/commands/grammar.ts';
import { bareForm, formId } from '../../../src/commands/forms.ts';
import { COMMANDS } from '../../../src/commands/registry.ts';

const TODAY = '2026-11-30';
/** The forms Discord opens as a modal: a command with a form and no file (a modal takes no file). */
const MODAL_COMMANDS = COMMANDS.filter((command) => command.form && !command.body);

type Fields = Record<string, string>;

const asLabels = (fields: Fields): APIModalSubmissionComponent[] =>
  Object.entries(fields).map(([custom_id, value], index) => ({
    type: ComponentType.Label,
    id: index + 1,
    component: { type: ComponentType.TextInput, id: 100 + index, custom_id, value },
  }));
const asActionRows = (fields: Fields): APIModalSubmissionComponent[] =>
  Object.entries(fields).map(([custom_id, value]) => ({
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.TextInput, custom_id, value }],
  }));

describe('formModal', () => {
  it('has forms to test', () => {
    expect(MODAL_COMMANDS.map((command) => command.name)).toEqual(expect.arrayContaining(['add', 'end']));
  });

  it.each(MODAL_COMMANDS.map((command) => [command.name, command] as const))(
    '%s: every field is a Label wrapping a short text input named for its argument, within Discord’s limits',
    (name, command) => {
      const positional = command.form?.opensWhen === 'only-positional' ? 'c1' : null;
      const open = bareForm(name, TODAY, positional);
      if (!open) throw new Error(`${name} opens no form`);
      const modal = formModal(open);
      expect(modal.custom_id).toBe(positional === null ? formId(command) : `${formId(command)}:${positional}`);
      expect(modal.title.length).toBeLessThanOrEqual(MODAL_TITLE_MAX);
      expect(modal.components.length).toBe(Math.min(open.form.fields.length, MODAL_ROWS_MAX));
      modal.components.forEach((component, index) => {
        if (component.type !== ComponentType.Label) throw new Error(`expected a Label, got type ${component.type}`);
        expect(component.label.length).toBeLessThanOrEqual(LABEL_TEXT_MAX);
        expect((component.description ?? '').length).toBeLessThanOrEqual(LABEL_DESCRIPTION_MAX);
        const field = open.form.fields[index];
        expect(component.component).toMatchObject({
          type: ComponentType.TextInput,
          style: TextInputStyle.Short,
          custom_id: field?.arg,
          required: field?.required === true,
        });
        // Inside a Label the input carries no label of its own (Discord refuses one there).
        expect(component.component).not.toHaveProperty('label');
      });
    },
  );

  it('add: a date names its format and starts at today; a field with a hint shows it under the label', () => {
    const open = bareForm('add', TODAY);
    if (!open) throw new Error('add opens no form');
    const labels = formModal(open).components.flatMap((component) =>
      component.type === ComponentType.Label ? [component] : [],
    );
    const start = labels.find((label) => label.component.custom_id === 'start');
    expect(start?.label).toBe('Start (YYYY-MM-DD)');
    expect(start?.component).toMatchObject({ value: TODAY });
    const hinted = open.form.fields.find((field) => field.hint !== undefined);
    expect(labels.find((label) => label.component.custom_id === hinted?.arg)?.description).toBe(hinted?.hint);
  });
});

describe('submittedArgs', () => {
  const fieldName = fc.stringMatching(/^[a-zA-Z]{1,12}$/);
  const fields = fc.dictionary(fieldName, fc.string({ maxLength: 20 }), { maxKeys: 5 });

  it('reads Labels and action rows alike: the trimmed non-empty values by input id', () => {
    fc.assert(
      fc.property(fields, (given) => {
        // As typed, trimmed, one pair of quotes around the whole taken off (formFieldValue); blanks left out.
        const expected = Object.fromEntries(
          Object.entries(given).flatMap(([name, value]) => {
            const read = formFieldValue(value);
            return read === null ? [] : [[name, read]];
          }),
        );
        expect(submittedArgs(asLabels(given))).toEqual(expected);
        expect(submittedArgs(asActionRows(given))).toEqual(expected);
      }),
    );
  });

  it('skips what is not a text input: text displays, and a Label around another component', () => {
    const components: APIModalSubmissionComponent[] = [
      { type: ComponentType.TextDisplay, id: 1 },
      {
        type: ComponentType.Label,
        id: 2,
        component: { type: ComponentType.StringSelect, id: 3, custom_id: 'type', values: ['fixed'] },
      },
      ...asLabels({ client: ' Acme ' }),
    ];
    expect(submittedArgs(components)).toEqual({ client: 'Acme' });
  });

  it('a field of quotes around blanks is blank (regression: " " was read as a one-space value)', () => {
    expect(submittedArgs(asLabels({ client: '" "', stars: '“ 4.5 ”', end: '  ' }))).toEqual({ stars: '4.5' });
  });

  it('a Label-shaped submission of end’s form becomes end with its contract id and named arguments', () => {
    const open = bareForm('end', TODAY, 'c3');
    if (!open) throw new Error('end opens no form');
    const modal = formModal(open);
    expect(submittedInput(modal.custom_id, submittedArgs(asLabels({ end: '2026-11-01', stars: '5' })))).toEqual({
      command: 'end',
      positionals: ['c3'],
      named: { end: '2026-11-01', stars: '5' },
      body: '',
    });
  });
});
