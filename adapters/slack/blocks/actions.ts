// The reply's next steps as buttons. A button's value is the command text it runs, unescaped and
// never cut: a cut command would run a different one, so a command too long for a value gets no
// button. The adapter listens for RUN_ACTION_PATTERN and SHARE_ACTION_ID.

import type { Reply } from '../../../src/replies/reply.ts';
import { truncate } from './escape.ts';
import { ACTIONS_ELEMENTS_MAX, BUTTON_TEXT_MAX, BUTTON_VALUE_MAX } from './limits.ts';
import { isBlank, oneLine } from '../../shared/lines.ts';
import { SHARE_LABEL } from '../../shared/share.ts';
import { plain, type ActionsBlock, type ButtonElement } from './types.ts';

/** `jss_run_<n>`, n the action's index in the reply: unique within the message. */
export const RUN_ACTION_PREFIX = 'jss_run_';
export const RUN_ACTION_PATTERN = /^jss_run_\d+$/;
export const SHARE_ACTION_ID = 'jss_share';
export { SHARE_LABEL };

function fits(command: string): boolean {
  return !isBlank(command) && command.length <= BUTTON_VALUE_MAX;
}

/**
 * One actions block: a button per action (the first ones, while there is room) and, for a shareable
 * reply, "Share in channel" last. Its value is `shareCommand` when given, else the first action's
 * command, else left out. Null when there is no button.
 */
export function actionsBlock(reply: Reply, shareCommand?: string): ActionsBlock | null {
  const room = ACTIONS_ELEMENTS_MAX - (reply.shareable ? 1 : 0);
  const buttons: ButtonElement[] = [];
  reply.actions.forEach((action, index) => {
    if (buttons.length >= room || !fits(action.command)) return;
    const label = isBlank(action.label) ? oneLine(action.command) : oneLine(action.label);
    buttons.push({
      type: 'button',
      action_id: `${RUN_ACTION_PREFIX}${index}`,
      text: plain(truncate(label, BUTTON_TEXT_MAX)),
      value: action.command,
      ...(action.style && { style: action.style }),
    });
  });
  if (reply.shareable) {
    const value = shareCommand ?? reply.actions[0]?.command ?? '';
    buttons.push({
      type: 'button',
      action_id: SHARE_ACTION_ID,
      text: plain(SHARE_LABEL),
      ...(fits(value) && { value }),
    });
  }
  return buttons.length === 0 ? null : { type: 'actions', elements: buttons };
}
