// One render thread of the chart worker pool (worker-pool.ts): SVG in, PNG out, with the very
// renderPng the main thread would use, so both give the same bytes.

import { parentPort } from 'node:worker_threads';
import { renderPng } from './render-png.ts';

export interface RenderRequest {
  id: number;
  svg: string;
}

export type RenderResponse =
  | { id: number; png: Uint8Array; width: number; height: number }
  | { id: number; error: string };

parentPort?.on('message', ({ id, svg }: RenderRequest) => {
  let response: RenderResponse;
  try {
    const { png, width, height } = renderPng(svg);
    response = { id, png, width, height };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  // The PNG's memory moves to the main thread rather than being copied.
  const transfer = 'png' in response ? [response.png.buffer as ArrayBuffer] : [];
  parentPort?.postMessage(response, transfer);
});
