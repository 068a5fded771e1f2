// Renders a reply as plain text, for the console bot and scripts.

import { formatDay, parseDay } from '../scoring/dates.ts';
import type { Block, Reply } from './reply.ts';

/** Characters in a score series' sparkline: one per half month over a year. */
const SPARK_SAMPLES = 25;

function columns(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}`)
    .join('\n');
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** A sparkline of a score series (0–100); a gap where there is no score. */
export function sparkline(values: readonly (number | null)[]): string {
  return values.map((value) => (value === null ? ' ' : SPARKS[Math.min(7, Math.floor((value / 100) * 8))])).join('');
}

/** The series' value on evenly spaced days from its first to its last point (a step function). */
export function sampleSeries(
  points: readonly { date: string; value: number | null }[],
  samples: number,
): (number | null)[] {
  const start = parseDay(points[0]?.date ?? '') ?? 0;
  const end = parseDay(points[points.length - 1]?.date ?? '') ?? start;
  const values: (number | null)[] = [];
  for (let i = 0; i < samples; i++) {
    const day = formatDay(Math.round(start + ((end - start) * i) / Math.max(1, samples - 1)));
    let value: number | null = points[0]?.value ?? null;
    for (const point of points) if (point.date <= day) value = point.value;
    values.push(value);
  }
  return values;
}

/**
 * A score series in one line: first date, sparkline, last date, low–high; null without points.
 * `date` lets a platform escape and shorten the dates for its markup.
 */
export function seriesLine(
  points: readonly { date: string; value: number | null }[],
  date: (text: string) => string = (text) => text,
): string | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const values = sampleSeries(points, SPARK_SAMPLES);
  const scores = values.filter((value): value is number => value !== null);
  // Nothing to draw: say so rather than print a blank line between two dates.
  if (scores.length === 0) return `${date(first.date)} → ${date(last.date)}: no score on any day`;
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  const range = !Number.isFinite(low) ? '' : low === high ? ` ${low}%` : ` ${low}–${high}%`;
  return `${date(first.date)} ${sparkline(values)} ${date(last.date)}${range}`;
}

/** A series' points from the first past week (when the past is shown) to the end of the forecast. */
export function seriesPoints(block: Extract<Block, { type: 'series' }>): { date: string; value: number | null }[] {
  return block.past && block.past.length > 0
    ? [...block.past.filter((point) => point.date < (block.points[0]?.date ?? '')), ...block.points]
    : block.points;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'context':
      return `(${block.text})`;
    case 'fields':
      return block.fields.map((field) => `${field.label}: ${field.value}`).join('\n');
    case 'list':
      return `${block.title ? `${block.title}\n` : ''}${block.items.map((item) => `  - ${item}`).join('\n')}`;
    case 'table':
      return `${block.title ? `${block.title}\n` : ''}${columns([block.columns, ...block.rows])}`;
    case 'series': {
      const line = seriesLine(seriesPoints(block));
      return line === null ? block.title : `${block.title}:\n  ${line}`;
    }
  }
}

export function renderText(reply: Reply): string {
  const parts = [reply.kind === 'error' ? `✗ ${reply.title}` : reply.title];
  if (reply.summary) parts.push(reply.summary);
  for (const block of reply.blocks) parts.push(renderBlock(block));
  if (reply.actions.length > 0) parts.push(`Next: ${reply.actions.map((action) => action.command).join('  |  ')}`);
  for (const attachment of reply.attachments)
    parts.push(`--- ${attachment.filename} ---\n${attachment.content.trimEnd()}`);
  return parts.join('\n\n');
}
