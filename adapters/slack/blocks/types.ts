// The few Block Kit shapes the renderer writes, narrower than @slack/types' KnownBlock (which they
// fit into) so tests and the adapter can read them without narrowing unions of 20 block types.

/** mrkdwn with `verbatim`: Slack still applies *bold* and ``` but links and mentions nothing by itself. */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim: true;
}

/** Plain text is shown as is: no escaping, only the length limit. */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: boolean;
}

export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

/** A section has either `text` or `fields` here, never both. */
export interface SectionBlock {
  type: 'section';
  text?: MrkdwnText;
  fields?: MrkdwnText[];
}

export interface ContextBlock {
  type: 'context';
  elements: MrkdwnText[];
}

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  /** Left out when empty (the adapter reads a missing value as ''). */
  value?: string;
  style?: 'primary' | 'danger';
}

export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

export interface SlackMessage {
  /** The notification fallback: mrkdwn, escaped. */
  text: string;
  blocks: SlackBlock[];
}

export function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function plain(text: string): PlainText {
  return { type: 'plain_text', text, emoji: false };
}
