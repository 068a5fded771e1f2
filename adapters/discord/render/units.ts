// The reply's body as a list of units in reading order: lines of the description, rows of tables,
// embed fields. The layout places them into embeds whole (a line longer than an embed is the one
// thing it splits), so what is left out is counted in units a member recognises: lines, items,
// rows, fields.

import type { APIEmbedField } from 'discord-api-types/v10';
import type { Block, Field, Reply } from '../../../src/replies/reply.ts';
import { seriesLine as plainSeriesLine, seriesPoints } from '../../../src/replies/render-text.ts';
import { ZERO_WIDTH_SPACE } from './escape.ts';
import { FIELD_NAME_MAX, FIELD_VALUE_MAX } from './limits.ts';
import { tableLines, type TableFrame } from './table.ts';
import { isBlank, oneLine } from '../../shared/lines.ts';
import { boldHeading, fitRendered } from './text.ts';

/** What goes before a unit when the description already has text: a blank line between blocks, a line break within one, nothing within a split line. */
export type Separator = '\n\n' | '\n' | '';

interface UnitBase {
  sep: Separator;
  /** Counted in "…and N more not shown" when left out (headings and blank lines are not). */
  counts: boolean;
}

/** A description line: `prefix` (renderer markup, already safe) then `raw`, member text escaped when placed. */
export interface LineUnit extends UnitBase {
  kind: 'line';
  prefix: string;
  raw: string;
  /** A heading is not left at the end of an embed without the first line under it. */
  keepWithNext: boolean;
}

/** One row of a table's code block, escaped. */
export interface RowUnit extends UnitBase {
  kind: 'row';
  frame: TableFrame;
  text: string;
}

/** An embed field, escaped and cut only when the layout gets to it (a reply may have thousands). */
export interface FieldUnit extends UnitBase {
  kind: 'field';
  source: Field;
  field?: APIEmbedField;
}

export type Unit = LineUnit | RowUnit | FieldUnit;

/** A series' dates are days; anything longer is cut so the sparkline line stays short. */
const DATE_MAX = 40;
/** Headings of lists, tables and series (with their asterisks). */
export const HEADING_MAX = 256;
export const BULLET = '• ';

function line(sep: Separator, prefix: string, raw: string, counts = true): LineUnit {
  return { kind: 'line', sep, prefix, raw, counts, keepWithNext: false };
}

function heading(title: string | undefined): LineUnit[] {
  const text = boldHeading(title, HEADING_MAX);
  return text === '' ? [] : [{ ...line('\n\n', text, '', false), keepWithNext: true }];
}

/** Member text, line by line; blank lines inside are kept (not counted), blank ones around dropped. */
function textLines(text: string): LineUnit[] {
  const lines = text.split('\n');
  while (lines.length > 0 && isBlank(lines[0] ?? '')) lines.shift();
  while (lines.length > 0 && isBlank(lines[lines.length - 1] ?? '')) lines.pop();
  return lines.map((raw, i) => line(i === 0 ? '\n\n' : '\n', '', raw, !isBlank(raw)));
}

/** A field with its name and value escaped and cut; a blank one gets a zero-width space (Discord wants both). */
export function embedField(field: Field): APIEmbedField {
  const name = isBlank(field.label) ? ZERO_WIDTH_SPACE : fitRendered(oneLine(field.label), FIELD_NAME_MAX);
  const value = isBlank(field.value) ? ZERO_WIDTH_SPACE : fitRendered(field.value, FIELD_VALUE_MAX);
  return { name, value, inline: true };
}

/** The sparkline line of the plain-text reply: first date, sparkline, last date, low–high. */
function seriesLine(points: Extract<Block, { type: 'series' }>['points']): LineUnit[] {
  const text = plainSeriesLine(points, (date) => fitRendered(oneLine(date), DATE_MAX));
  return text === null ? [] : [line('\n', text, '')];
}

function tableUnits(table: Extract<Block, { type: 'table' }>): Unit[] {
  const head = heading(table.title);
  const lines = tableLines(table);
  if (!lines) return head;
  const firstSep: Separator = head.length > 0 ? '\n' : '\n\n';
  // A table with columns and no rows shows its header row alone.
  const rows: Unit[] =
    lines.rows.length === 0
      ? [{ kind: 'row', sep: firstSep, frame: { header: null }, text: lines.frame.header ?? ' ', counts: true }]
      : lines.rows.map((text, i) => ({
          kind: 'row',
          sep: i === 0 ? firstSep : '\n',
          frame: lines.frame,
          text,
          counts: true,
        }));
  return [...head, ...rows];
}

function unitsOf(block: Block): Unit[] {
  switch (block.type) {
    case 'text':
      return textLines(block.text);
    case 'list': {
      const head = heading(block.title);
      return [
        ...head,
        ...block.items.map((item, i) => line(i === 0 && head.length === 0 ? '\n\n' : '\n', BULLET, item)),
      ];
    }
    case 'table':
      return tableUnits(block);
    case 'series':
      return [...heading(block.title), ...seriesLine(seriesPoints(block))];
    case 'fields':
      return block.fields
        .filter((field) => !isBlank(field.label) || !isBlank(field.value))
        .map((source) => ({ kind: 'field' as const, sep: '' as const, source, counts: true }));
    case 'context':
      return [];
  }
}

/**
 * The units of the summary and every block but context, in order. A heading keeps with the unit
 * after it; a block whose units all go uncounted (a heading alone) counts its first.
 */
export function bodyUnits(reply: Reply): Unit[] {
  const blocks: Block[] = [...(reply.summary ? [{ type: 'text' as const, text: reply.summary }] : []), ...reply.blocks];
  return blocks.flatMap((block) => {
    const units = unitsOf(block);
    const last = units[units.length - 1];
    if (last?.kind === 'line') last.keepWithNext = false;
    const first = units[0];
    if (first && !units.some((unit) => unit.counts)) first.counts = true;
    return units;
  });
}

/** The small print of every context block, for the footer: shown as typed (footers have no markdown). */
export function contextText(reply: Reply): string {
  return reply.blocks
    .filter((block): block is Extract<Block, { type: 'context' }> => block.type === 'context' && !isBlank(block.text))
    .map((block) => block.text.trim())
    .join('\n');
}
