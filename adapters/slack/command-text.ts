// What a member typed after /jss, as Slack sends it, back to what they typed: Slack escapes &, < and >
// (&amp; &lt; &gt;) and turns links, mentions and channels into its own markup
// (<https://x.com|x.com>, <@U123|maria>, <#C123|general>, <!here>). Stored names must be the
// member's text ("Echo & Co"), the same as from a file; every reply escapes them again on the way out.

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };

/** Slack's special mentions (<!here>) as people write them. */
const SPECIAL: Readonly<Record<string, string>> = { here: '@here', channel: '@channel', everyone: '@everyone' };

/** One piece of markup (the text between < and >) as plain text. */
function plainOfMarkup(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? null : inner.slice(bar + 1);
  if (target.startsWith('@')) return label ? (label.startsWith('@') ? label : `@${label}`) : target;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!')) {
    const name = target.slice(1).split('^')[0] ?? '';
    return label ?? SPECIAL[name] ?? `@${name}`;
  }
  if (label) return label;
  return target.startsWith('mailto:') ? target.slice('mailto:'.length) : target;
}

export function plainCommandText(text: string): string {
  // Markup first: a real < typed by the member arrives as &lt;, so every < here opens markup.
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => plainOfMarkup(inner))
    .replace(/&(amp|lt|gt);/g, (_, name: string) => ENTITIES[name] as string);
}
