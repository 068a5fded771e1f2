// The reply's next steps as buttons. A button's custom_id carries the command text it runs, whole:
// a cut command would run a different one, so a command too long for a custom_id gets no button.
// The adapter routes custom_ids by RUN_PREFIX and SHARE_PREFIX.

import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
} from 'discord.js';
import type { Action, Reply } from '../../../src/replies/reply.ts';
import { neutraliseMentions, truncate } from './escape.ts';
import { ACTION_ROWS_MAX, BUTTON_LABEL_MAX, BUTTONS_PER_ROW_MAX, CUSTOM_ID_MAX } from './limits.ts';
import { isBlank, oneLine } from '../../shared/lines.ts';
import { SHARE_LABEL } from '../../shared/share.ts';

/** `jss:run:<command text>`: the button runs the command for the member who clicks it. */
export const RUN_PREFIX = 'jss:run:';
/** `jss:share:<command text>`: the button runs the command again and posts the reply in the channel. */
export const SHARE_PREFIX = 'jss:share:';
export { SHARE_LABEL };

const STYLES: Record<NonNullable<Action['style']>, ButtonStyle.Primary | ButtonStyle.Danger> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
};

/** The custom_id for a command, or null when the command is blank or too long to carry whole. */
export function customIdFor(prefix: string, command: string | undefined): string | null {
  if (command === undefined || isBlank(command)) return null;
  const id = prefix + command;
  return id.length <= CUSTOM_ID_MAX ? id : null;
}

/**
 * Up to 25 buttons, five a row: one per action whose command fits (the first ones; one button per
 * command, since Discord refuses two equal custom_ids) and, for a shareable reply with a share
 * command that fits, "Share in channel" last. Labels are plain text (Discord shows them as typed;
 * only @everyone and @here are defused, as everywhere).
 */
export function actionRows(
  reply: Reply,
  shareCommand: string | undefined,
): APIActionRowComponent<APIButtonComponent>[] {
  const shareId = reply.shareable ? customIdFor(SHARE_PREFIX, shareCommand) : null;
  const room = ACTION_ROWS_MAX * BUTTONS_PER_ROW_MAX - (shareId ? 1 : 0);
  const buttons: ButtonBuilder[] = [];
  const seen = new Set<string>();
  for (const action of reply.actions) {
    if (buttons.length >= room) break;
    const id = customIdFor(RUN_PREFIX, action.command);
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    const label = isBlank(action.label) ? oneLine(action.command) : oneLine(action.label);
    buttons.push(
      new ButtonBuilder()
        .setStyle(action.style ? STYLES[action.style] : ButtonStyle.Secondary)
        .setLabel(truncate(neutraliseMentions(label), BUTTON_LABEL_MAX))
        .setCustomId(id),
    );
  }
  if (shareId)
    buttons.push(new ButtonBuilder().setStyle(ButtonStyle.Secondary).setLabel(SHARE_LABEL).setCustomId(shareId));
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW_MAX) {
    // The builders check Discord's limits (label, custom_id, five a row) as the JSON is made.
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + BUTTONS_PER_ROW_MAX)).toJSON());
  }
  return rows;
}
