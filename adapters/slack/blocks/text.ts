// Member text turned into mrkdwn sections: escaped first, then split at line ends so no section
// passes SECTION_TEXT_MAX, and no blank section (Slack wants at least 1 character of text).

import { escapeMrkdwn, splitAt, truncate } from './escape.ts';
import { SECTION_TEXT_MAX } from './limits.ts';
import { mrkdwn, type SectionBlock } from './types.ts';

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** A title or label on one line, so `*…*` around it stays bold. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A title in bold, escaped and cut to `max` characters including the asterisks; '' if blank. */
export function boldTitle(title: string | undefined, max: number): string {
  const text = truncate(escapeMrkdwn(oneLine(title ?? '')), max - 2);
  return text === '' ? '' : `*${text}*`;
}

/** Lines (each ≤ max) joined into as few texts of at most `max` characters as keep their order. */
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

export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/** Plain member text as sections: whole lines together, a line too long for one section cut into pieces. */
export function textSections(text: string): SectionBlock[] {
  const lines = escapeMrkdwn(text)
    .split('\n')
    .flatMap((line) => splitAt(line, SECTION_TEXT_MAX));
  return packLines(lines, SECTION_TEXT_MAX).map(section);
}
