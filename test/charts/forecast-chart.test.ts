// The forecast chart: SVG built from a series block (the forecast, and the past 16 weeks with the
// member's recorded scores when it has them), rendered to PNG with the font shipped in the repository only.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { forecastChart, seriesBlockOf } from '../../src/charts/forecast-chart.ts';
import { CHART_FONT_FAMILY, CHART_WIDTH, escapeXml, forecastSvg, type Series } from '../../src/charts/forecast-svg.ts';
import { CHART_FONT_FILE, renderPng } from '../../src/charts/render-png.ts';
import { outlineText } from '../../src/charts/outline-text.ts';
import { differingShare } from './pixels.ts';
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
/** 16 weekly estimates up to today (2026-11-22), 7 days apart from 2026-08-09. */
const PAST = Array.from({ length: 16 }, (_, i) => ({
  date: new Date(Date.UTC(2026, 7, 9 + 7 * i)).toISOString().slice(0, 10),
  value: i < 3 ? null : 80 + (i % 4),
}));
const WITH_PAST: Series = {
  ...SERIES,
  past: PAST,
  recorded: [
    { date: '2026-09-14', value: 92 },
    { date: '2026-11-20', value: 88 },
  ],
};

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
    expect([...svg.matchAll(/<text class="edge-date"[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual([
      '2026-11-22',
      '2027-11-22',
    ]);
  });

  it('draws gridlines at the bands’ edges, 75% and 90%, labelled, on a 0–100% axis', () => {
    const svg = forecastSvg(SERIES);
    expect(attributes(svg, 'line', 'data-value')).toEqual(['75', '90']);
    for (const label of ['0%', '75%', '90%', '100%']) expect(svg).toContain(`>${label}</text>`);
    // 90% sits above 75% (SVG's y grows downwards).
    const y = (value: number) =>
      Number(new RegExp(`<line [^>]*data-value="${value}" [^>]*y1="([^"]*)"`).exec(svg)?.[1]);
    expect(y(90)).toBeLessThan(y(75));
  });

  it('draws 90% as the Top Rated line: solid, in its own colour, named in the legend', () => {
    const svg = forecastSvg(SERIES);
    const line90 = /<line class="([^"]*)" data-value="90"[^>]*>/.exec(svg)?.[0] ?? '';
    const line75 = /<line class="([^"]*)" data-value="75"[^>]*>/.exec(svg)?.[0] ?? '';
    expect(line90).toContain('class="grid top-rated"');
    expect(line90).not.toContain('stroke-dasharray');
    expect(line75).toContain('stroke-dasharray');
    expect(svg).toMatch(/<g class="legend-top-rated">.*>Top Rated<\/text><\/g>/);
    expect(svg).toMatch(/<text [^>]*class="grid-label"[^>]*fill="#1a7f37">90%<\/text>/);
  });

  it('without a past (a new member) draws no past, divider or recorded score; the legend names the estimate and Top Rated', () => {
    const svg = forecastSvg(SERIES);
    for (const name of ['past', 'past-point', 'today', 'recorded']) expect(svg).not.toContain(`class="${name}"`);
    expect([...svg.matchAll(/<g class="legend-([^"]*)">/g)].map((match) => match[1])).toEqual([
      'estimate',
      'top-rated',
    ]);
    // A past with no score in any week and nothing recorded is no past.
    const empty = PAST.map((point) => ({ ...point, value: null }));
    expect(forecastSvg({ ...SERIES, past: empty })).toBe(svg);
  });

  it('leaves a gap in the line where there is no score, and puts that change on the axis', () => {
    const svg = forecastSvg({
      title: 't',
      points: [
        { date: '2026-11-22', value: 80 },
        { date: '2027-02-01', value: null },
        { date: '2027-05-01', value: 85 },
        { date: '2027-11-22', value: 85 },
      ],
    });
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

describe('forecastSvg with the past', () => {
  const svg = forecastSvg(WITH_PAST);
  const xOf = (element: string) => Number(/ x1="([^"]*)"/.exec(element)?.[1]);

  it('marks the weekly estimates with small dots on a line of their own (none where a week had no score)', () => {
    const dotted = PAST.filter((point) => point.value !== null).map((point) => point.date);
    expect(dotted).toHaveLength(13);
    expect([...svg.matchAll(/<circle class="past-point" data-date="([^"]*)"/g)].map((match) => match[1])).toEqual(
      dotted,
    );
    const line = /<path class="past" d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(line.match(/M/g)).toHaveLength(1);
    // 16 points, the first 3 without a score: the line holds through the other 13, one step each.
    expect(line.match(/H/g)).toHaveLength(13);
    // The forecast's change dots are still exactly the change dates.
    expect([...svg.matchAll(/<circle class="change" data-date="([^"]*)"/g)].map((match) => match[1])).toEqual(
      CHANGE_DATES,
    );
  });

  it('marks each recorded score with a diamond of its own colour, in the legend', () => {
    const recorded = [...svg.matchAll(/<path class="recorded" data-date="([^"]*)" data-value="([^"]*)"/g)].map(
      (match) => [match[1], match[2]],
    );
    expect(recorded).toEqual([
      ['2026-09-14', '92'],
      ['2026-11-20', '88'],
    ]);
    expect([...svg.matchAll(/<g class="legend-([^"]*)">/g)].map((match) => match[1])).toEqual([
      'estimate',
      'recorded',
      'top-rated',
    ]);
    expect(svg).toContain('>recorded</text>');
  });

  it('divides past and forecast with a labelled line at today, and spans 16 weeks before it', () => {
    const divider = /<line class="today"[^>]*>/.exec(svg)?.[0] ?? '';
    expect(divider).not.toBe('');
    expect(svg).toContain('class="today-label"');
    expect(svg).toContain('>today</text>');
    // The legend sits on the right, clear of the "today" label left of the divider.
    const legendX = Number(/<g class="legend"><g class="legend-[^"]*"><line x1="([^"]*)"/.exec(svg)?.[1]);
    expect(legendX).toBeGreaterThan(xOf(divider) + 40);
    const axis = /<path class="axes" d="M(\d+) /.exec(svg);
    const left = Number(axis?.[1]);
    const right = CHART_WIDTH - 28;
    // 2026-08-09 to 2026-11-22 is 105 days of the 470 the axis spans.
    expect((xOf(divider) - left) / (right - left)).toBeCloseTo(105 / 470, 2);
    expect([...svg.matchAll(/<text class="edge-date"[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual([
      '2026-08-09',
      '2026-11-22',
      '2027-11-22',
    ]);
  });

  it('keeps date labels apart', () => {
    const xs = [...svg.matchAll(/<text class="(?:edge|change)-date" x="([^"]*)"/g)].map((match) => Number(match[1]));
    // Turned 40°, labels 21 px apart are 13.5 px apart across: a line of 11 px text.
    for (let i = 1; i < xs.length; i++) expect((xs[i] as number) - (xs[i - 1] as number)).toBeGreaterThanOrEqual(21);
    // A change 12 days after today (18 px) loses its label, not its dot.
    const crowded = forecastSvg({
      ...WITH_PAST,
      points: [
        { date: '2026-11-22', value: 87 },
        { date: '2026-12-04', value: 91 },
        { date: '2027-11-22', value: 91 },
      ],
    });
    expect(crowded).toContain('<circle class="change" data-date="2026-12-04"');
    expect(crowded).not.toMatch(/class="change-date"/);
  });

  it('escapes every text, the title and odd dates among them', () => {
    expect(svg).toContain('Score &lt;b&gt; &amp; &quot;co&quot; over 12 months');
    expect(svg).not.toContain('<b>');
    // A date that is no calendar date cannot be placed: left out, never written raw.
    const odd = forecastSvg({
      ...WITH_PAST,
      recorded: [{ date: '<script>', value: 90 }, ...(WITH_PAST.recorded ?? [])],
    });
    expect(odd).not.toContain('<script>');
    expect(odd.match(/<path class="recorded"/g)).toHaveLength(2);
  });

  it('draws the past with recorded scores alone (no estimate in any week), and not once they are dropped for sharing', () => {
    const onlyRecorded = { ...WITH_PAST, past: PAST.map((point) => ({ ...point, value: null })) };
    expect(forecastSvg(onlyRecorded)).toContain('class="today"');
    expect(forecastSvg(onlyRecorded).match(/<path class="recorded"/g)).toHaveLength(2);
    const { recorded: _dropped, ...shared } = onlyRecorded;
    expect(forecastSvg(shared)).toBe(forecastSvg(SERIES));
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
    expect(pngSize(renderPng(forecastSvg(SERIES, { width: 600, height: 240 })).png)).toEqual({
      width: 600,
      height: 240,
    });
  });

  it('renders the chart with the past at the same size, and the recorded scores change the picture', () => {
    const chart = forecastChart(WITH_PAST);
    expect(pngSize(chart.png)).toEqual({ width: 800, height: 320 });
    const { recorded: _dropped, ...shared } = WITH_PAST;
    expect(forecastChart(shared).png.equals(chart.png)).toBe(false);
    // Text of the past (the legend, "today") comes from the shipped font, as the title does.
    const fontless = (svg: string) =>
      new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'off' }).render().asPng();
    const unlabelled = forecastSvg(WITH_PAST).replace('>today</text>', '></text>');
    expect(renderPng(forecastSvg(WITH_PAST)).png.equals(renderPng(unlabelled).png)).toBe(false);
    expect(fontless(forecastSvg(WITH_PAST)).equals(fontless(unlabelled))).toBe(true);
  });

  it('draws text with the shipped font alone: without it the title leaves no mark, with it it does', () => {
    const titled = forecastSvg(SERIES);
    const untitled = forecastSvg({ ...SERIES, title: '' });
    expect(renderPng(titled).png.equals(renderPng(untitled).png)).toBe(false);
    // The same charts with no font at all (and no system fonts) look alike: the text came from the shipped file.
    const fontless = (svg: string) =>
      new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'off' }).render().asPng();
    expect(fontless(titled).equals(fontless(untitled))).toBe(true);
    // And renderPng draws text as outlines made from the shipped file: with no font at all it is the same picture.
    expect(fontless(outlineText(titled, CHART_FONT_FILE)).equals(renderPng(titled).png)).toBe(true);
    const shippedOnly = new Resvg(titled, {
      font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
      logLevel: 'off',
    });
    expect(differingShare(shippedOnly.render().asPng(), renderPng(titled).png)).toBeLessThan(0.002);
  });

  it('finds the series block of a reply, and none in a reply without one', () => {
    const series = { type: 'series' as const, ...SERIES };
    expect(seriesBlockOf(reply('info', 'x', { blocks: [{ type: 'text', text: 'a' }, series] }))).toBe(series);
    expect(seriesBlockOf(reply('info', 'x', { blocks: [{ type: 'text', text: 'a' }] }))).toBeUndefined();
  });
});
