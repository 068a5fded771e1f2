// Comparing two PNGs of the same size pixel by pixel (decoded with resvg, which reads PNGs as images).

import { Resvg } from '@resvg/resvg-js';

function pixels(png: Buffer): Buffer {
  const { width, height } = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false }, logLevel: 'off' }).render().pixels;
}

/** The share of pixel channel values that differ by more than `tolerance` (0–255) between two PNGs. */
export function differingShare(a: Buffer, b: Buffer, tolerance = 0): number {
  const pa = pixels(a);
  const pb = pixels(b);
  if (pa.length !== pb.length) return 1;
  let differing = 0;
  for (let i = 0; i < pa.length; i++) if (Math.abs((pa[i] as number) - (pb[i] as number)) > tolerance) differing++;
  return differing / pa.length;
}
