// The Discord message renderer's public face: what the adapter needs to render replies and route
// their buttons.

export {
  renderDiscordMessage,
  embedsLength,
  leftOutNotice,
  ERROR_PREFIX,
  FALLBACK_TITLE,
  KIND_COLORS,
  type RenderOptions,
} from './render.ts';
export { escapeMarkdown, escapeCodeBlock, neutraliseMentions, truncate, ZERO_WIDTH_SPACE } from './escape.ts';
export { RUN_PREFIX, SHARE_PREFIX, SHARE_LABEL } from './buttons.ts';
export * from './limits.ts';
export type { DiscordMessage } from './types.ts';
