// SVG to PNG with resvg, using only the font shipped in the repository: the picture looks the same
// on every machine, and nothing depends on the fonts a server happens to have. The text is drawn
// from outlines worked out once per label (outline-text.ts): half the CPU of laying it out each time.

import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY } from './forecast-svg.ts';
import { outlineText } from './outline-text.ts';

/** Resolved from this file, so it works whatever the working directory. */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));

export interface Png {
  png: Buffer;
  width: number;
  height: number;
}

export function renderPng(svg: string): Png {
  // The font stays loaded for any text outlineText leaves (it costs ~0.04 ms: resvg maps the file).
  const resvg = new Resvg(outlineText(svg, CHART_FONT_FILE), {
    font: { fontFiles: [CHART_FONT_FILE], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    logLevel: 'off',
  });
  const rendered = resvg.render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
