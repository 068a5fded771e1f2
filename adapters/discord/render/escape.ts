// Escaping and cutting member-typed text for Discord. Discord's markdown gives meaning to many
// characters (**bold**, `code`, ||spoiler||, > quotes, # headings, [masked](links), <@123>
// mentions); a backslash before ASCII punctuation shows it as typed, so escaping those makes member
// text read literally. Escaping does not stop @everyone from pinging: allowed_mentions
// { parse: [] } does (the renderer always sets it); a zero-width space after the @ keeps it from
// even looking like a mention.

// Cutting is the shared kit's (adapters/shared/cut-text.ts): between grapheme clusters, never inside an emoji.
export { cutIndex, truncate } from '../../shared/cut-text.ts';

export const ZERO_WIDTH_SPACE = '\u200b';

const MASS_MENTION = /@(everyone|here)/gi;

/**
 * One pass over the text, so a backslash the escape adds is never escaped again:
 * 1. a bare link that ends at a space or the end, left as typed: Discord links everything from
 *    `http` to the next space or `<` whole, so nothing in it starts markdown, and a backslash in it
 *    would only break the link (one with a backtick, which no real link has, is not left alone:
 *    fences stay the renderer's own);
 * 2. any other `http(s)://`: its colon escaped, so Discord links nothing there (a link glued to a
 *    `<` would take the backslash before the `<` into itself and leave `<@123>` a mention);
 * 3. line-start syntax: heading `#`, subtext `-#`, quote `>`, list `-` / `+`;
 * 4. a numbered list's `1.`;
 * 5. inline syntax anywhere: `\ * _ ~ ` | < [ ]` (`<` starts mentions, emoji and timestamps).
 * `(`, `)` and a `>` inside a line mean nothing once `[` and `<` are escaped.
 */
const MARKDOWN =
  /(?<![A-Za-z0-9])(https?:\/\/[^\s<`]+)(?=\s|$)|(https?):(?=\/\/)|^([ \t]*)([#>+-])|^([ \t]*\d+)([.)])|([\\*_~`|<[\]])/gm;

/** `@everyone` and `@here` with a zero-width space after the `@`: they read the same and look like no mention. */
export function neutraliseMentions(text: string): string {
  return text.replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`);
}

/** Member text for a markdown place (title, description, field): shows as typed, never formats, links or mentions. */
export function escapeMarkdown(text: string): string {
  return neutraliseMentions(text).replace(
    MARKDOWN,
    (
      _match,
      url: string | undefined,
      scheme: string | undefined,
      indent: string | undefined,
      lead: string | undefined,
      number: string | undefined,
      dot: string | undefined,
      char: string | undefined,
    ) => {
      if (url !== undefined) return url;
      if (scheme !== undefined) return `${scheme}\\:`;
      if (lead !== undefined) return `${indent ?? ''}\\${lead}`;
      if (dot !== undefined) return `${number ?? ''}\\${dot}`;
      return `\\${char ?? ''}`;
    },
  );
}

/**
 * Member text inside a ``` code block: Discord shows it as is (backslashes included), so nothing is
 * escaped; only a run of three backticks would close the block, and a zero-width space after
 * every backtick prevents one without changing what reads or how columns line up.
 */
export function escapeCodeBlock(text: string): string {
  return neutraliseMentions(text).replace(/`/g, `\`${ZERO_WIDTH_SPACE}`);
}
