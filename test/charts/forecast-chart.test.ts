// The forecast chart: SVG built from a series block, rendered to PNG with the font shipped in the
// repository only.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { forecastChart, seriesBlockOf } from '../../src/charts/forecast-chart.ts';
import { CHART_FONT_FAMILY, escapeXml, forecastSvg, type Series } from '../../src/charts/forecast-svg.ts';
import { CHART_FONT_FILE, renderPng } from '../../src/charts/render-png.ts';
import { reply } from '../../src/replies/reply.ts';

const SERIES: Series = {
  title: 'Score <b> & "co" over 12 months',
  points: [
    { date: '2026-11-22', value: 87 },
    { date: '2027-01-05', value: 91 },
    { date: '2027-03-10', value: 78 },
    { date: '2027-06-01', value: 74 },
    { date: '2027-11-22', value: 74 },
  ],
};
const CHANGE_DATES = ['2027-01-05', '2027-03-10', '2027-06-01'];

/** A PNG's width and height, read from its IHDR chunk (the first chunk after the 8-byte signature). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const attributes = (svg: string, element: string, name: string) =>
  [...svg.matchAll(new RegExp(`<${element} [^>]*${name}="([^"]*)"`, 'g'))].map((match) => match[1]);

describe('forecastSvg', () => {
  it('escapes the title (and every text) as XML', () => {
    const svg = forecastSvg(SERIES);
    expect(svg).toContain('Score &lt;b&gt; &amp; &quot;co&quot; over 12 months');
    expect(svg).not.toContain('<b>');
    expect(escapeXml("a\u0001<'&>")).toBe('a&lt;&apos;&amp;&gt;');
  });

  it('marks each change date with one dot and one date label; today and the end are not changes', () => {
    const svg = forecastSvg(SERIES);
    expect(attributes(svg, 'circle', 'data-date')).toEqual(CHANGE_DATES);
    const changeLabels = [...svg.matchAll(/<text class="change-date"[^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(changeLabels).toEqual(CHANGE_DATES);
    expect([...svg.matchAll(/<text class="edge-date"[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual(['2026-11-22', '2027-11-22']);
  });

  it('draws gridlines at the bands’ edges, 75% and 90%, labelled, on a 0–100% axis', () => {
    const svg = forecastSvg(SERIES);
    expect(attributes(svg, 'line', 'data-value')).toEqual(['75', '90']);
    for (const label of ['0%', '75%', '90%', '100%']) expect(svg).toContain(`>${label}</text>`);
    // 90% sits above 75% (SVG's y grows downwards).
    const [y75, y90] = attributes(svg, 'line', 'y1').map(Number);
    expect(y90).toBeLessThan(y75 as number);
  });

  it('leaves a gap in the line where there is no score, and puts that change on the axis', () => {
    const svg = forecastSvg({ title: 't', points: [
      { date: '2026-11-22', value: 80 },
      { date: '2027-02-01', value: null },
      { date: '2027-05-01', value: 85 },
      { date: '2027-11-22', value: 85 },
    ] });
    const line = /<path class="score" d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(line.match(/M/g)).toHaveLength(2);
    expect(attributes(svg, 'circle', 'fill')[0]).toBe('#ffffff');
  });

  it('is 800×320 by default and takes another size', () => {
    expect(forecastSvg(SERIES)).toContain('width="800" height="320"');
    expect(forecastSvg(SERIES, { width: 600, height: 240 })).toContain('width="600" height="240"');
    expect(forecastSvg(SERIES)).toContain(`font-family="${CHART_FONT_FAMILY}"`);
  });
});

describe('renderPng / forecastChart', () => {
  it('ships its font and the font’s licence in the repository', () => {
    expect(existsSync(CHART_FONT_FILE)).toBe(true);
    expect(existsSync(join(dirname(CHART_FONT_FILE), 'LICENSE'))).toBe(true);
  });

  it('renders a PNG of the chart’s size, named forecast.png', () => {
    const chart = forecastChart(SERIES);
    expect(chart.filename).toBe('forecast.png');
    expect({ width: chart.width, height: chart.height }).toEqual({ width: 800, height: 320 });
    expect(pngSize(chart.png)).toEqual({ width: 800, height: 320 });
    expect(pngSize(renderPng(forecastSvg(SERIES, { width: 600, height: 240 })).png)).toEqual({ width: 600, height: 240 });
  });

  it('draws text with the shipped font alone: without it the title leaves no mark, with it it does', () => {
    const titled = forecastSvg(SERIES);
    const untitled = forecastSvg({ ...SERIES, title: '' });
    expect(renderPng(titled).png.equals(renderPng(untitled).png)).toBe(false);
    // The same charts with no font at all (and no system fonts) look alike: the text came from the shipped file.
    const fontless = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'off' }).render().asPng();
    expect(fontless(titled).equals(fontless(untitled))).toBe(true);
    // And the shipped file alone gives exactly what renderPng gives.
    const shippedOnly = new Resvg(titled, { font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY }, logLevel: 'off' });
    expect(shippedOnly.render().asPng().equals(renderPng(titled).png)).toBe(true);
  });

  it('finds the series block of a reply, and none in a reply without one', () => {
    const series = { type: 'series' as const, ...SERIES };
    expect(seriesBlockOf(reply('info', 'x', { blocks: [{ type: 'text', text: 'a' }, series] }))).toBe(series);
    expect(seriesBlockOf(reply('info', 'x', { blocks: [{ type: 'text', text: 'a' }] }))).toBeUndefined();
  });
});
