// A run button pressed in a view (the Home tab, or a modal opened from it) has no response_url:
// a command with a form opens it (views.open from the Home, views.push over a modal); a write
// that went through shows in the refreshed Home; anything else answers in a modal (opened with the
// trigger_id, which is valid 3 s, or the modal the button was in, updated).

import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { CommandInput } from '../../../src/commands/dispatch.ts';
import { formToOpen } from '../../../src/commands/forms.ts';
import { findCommand } from '../../../src/commands/registry.ts';
import type { Reply } from '../../../src/replies/reply.ts';
import { cutToLength } from '../../../src/text/graphemes.ts';
import type { SlackWho } from '../context.ts';
import { MODAL_TITLE_MAX } from '../limits.ts';
import { withinBudget } from '../ack-race.ts';
import { formView, resultView } from '../modals.ts';
import { messageOf } from '../reply-message.ts';
import type { ListenerDeps } from './deps.ts';
import { reportError, runForMember } from './run-for-member.ts';

const MODAL_TITLE = 'jss-coach';

/** A reply as a modal: the message's blocks (a message holds 50, a modal 100), without sharing. */
function replyModal(reply: Reply): ModalView {
  const message = messageOf({ ...reply, shareable: false });
  return {
    type: 'modal',
    title: { type: 'plain_text', text: cutToLength(MODAL_TITLE, MODAL_TITLE_MAX) },
    close: { type: 'plain_text', text: 'Done' },
    blocks: message.blocks as ModalView['blocks'],
  };
}

export async function runViewButton(
  deps: ListenerDeps,
  body: BlockAction<ButtonAction>,
  input: CommandInput,
  client: WebClient,
  who: SlackWho,
): Promise<void> {
  const inModal = body.view?.type === 'modal' ? body.view.id : null;
  const show = (view: ModalView) =>
    inModal
      ? client.views.update({ view_id: inModal, view })
      : client.views.open({ trigger_id: body.trigger_id, view });
  try {
    const form = formToOpen(input, deps.today());
    if (form) {
      const view = formView(form);
      await (inModal
        ? client.views.push({ trigger_id: body.trigger_id, view })
        : client.views.open({ trigger_id: body.trigger_id, view }));
      return;
    }
    // runForMember refreshes the Home after a write; a toggle that went through needs no modal.
    const work = runForMember(deps, who, input, client);
    const writes = findCommand(input.command ?? 'help')?.writes === true;
    // The trigger_id lasts 3 s: a slow answer opens "Working…" in time and fills it in after.
    const quick = inModal ? await work : await withinBudget(work, deps.ackBudgetMs);
    if (quick === null) {
      const opened = await client.views.open({
        trigger_id: body.trigger_id,
        view: resultView('jss-coach', 'Working on it…'),
      });
      const reply = await work;
      const viewId = opened.view?.id;
      if (viewId) await client.views.update({ view_id: viewId, view: replyModal(reply) });
      return;
    }
    if (writes && quick.kind === 'success' && !inModal) return;
    await show(replyModal(quick));
  } catch (error) {
    reportError(deps, who, error);
  }
}
