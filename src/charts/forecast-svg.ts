// The forecast chart as SVG: the displayed score over the next 12 months as a step line with the
// change dates marked; with the past, the 16 weekly estimates before it, the scores the member
// recorded, and a "today" divider. The Top Rated threshold (90%) is its own line. Pure (no I/O):
// the adapters turn it into a PNG when they send a reply.

import { parseDay } from '../scoring/dates.ts';
import type { Block } from '../replies/reply.ts';
import { diamond, legendRow, type LegendEntry } from './legend.ts';
import { CHAR_WIDTH, cut, escapeXml, n, text } from './svg.ts';

export { escapeXml } from './svg.ts';

export type Series = Pick<Extract<Block, { type: 'series' }>, 'title' | 'points' | 'past' | 'recorded'>;

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
/** The gridline that is also the Top Rated threshold (90% in 13 of 16 weeks): drawn as its own line. */
export const TOP_RATED_LINE = 90;

/** The top holds the title and, under it on the right, the legend (the "today" label is on the left). */
const MARGIN = { top: 58, right: 28, bottom: 66, left: 56 };
const TITLE_BASELINE = 22;
const LEGEND_BASELINE = 41;
const TITLE_SIZE = 16;
const LABEL_SIZE = 11;
/** Date labels are turned by this much so that a year of them fits under the axis. */
const LABEL_ANGLE = -40;
/** Horizontal room two turned date labels need not to touch: 21 × sin 40° ≈ 13.5 px between them, a line of 11 px text. */
const LABEL_GAP = 21;

const COLORS = {
  line: '#1f6feb',
  past: '#7aa7e8',
  recorded: '#d4620a',
  topRated: '#1a7f37',
  axis: '#57606a',
  grid: '#afb8c1',
  text: '#24292f',
  none: '#ffffff',
};

type Placed = { date: string; value: number | null; day: number };

/** Points with dates as days; one that is not a calendar date cannot be placed and is left out. */
function placed<P extends { date: string }>(points: readonly P[]): (P & { day: number })[] {
  return points.flatMap((point) => {
    const day = parseDay(point.date);
    return day === undefined ? [] : [{ ...point, day }];
  });
}

/** A step line: each score holds until the next point; no score leaves a gap. */
function stepPath(points: readonly Placed[], x: (day: number) => number, y: (value: number) => number): string {
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
  return d;
}

