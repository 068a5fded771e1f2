// The chart's legend: one row of entries, each a small sample of what it names and a word or two.

import { n, text, textWidth } from './svg.ts';

export type LegendSample =
  | { kind: 'line'; color: string; width: number; dash?: string }
  | { kind: 'dot'; color: string }
  | { kind: 'diamond'; color: string };

export interface LegendEntry {
  /** What the entry names, for tests and the SVG's class (`legend-<key>`). */
  key: string;
  label: string;
  sample: LegendSample;
}

const SAMPLE_WIDTH = 18;
const SAMPLE_GAP = 5;
const ENTRY_GAP = 16;

/** A diamond of half-width `r` centred on (x, y): the marker of a recorded score. */
export function diamond(x: number, y: number, r: number): string {
  return `M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r)}L${n(x - r)} ${n(y)}Z`;
}

function sample(s: LegendSample, x: number, y: number): string {
  const middle = x + SAMPLE_WIDTH / 2;
  switch (s.kind) {
    case 'line':
      return `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + SAMPLE_WIDTH)}" y2="${n(y)}" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    case 'dot':
      return `<circle cx="${n(middle)}" cy="${n(y)}" r="3" fill="${s.color}"/>`;
    case 'diamond':
      return `<path d="${diamond(middle, y, 5)}" fill="${s.color}" stroke="#ffffff" stroke-width="1"/>`;
  }
}

/** About how wide the row of entries is, the last entry's gap left out. */
export function legendWidth(entries: readonly LegendEntry[], fontSize: number): number {
  return (
    entries.reduce((sum, entry) => sum + SAMPLE_WIDTH + SAMPLE_GAP + textWidth(entry.label, fontSize) + ENTRY_GAP, 0) -
    ENTRY_GAP
  );
}

/** The legend's entries side by side, ending at `right` on `baseline`; samples sit on the text's middle. */
export function legendRow(entries: readonly LegendEntry[], right: number, baseline: number, fontSize: number): string {
  let at = right - legendWidth(entries, fontSize);
  const parts = entries.map((entry) => {
    const group = `<g class="legend-${entry.key}">${sample(entry.sample, at, baseline - fontSize * 0.35)}${text(at + SAMPLE_WIDTH + SAMPLE_GAP, baseline, entry.label, `font-size="${fontSize}"`)}</g>`;
    at += SAMPLE_WIDTH + SAMPLE_GAP + textWidth(entry.label, fontSize) + ENTRY_GAP;
    return group;
  });
  return `<g class="legend">${parts.join('')}</g>`;
}
