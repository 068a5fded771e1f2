// Shaping text into lines the way every platform needs: blank checks (platforms refuse blank
// texts), titles and labels on one line, and lines packed into as few texts as a limit allows.

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** A title, label or name on one line (platforms show them on one; Slack's `*…*` bold needs it). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lines (each ≤ max) joined into as few texts of at most `max` characters as keep their order; blank texts dropped. */
export function packLines(lines: readonly string[], max: number): string[] {
  const texts: string[] = [];
  let current: string[] = [];
  let length = -1;
  for (const line of lines) {
    if (current.length > 0 && length + 1 + line.length > max) {
      texts.push(current.join('\n'));
      current = [];
      length = -1;
    }
    current.push(line);
    length += 1 + line.length;
  }
  if (current.length > 0) texts.push(current.join('\n'));
  return texts.filter((text) => !isBlank(text));
}