export function forecastSvg(series: Series, options: ChartSize = {}): string {
  const width = options.width ?? CHART_WIDTH;
  const height = options.height ?? CHART_HEIGHT;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;

  const points = placed(series.points);
  const recorded = placed(series.recorded ?? []);
  // The past is drawn when it says something: a score in some week, or a recorded score. A shared
  // chart has no recorded scores, so a member with those alone shares the chart of a new member.
  const pastPoints = placed(series.past ?? []);
  const past = pastPoints.some((point) => point.value !== null) || recorded.length > 0 ? pastPoints : [];
  const recordedShown = past.length > 0 ? recorded : [];

  const today = points[0]?.day ?? past.at(-1)?.day ?? 0;
  const first = Math.min(today, past[0]?.day ?? today);
  const last = points.at(-1)?.day ?? today;
  const x = (day: number) => left + ((right - left) * (day - first)) / Math.max(1, last - first);
  const y = (value: number) => bottom - ((bottom - top) * Math.min(100, Math.max(0, value))) / 100;

  // The legend is short on purpose: each glyph costs resvg about 0.05 ms to draw. The "today" divider
  // tells past from forecast, and the 90% line's axis label, in its colour, the value Top Rated needs.
  const legend: LegendEntry[] = [
    { key: 'estimate', label: 'estimate', sample: { kind: 'line', color: COLORS.line, width: 2.5 } },
  ];
  if (recordedShown.length > 0)
    legend.push({ key: 'recorded', label: 'recorded', sample: { kind: 'diamond', color: COLORS.recorded } });
  legend.push({ key: 'top-rated', label: 'Top Rated', sample: { kind: 'line', color: COLORS.topRated, width: 1.5 } });

  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(
      left,
      TITLE_BASELINE,
      cut(series.title, Math.floor((width - left - MARGIN.right) / (TITLE_SIZE * CHAR_WIDTH))),
      `class="title" font-size="${TITLE_SIZE}"`,
    ),
    legendRow(legend, right, LEGEND_BASELINE, LABEL_SIZE),
  ];

  // The axes run 0–100%; the bands' edges get gridlines, the Top Rated one solid and in its colour.
  for (const value of [0, 100])
    parts.push(
      text(left - 8, y(value) + 4, `${value}%`, `class="axis-label" text-anchor="end" font-size="${LABEL_SIZE}"`),
    );
  for (const value of GRIDLINES) {
    const topRated = value === TOP_RATED_LINE;
    const style = topRated
      ? `stroke="${COLORS.topRated}" stroke-width="1.5"`
      : `stroke="${COLORS.grid}" stroke-dasharray="4 4"`;
    parts.push(
      `<line class="${topRated ? 'grid top-rated' : 'grid'}" data-value="${value}" x1="${left}" y1="${n(y(value))}" x2="${right}" y2="${n(y(value))}" ${style}/>`,
    );
    parts.push(
      text(
        left - 8,
        y(value) + 4,
        `${value}%`,
        `class="grid-label" text-anchor="end" font-size="${LABEL_SIZE}"${topRated ? ` fill="${COLORS.topRated}"` : ''}`,
      ),
    );
  }
  parts.push(`<path class="axes" d="M${left} ${top}V${n(bottom)}H${right}" fill="none" stroke="${COLORS.axis}"/>`);

  // The past: weekly estimates as a lighter step line with a small dot each, then the divider.
  if (past.length > 0) {
    const d = stepPath(past, x, y);
    if (d) parts.push(`<path class="past" d="${d}" fill="none" stroke="${COLORS.past}" stroke-width="2"/>`);
    for (const point of past) {
      if (point.value !== null)
        parts.push(
          `<circle class="past-point" data-date="${escapeXml(point.date)}" cx="${n(x(point.day))}" cy="${n(y(point.value))}" r="2.5" fill="${COLORS.past}"/>`,
        );
    }
    const tx = x(today);
    parts.push(
      `<line class="today" x1="${n(tx)}" y1="${top}" x2="${n(tx)}" y2="${n(bottom)}" stroke="${COLORS.axis}" stroke-dasharray="2 3"/>`,
    );
    parts.push(
      text(
        tx - 4,
        top - 5,
        'today',
        `class="today-label" text-anchor="end" font-size="${LABEL_SIZE}" fill="${COLORS.axis}"`,
      ),
    );
  }

  const d = stepPath(points, x, y);
  if (d) parts.push(`<path class="score" d="${d}" fill="none" stroke="${COLORS.line}" stroke-width="2.5"/>`);

  // Today and the end of the 12 months are the forecast's first and last points; the ones between are changes.
  const start = points[0];
  if (start) {
    const label = start.value === null ? 'no score now' : `now ${start.value}%`;
    parts.push(
      text(
        x(start.day) + 6,
        (start.value === null ? bottom : y(start.value)) - 8,
        label,
        `class="now" font-size="${LABEL_SIZE}"`,
      ),
    );
  }
  // Dated labels left to right: the first past week, then today, the changes and the end.
  const labelled: { point: Placed; kind: 'edge' | 'change' }[] = [];
  if (past[0]) labelled.push({ point: past[0], kind: 'edge' });
  points.forEach((point, i) => labelled.push({ point, kind: i > 0 && i < points.length - 1 ? 'change' : 'edge' }));
  let lastLabelX = -Infinity;
  for (const { point, kind } of labelled) {
    const px = x(point.day);
    if (kind === 'change') {
      // A change to "no score" sits on the axis, hollow.
      const cy = point.value === null ? bottom : y(point.value);
      const fill = point.value === null ? COLORS.none : COLORS.line;
      parts.push(
        `<circle class="change" data-date="${escapeXml(point.date)}" cx="${n(px)}" cy="${n(cy)}" r="4" fill="${fill}" stroke="${COLORS.line}" stroke-width="1.5"/>`,
      );
    }
    // Labels that would overlap the previous one are left out (the dots stay).
    if (px - lastLabelX < LABEL_GAP) continue;
    lastLabelX = px;
    parts.push(
      `<text class="${kind}-date" x="${n(px)}" y="${n(bottom + 14)}" text-anchor="end" font-size="${LABEL_SIZE}" transform="rotate(${LABEL_ANGLE} ${n(px)} ${n(bottom + 14)})">${escapeXml(point.date)}</text>`,
    );
  }

  // Recorded scores last, on top of the lines: the member's own, so they must stand out.
  for (const point of recordedShown) {
    parts.push(
      `<path class="recorded" data-date="${escapeXml(point.date)}" data-value="${point.value}" d="${diamond(x(point.day), y(point.value), 5.5)}" fill="${COLORS.recorded}" stroke="#ffffff" stroke-width="1"/>`,
    );
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}" fill="${COLORS.text}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}
