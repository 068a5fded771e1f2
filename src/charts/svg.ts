// Small helpers for writing SVG by hand: escaped text, short numbers, text elements.

/** Text as XML character data: markup escaped, and characters XML does not allow dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(
      /[&<>"']/g,
      (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] as string,
    );
}

/** Numbers written short: SVG needs no more than a tenth of a pixel. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** DejaVu Sans is about this wide per character, as a share of the font size (for fitting text). */
export const CHAR_WIDTH = 0.62;

/** About how wide `content` is in pixels at `fontSize`. */
export function textWidth(content: string, fontSize: number): number {
  return [...content].length * fontSize * CHAR_WIDTH;
}

export function cut(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

export function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attributes}>${escapeXml(content)}</text>`;
}
