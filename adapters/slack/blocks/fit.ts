// Fits a message under MESSAGE_BLOCKS_MAX and the cumulative text budget: rather than let Slack
// reject the whole reply, the body is cut after its last block that fits and a context block says
// how many were left out. The header and the buttons are always kept.

import { MESSAGE_BLOCKS_MAX } from './limits.ts';
import { mrkdwn, type ContextBlock, type SlackBlock } from './types.ts';

/** Characters of text in a block: what Slack's cumulative limit counts. */
export function blockTextLength(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0);
    case 'context':
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case 'actions':
      return block.elements.reduce((sum, button) => sum + button.text.text.length, 0);
  }
}

export function leftOutNotice(count: number): ContextBlock {
  return { type: 'context', elements: [mrkdwn(`…and ${count} more not shown`)] };
}

function textLength(blocks: readonly SlackBlock[]): number {
  return blocks.reduce((sum, block) => sum + blockTextLength(block), 0);
}

export function fitBlocks(
  head: readonly SlackBlock[],
  body: readonly SlackBlock[],
  tail: readonly SlackBlock[],
  textBudget: number,
): SlackBlock[] {
  const all = [...head, ...body, ...tail];
  if (all.length <= MESSAGE_BLOCKS_MAX && textLength(all) <= textBudget) return all;
  const room = MESSAGE_BLOCKS_MAX - head.length - tail.length - 1;
  // The notice is counted at its longest (every body block left out).
  let used = textLength(head) + textLength(tail) + blockTextLength(leftOutNotice(body.length));
  const kept: SlackBlock[] = [];
  for (const block of body) {
    const length = blockTextLength(block);
    if (kept.length >= room || used + length > textBudget) break;
    kept.push(block);
    used += length;
  }
  return [...head, ...kept, leftOutNotice(body.length - kept.length), ...tail];
}
