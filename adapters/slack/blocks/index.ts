// The Slack message renderer's public face: what the adapter needs to render replies and route
// their buttons.

export { renderSlackMessage, ERROR_PREFIX, type RenderOptions } from './render.ts';
export { escapeMrkdwn, truncate } from './escape.ts';
export { RUN_ACTION_PREFIX, RUN_ACTION_PATTERN, SHARE_ACTION_ID, SHARE_LABEL } from './actions.ts';
export * from './limits.ts';
export type {
  SlackBlock,
  SlackMessage,
  HeaderBlock,
  SectionBlock,
  ContextBlock,
  ActionsBlock,
  ButtonElement,
  MrkdwnText,
  PlainText,
} from './types.ts';
