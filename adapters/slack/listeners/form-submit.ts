// A submitted form runs its command with the form's values as named arguments. The modal answers
// with errors on the fields the reply names, else with the result in the modal. A form with a file
// (import) reads the file through the Web API first; its answer goes in the ack when it is ready in
// time, else the ack says "Importing…" and the result follows with views.update.

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { runCommand, type CommandInput } from '../../../src/commands/dispatch.ts';
import type { CommandDefinition } from '../../../src/commands/types.ts';
import { errorReply, type Reply } from '../../../src/replies/reply.ts';
import { renderText } from '../../../src/replies/render-text.ts';
import { problemReply } from '../../../src/replies/problem-reply.ts';
import { withinBudget } from '../ack-race.ts';
import { escapeMrkdwn } from '../blocks/index.ts';
import { slackContext } from '../context.ts';
import { IMPORT_FILE_BLOCK, resultView, submittedArgs, submittedFileIds } from '../modals.ts';
import { uploadedFileText } from '../uploaded-file.ts';
import type { ListenerDeps } from './deps.ts';
import { reportError } from './run-for-member.ts';
import { whoOfSubmission } from './who.ts';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

type FormOutcome = { kind: 'fileRefused'; reason: string } | { kind: 'reply'; reply: Reply };

/** The reply in words for the modal (escaped mrkdwn, without its title: the modal's title is). */
function resultOf(reply: Reply) {
  return resultView(reply.title, escapeMrkdwn(renderText({ ...reply, title: '', actions: [] }).trim()));
}

/** The modal's answer to an outcome: errors on the fields it names, else the result in the modal. */
function formAnswer(outcome: FormOutcome, blockIds: readonly string[]) {
  if (outcome.kind === 'fileRefused')
    return {
      response_action: 'errors' as const,
      errors: { [IMPORT_FILE_BLOCK]: `${outcome.reason}. Nothing was imported.` },
    };
  const { reply } = outcome;
  if (reply.kind === 'error') {
    const fieldErrors = reply.fieldErrors ?? {};
    const known = Object.keys(fieldErrors).filter((field) => blockIds.includes(field));
    if (known.length > 0)
      return {
        response_action: 'errors' as const,
        errors: Object.fromEntries(known.map((field) => [field, fieldErrors[field] as string])),
      };
  }
  return { response_action: 'update' as const, view: resultOf(reply) };
}

/** A form without a file (add, end, config…): runs at once, answered in the ack. */
export function formSubmitListener(deps: ListenerDeps, command: CommandDefinition) {
  return async ({ ack, body, view }: SubmitArgs): Promise<void> => {
    const named = submittedArgs(view.state.values);
    const positionals = command.form?.opensWhen === 'only-positional' ? [view.private_metadata] : [];
    const input: CommandInput = { command: command.name, positionals, named, body: '' };
    const reply = await runCommand(deps.services, slackContext(whoOfSubmission(body, view), deps.today()), input);
    await ack(
      formAnswer(
        { kind: 'reply', reply },
        view.blocks.map((block) => block.block_id ?? ''),
      ),
    );
  };
}

/** The import form: the file is read through the Web API, then imported as if it had been pasted. */
export function fileFormSubmitListener(deps: ListenerDeps, command: CommandDefinition) {
  return async ({ ack, body, view, client }: SubmitArgs): Promise<void> => {
    const fileIds = submittedFileIds(view.state.values);
    const named = submittedArgs(view.state.values);
    const positionals = view.private_metadata ? [view.private_metadata] : [];
    const who = whoOfSubmission(body, view);
    const blockIds = view.blocks.map((block) => block.block_id ?? '');
    const work = (async (): Promise<FormOutcome> => {
      const [fileId] = fileIds;
      if (!fileId) return { kind: 'fileRefused', reason: 'expected a CSV file' };
      const file = await uploadedFileText(client, fileId, deps.config);
      if (!file.ok) return { kind: 'fileRefused', reason: file.reason };
      const input: CommandInput = { command: command.name, positionals, named, body: file.text };
      return { kind: 'reply', reply: await runCommand(deps.services, slackContext(who, deps.today()), input) };
    })().catch((error: unknown): FormOutcome => {
      reportError(deps, who, error);
      return { kind: 'reply', reply: problemReply() };
    });
    const quick = await withinBudget(work, deps.ackBudgetMs);
    if (quick !== null) {
      await ack(formAnswer(quick, blockIds));
      return;
    }
    await ack({
      response_action: 'update',
      view: resultView('Importing…', 'Reading your file; the result shows here in a moment.'),
    });
    const outcome = await work;
    // Too late for errors on the field: a refused file is told in the modal instead.
    const reply =
      outcome.kind === 'fileRefused' ? errorReply(`file: ${outcome.reason}`, 'Nothing was imported.') : outcome.reply;
    try {
      await client.views.update({ view_id: view.id, view: resultOf(reply) });
    } catch (error) {
      reportError(deps, who, error);
    }
  };
}
