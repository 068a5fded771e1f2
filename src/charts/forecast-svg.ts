// The forecast chart as SVG: the displayed score over the next 12 months as a step line, with the
// change dates marked. Pure (no I/O): the adapters turn it into a PNG when they send a reply.

import { parseDay } from '../scoring/dates.ts';
import type { Block } from '../replies/reply.ts';

export type Series = Pick<Extract<Block, { type: 'series' }>, 'title' | 'points'>;

export interface ChartSize {
  width?: number;
  height?: number;
}

/** The family name inside the shipped TTF (assets/fonts/DejaVuSans.ttf); every text uses it. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 320;

/** The score bands' edges (75: at risk below; 90: excellent from). */
export const GRIDLINES = [75, 90] as const;

const MARGIN = { top: 44, right: 28, bottom: 66, left: 56 };
const TITLE_SIZE = 16;
const LABEL_SIZE = 11;
/** Date labels are turned by this much so that a year of them fits under the axis. */
const LABEL_ANGLE = -40;
/** Horizontal room two turned date labels need not to overlap (about a line height across). */
const LABEL_GAP = 18;
/** DejaVu Sans is about this wide per character, as a share of the font size (for cutting the title). */
const CHAR_WIDTH = 0.62;

const COLORS = { line: '#1f6feb', axis: '#57606a', grid: '#afb8c1', text: '#24292f', none: '#ffffff' };

/** Text as XML character data: markup escaped, and characters XML does not allow dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] as string);
}

/** Numbers written short: SVG needs no more than a tenth of a pixel. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function cut(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" ${attributes}>${escapeXml(content)}</text>`;
}

export function forecastSvg(series: Series, options: ChartSize = {}): string {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? CHART_HEIGHT;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;

  // Points are dates as days; one that is not a calendar date cannot be placed and is left out.
  const points = series.points.flatMap((point) => {
    const day = parseDay(point.date);
    return day === undefined ? [] : [{ ...point, day }];
  });
  const first = points[0]?.day ?? 0;
  const last = points.at(-1)?.day ?? first;
  const x = (day: number) => left + ((right - left) * (day - first)) / Math.max(1, last - first);
  const y = (value: number) => bottom - ((bottom - top) * Math.min(100, Math.max(0, value))) / 100;

  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(left, 26, cut(series.title, Math.floor((width - left - MARGIN.right) / (TITLE_SIZE * CHAR_WIDTH))), `class="title" font-size="${TITLE_SIZE}"`),
  ];

  // The axes run 0–100%; the bands' edges get dashed gridlines.
  for (const value of [0, 100]) parts.push(text(left - 8, y(value) + 4, `${value}%`, `class="axis-label" text-anchor="end" font-size="${LABEL_SIZE}"`));
  for (const value of GRIDLINES) {
    parts.push(`<line class="grid" data-value="${value}" x1="${left}" y1="${n(y(value))}" x2="${right}" y2="${n(y(value))}" stroke="${COLORS.grid}" stroke-dasharray="4 4"/>`);
    parts.push(text(left - 8, y(value) + 4, `${value}%`, `class="grid-label" text-anchor="end" font-size="${LABEL_SIZE}"`));
  }
  parts.push(`<path class="axes" d="M${left} ${top}V${n(bottom)}H${right}" fill="none" stroke="${COLORS.axis}"/>`);

  // The step line: each score holds until the next point; no score leaves a gap.
  let d = '';
  let drawing = false;
  points.forEach((point, i) => {
    const next = points[i + 1] ?? point;
    if (point.value === null) {
      drawing = false;
      return;
    }
    d += drawing ? `V${n(y(point.value))}` : `M${n(x(point.day))} ${n(y(point.value))}`;
    d += `H${n(x(next.day))}`;
    drawing = true;
  });
  if (d) parts.push(`<path class="score" d="${d}" fill="none" stroke="${COLORS.line}" stroke-width="2.5"/>`);

  // Today and the end of the 12 months are the first and last points; the ones between are changes.
  const start = points[0];
  if (start) {
    const label = start.value === null ? 'no score now' : `now ${start.value}%`;
    parts.push(text(x(start.day) + 6, (start.value === null ? bottom : y(start.value)) - 8, label, `class="now" font-size="${LABEL_SIZE}"`));
  }
  let lastLabelX = -Infinity;
  points.forEach((point, i) => {
    const px = x(point.day);
    const change = i > 0 && i < points.length - 1;
    if (change) {
      // A change to "no score" sits on the axis, hollow.
      const cy = point.value === null ? bottom : y(point.value);
      const fill = point.value === null ? COLORS.none : COLORS.line;
      parts.push(`<circle class="change" data-date="${escapeXml(point.date)}" cx="${n(px)}" cy="${n(cy)}" r="4" fill="${fill}" stroke="${COLORS.line}" stroke-width="1.5"/>`);
    }
    // Labels that would overlap the previous one are left out (the dots stay).
    if (px - lastLabelX < LABEL_GAP) return;
    lastLabelX = px;
    parts.push(
      `<text class="${change ? 'change-date' : 'edge-date'}" x="${n(px)}" y="${n(bottom + 14)}" text-anchor="end" font-size="${LABEL_SIZE}" transform="rotate(${LABEL_ANGLE} ${n(px)} ${n(bottom + 14)})">${escapeXml(point.date)}</text>`,
    );
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}" fill="${COLORS.text}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}
