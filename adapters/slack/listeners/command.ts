// /jss: what the member typed, parsed as the shared grammar reads it. A command whose definition
// opens a form opens it (the trigger_id is valid 3 seconds and once, so before anything else);
// any other runs, its reply in the ack when it is quick (ack-race.ts).

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { formToOpen } from '../../../src/commands/forms.ts';
import { parseCommandText } from '../../../src/commands/grammar.ts';
import { errorReply } from '../../../src/replies/reply.ts';
import { ackOrRespond } from '../ack-race.ts';
import { plainCommandText } from '../command-text.ts';
import { formView } from '../modals.ts';
import { messageOf } from '../reply-message.ts';
import type { ListenerDeps } from './deps.ts';
import { reportError, runForMember, sendFiles } from './run-for-member.ts';
import { whoOfCommand } from './who.ts';

export const SLASH_COMMAND = '/jss';

const EXAMPLE = '/jss add client:"Acme Ltd" type:hourly start:2026-01-10';

export function commandListener(deps: ListenerDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const who = whoOfCommand(command);
    // Slack escapes & < > and sends links and mentions as markup: read what the member typed.
    const parsed = parseCommandText(plainCommandText(command.text ?? ''));
    if (!parsed.ok) {
      await ack({ response_type: 'ephemeral', ...messageOf(errorReply(parsed.message, `Example: ${EXAMPLE}`)) });
      return;
    }
    const input = parsed.parsed;
    const open = formToOpen(input, deps.today());
    if (open) {
      // Ack first (the trigger_id stays valid for its 3 s), then open the form; if Slack refuses it,
      // say so instead of leaving the command unanswered.
      await ack();
      try {
        await client.views.open({ trigger_id: command.trigger_id, view: formView(open) });
      } catch (error) {
        reportError(deps, who, error);
        await respond({
          response_type: 'ephemeral',
          ...messageOf(
            errorReply(`the form could not be opened; type the command with its arguments instead, e.g. ${EXAMPLE}`),
          ),
        });
      }
      return;
    }
    await ackOrRespond(runForMember(deps, who, input, client), deps.ackBudgetMs, ack, respond, messageOf, (reply) =>
      sendFiles(deps, client, { userId: who.userId }, reply, who),
    );
  };
}
