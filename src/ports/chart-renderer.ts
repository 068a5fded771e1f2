// The chart-renderer port: SVG to PNG somewhere that does not hold up other members' requests.
// app/ wires a worker-thread pool (src/charts/worker-pool.ts); tests and tools can use the
// in-process renderer (src/charts/in-process-renderer.ts). Both give the same bytes.

import type { Png } from '../charts/render-png.ts';

export interface ChartRenderer {
  render(svg: string): Promise<Png>;
  /** Stops the renderer's threads, if it has any; renders asked after this fail. */
  close(): Promise<void>;
}
