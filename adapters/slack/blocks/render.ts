// Renders a platform-neutral Reply as a Slack message: a header, the body as sections and context,
// the actions as buttons, all escaped and fitted to Slack's limits. Attachments are not blocks:
// the adapter inlines or uploads them.

import type { Reply } from '../../../src/replies/reply.ts';
import { actionsBlock } from './actions.ts';
import { blockToSlack } from './content.ts';
import { escapeMrkdwn, truncate } from './escape.ts';
import { fitBlocks } from './fit.ts';
import { HEADER_TEXT_MAX, MESSAGE_BLOCKS_TEXT_BUDGET, MESSAGE_TEXT_MAX } from './limits.ts';
import { isBlank, oneLine } from '../../shared/lines.ts';
import { textSections } from './text.ts';
import { plain, type SlackBlock, type SlackMessage } from './types.ts';

/** Errors stand out in the channel list and the notification. */
export const ERROR_PREFIX = '⚠️ ';
/** The notification text when a reply has no title and no summary (Slack wants some text). */
const EMPTY_FALLBACK = 'jss-coach';

export interface RenderOptions {
  /** The cumulative text budget (default MESSAGE_BLOCKS_TEXT_BUDGET); Infinity to rely on the per-block limits alone. */
  textBudget?: number;
  /** The command that produced the reply, for the share button's value (default: the first action's command). */
  shareCommand?: string;
}

function titleOf(reply: Reply): string {
  return oneLine(reply.kind === 'error' ? `${ERROR_PREFIX}${reply.title}` : reply.title);
}

/** The notification fallback: escaped title and summary, within MESSAGE_TEXT_MAX. */
/** What a notification shows of an error: the first problem, not only "That did not work". */
function firstProblem(reply: Reply): string {
  if (reply.kind !== 'error') return '';
  for (const block of reply.blocks) {
    if (block.type === 'text' && !isBlank(block.text)) return block.text;
    if (block.type === 'list' && block.items[0] !== undefined) return block.items[0];
  }
  return '';
}

function fallbackText(reply: Reply): string {
  const title = escapeMrkdwn(titleOf(reply));
  const said = reply.summary && !isBlank(reply.summary) ? reply.summary : firstProblem(reply);
  const summary = said ? escapeMrkdwn(said) : '';
  const text = title && summary ? `${title}: ${summary}` : title || summary;
  return text === '' ? EMPTY_FALLBACK : truncate(text, MESSAGE_TEXT_MAX);
}

export function renderSlackMessage(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const title = titleOf(reply);
  const head: SlackBlock[] = title === '' ? [] : [{ type: 'header', text: plain(truncate(title, HEADER_TEXT_MAX)) }];
  const body: SlackBlock[] = [...textSections(reply.summary ?? ''), ...reply.blocks.flatMap(blockToSlack)];
  const actions = actionsBlock(reply, options.shareCommand);
  const blocks = fitBlocks(head, body, actions ? [actions] : [], options.textBudget ?? MESSAGE_BLOCKS_TEXT_BUDGET);
  return { text: fallbackText(reply), blocks };
}
