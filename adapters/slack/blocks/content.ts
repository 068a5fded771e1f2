// Each platform-neutral reply block as Slack blocks. Member text is escaped before the renderer
// adds its own mrkdwn (*bold*, •, ```), and every text is fitted to its limit here.

import type { Block, Field } from '../../../src/replies/reply.ts';
import { seriesLine, seriesPoints } from '../../../src/replies/render-text.ts';
import { escapeMrkdwn, truncate } from './escape.ts';
import { CONTEXT_TEXT_MAX, FIELD_TEXT_MAX, SECTION_FIELDS_MAX, SECTION_TEXT_MAX } from './limits.ts';
import { tableSections } from './table.ts';
import { isBlank, packLines } from '../../shared/lines.ts';
import { boldTitle, section, textSections } from './text.ts';
import { mrkdwn, type ContextBlock, type SectionBlock, type SlackBlock } from './types.ts';

/** A label takes at most a quarter of its field, so the value always shows. */
const LABEL_MAX = Math.floor(FIELD_TEXT_MAX / 4);
/** A series' dates are days; anything longer is cut so the sparkline line stays short. */
const DATE_MAX = 40;

/** "*label*\nvalue" within FIELD_TEXT_MAX; null when both are blank. */
export function fieldText(field: Field): string | null {
  const label = boldTitle(field.label, LABEL_MAX);
  const value = isBlank(field.value)
    ? ''
    : truncate(escapeMrkdwn(field.value), FIELD_TEXT_MAX - (label === '' ? 0 : label.length + 1));
  if (label === '' || value === '') return label || value || null;
  return `${label}\n${value}`;
}

function fieldSections(fields: readonly Field[]): SectionBlock[] {
  const texts = fields.map(fieldText).filter((text): text is string => text !== null);
  const sections: SectionBlock[] = [];
  for (let i = 0; i < texts.length; i += SECTION_FIELDS_MAX) {
    sections.push({ type: 'section', fields: texts.slice(i, i + SECTION_FIELDS_MAX).map(mrkdwn) });
  }
  return sections;
}

function listSections(title: string | undefined, items: readonly string[]): SectionBlock[] {
  const heading = boldTitle(title, SECTION_TEXT_MAX);
  const lines = items.map((item) => truncate(`• ${escapeMrkdwn(item)}`, SECTION_TEXT_MAX));
  return packLines(heading === '' ? lines : [heading, ...lines], SECTION_TEXT_MAX).map(section);
}

/** The sparkline line of the plain-text reply: first date, sparkline, last date, low–high. */
function seriesSections(series: Extract<Block, { type: 'series' }>): SectionBlock[] {
  const lines = [boldTitle(series.title, SECTION_TEXT_MAX / 2)];
  const line = seriesLine(seriesPoints(series), (text) => truncate(escapeMrkdwn(text), DATE_MAX));
  if (line !== null) lines.push(line);
  return packLines(
    lines.filter((line) => line !== ''),
    SECTION_TEXT_MAX,
  ).map(section);
}

function contextBlocks(text: string): ContextBlock[] {
  return isBlank(text) ? [] : [{ type: 'context', elements: [mrkdwn(truncate(escapeMrkdwn(text), CONTEXT_TEXT_MAX))] }];
}

/** One reply block as zero or more Slack blocks (zero when it has nothing to show). */
export function blockToSlack(block: Block): SlackBlock[] {
  switch (block.type) {
    case 'text':
      return textSections(block.text);
    case 'fields':
      return fieldSections(block.fields);
    case 'list':
      return listSections(block.title, block.items);
    case 'table':
      return tableSections(block);
    case 'series':
      return seriesSections(block);
    case 'context':
      return contextBlocks(block.text);
  }
}
