// Member text turned into mrkdwn sections: escaped first, then split at line ends so no section
// passes SECTION_TEXT_MAX, and no blank section (Slack wants at least 1 character of text).

import { escapeMrkdwn, splitAt, truncate } from './escape.ts';
import { SECTION_TEXT_MAX } from './limits.ts';
import { oneLine, packLines } from '../../shared/lines.ts';
import { mrkdwn, type SectionBlock } from './types.ts';

/** A title in bold, escaped and cut to `max` characters including the asterisks; '' if blank. */
export function boldTitle(title: string | undefined, max: number): string {
  const text = truncate(escapeMrkdwn(oneLine(title ?? '')), max - 2);
  return text === '' ? '' : `*${text}*`;
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
