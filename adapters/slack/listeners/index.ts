// Every listener of the Slack app, registered in one place (as Bolt's starter app does with
// `listeners/`): the slash command, each form's submission, the run buttons and the share button.
// A new listener is one file here and one line below.

import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { formId } from '../../../src/commands/forms.ts';
import { COMMANDS } from '../../../src/commands/registry.ts';
import { RUN_ACTION_PATTERN, SHARE_ACTION_ID } from '../blocks/index.ts';
import { runButtonListener } from './buttons.ts';
import { commandListener, SLASH_COMMAND } from './command.ts';
import type { ListenerDeps } from './deps.ts';
import { fileFormSubmitListener, formSubmitListener } from './form-submit.ts';
import { shareListener } from './share.ts';

export type { ListenerDeps } from './deps.ts';

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(SLASH_COMMAND, commandListener(deps));
  for (const command of COMMANDS) {
    if (!command.form) continue;
    const listener = command.body ? fileFormSubmitListener(deps, command) : formSubmitListener(deps, command);
    app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: formId(command) }, listener);
  }
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: RUN_ACTION_PATTERN },
    runButtonListener(deps),
  );
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SHARE_ACTION_ID }, shareListener(deps));
}
