// The chart's text as outlines, worked out once per label: laying out and outlining glyphs is most
// of resvg's work on a chart (about 0.05 ms a glyph), yet the labels repeat from chart to chart
// (the axis, the legend, the titles, the dates of the year). Each distinct label (its text, size
// and anchor) is outlined once with the shipped font, at the origin, and every chart then places
// the path where the text would be: resvg draws the same shapes without laying out any text.

import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY } from './forecast-svg.ts';

/** Labels kept; more than a chart's worth of a year of days, few enough to stay small (~1 KB each). */
const MAX_OUTLINES = 4000;

const outlines = new Map<string, string>();

const TEXT_ELEMENT = /<text ([^>]*)>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w-]+)="([^"]*)"/g;

/** Coordinates to a hundredth of a pixel: a shorter SVG to parse, no visible change. */
function shortNumbers(d: string): string {
  return d.replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number) * 100) / 100));
}

function outline(fontFile: string, content: string, fontSize: string, anchor: string): string {
  const key = `${fontSize}|${anchor}|${content}`;
  const known = outlines.get(key);
  if (known !== undefined) return known;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" font-family="${CHART_FONT_FAMILY}"><text x="0" y="0" font-size="${fontSize}" text-anchor="${anchor}">${content}</text></svg>`;
  const tree = new Resvg(svg, {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    logLevel: 'off',
  }).toString();
  const d = [...tree.matchAll(/<path [^>]*\bd="([^"]*)"/g)].map((match) => shortNumbers(match[1] as string)).join(' ');
  if (outlines.size >= MAX_OUTLINES) outlines.clear();
  outlines.set(key, d);
  return d;
}

/**
 * The SVG with every `<text>` replaced by its outline as a `<path>` (same fill and transform);
 * it renders without fonts. Handles the text elements forecastSvg writes: x, y, font-size,
 * text-anchor, transform and fill attributes, plain (escaped) character data.
 */
export function outlineText(svg: string, fontFile: string): string {
  return svg.replace(TEXT_ELEMENT, (_element, attributeText: string, content: string) => {
    const attributes = new Map(
      [...attributeText.matchAll(ATTRIBUTE)].map((match) => [match[1] as string, match[2] as string]),
    );
    const d = outline(fontFile, content, attributes.get('font-size') ?? '12', attributes.get('text-anchor') ?? 'start');
    if (d === '') return '';
    const place = `translate(${attributes.get('x') ?? 0} ${attributes.get('y') ?? 0})`;
    const transform = attributes.has('transform') ? `${attributes.get('transform')} ${place}` : place;
    const fill = attributes.has('fill') ? ` fill="${attributes.get('fill')}"` : '';
    return `<path${fill} transform="${transform}" d="${d}"/>`;
  });
}
