// The Slack message renderer's public face: what the adapter needs to render replies and route
// their buttons.

export { renderSlackMessage, ERROR_PREFIX } from './render.ts';
export { escapeMrkdwn, truncate } from './escape.ts';
export { RUN_ACTION_PATTERN, SHARE_ACTION_ID, SHARE_LABEL } from './actions.ts';
export * from './limits.ts';
export type {
  SlackBlock,
  SlackMessage,
  HeaderBlock,
  SectionBlock,
  ContextBlock,
  ActionsBlock,
} from './types.ts';
