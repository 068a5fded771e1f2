// Text drawn from outlines made once per label looks as resvg's own text does: same place (anchor,
// rotation), same fill, same glyphs; and a label seen before is not laid out again.

import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY, forecastSvg, type Series } from '../../src/charts/forecast-svg.ts';
import { outlineText } from '../../src/charts/outline-text.ts';
import { CHART_FONT_FILE } from '../../src/charts/render-png.ts';
import { escapeXml } from '../../src/charts/svg.ts';
import { differingShare } from './pixels.ts';

const withText = (svg: string) =>
  new Resvg(svg, {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    logLevel: 'off',
  })
    .render()
    .asPng();
const fontless = (svg: string) =>
  new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'off' }).render().asPng();

const CHART: Series = {
  title: 'Score <b> & "co" over 12 months',
  points: [
    { date: '2026-11-22', value: 87 },
    { date: '2027-01-05', value: 91 },
    { date: '2027-03-10', value: null },
    { date: '2027-11-22', value: 74 },
  ],
  past: Array.from({ length: 16 }, (_, i) => ({
    date: new Date(Date.UTC(2026, 7, 9 + 7 * i)).toISOString().slice(0, 10),
    value: 80 + (i % 4),
  })),
  recorded: [{ date: '2026-09-14', value: 92 }],
};

describe('outlineText', () => {
  it('leaves no text in the chart, and draws it where resvg would (rotated dates, right-aligned axis labels, coloured labels)', () => {
    const svg = forecastSvg(CHART);
    const outlined = outlineText(svg, CHART_FONT_FILE);
    expect(outlined).not.toContain('<text');
    expect(differingShare(fontless(outlined), withText(svg))).toBeLessThan(0.002);
    // The measure can tell: the same chart with other dates differs by far more.
    const otherDates = forecastSvg({
      ...CHART,
      points: CHART.points.map((point) => ({ ...point, date: point.date.replace('2027', '2028') })),
    });
    expect(differingShare(withText(otherDates), withText(svg))).toBeGreaterThan(0.002);
  });

  it('any label, at either anchor, with a fill and a rotation, looks as resvg draws it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcxyzABCXYZ0123456789-%&<>"\' .:…'), minLength: 0, maxLength: 24 }),
        fc.constantFrom('start', 'end', 'middle'),
        fc.constantFrom('', ' transform="rotate(-40 200 60)"'),
        fc.constantFrom('', ' fill="#1a7f37"'),
        (label, anchor, rotation, fill) => {
          const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" font-family="${CHART_FONT_FAMILY}" fill="#24292f"><rect width="400" height="120" fill="#ffffff"/><text x="200" y="60" text-anchor="${anchor}" font-size="13"${rotation}${fill}>${escapeXml(label)}</text></svg>`;
          expect(differingShare(fontless(outlineText(svg, CHART_FONT_FILE)), withText(svg))).toBeLessThan(0.003);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('outlines a label once: the second chart with the same labels costs no layout', () => {
    const svg = forecastSvg({ ...CHART, title: `A title seen once ${Math.random()}` });
    const started = performance.now();
    const first = outlineText(svg, CHART_FONT_FILE);
    const cold = performance.now() - started;
    const again = performance.now();
    expect(outlineText(svg, CHART_FONT_FILE)).toBe(first);
    expect(performance.now() - again).toBeLessThan(cold);
  });
});
