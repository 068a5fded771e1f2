// Chart renders on worker threads, so a cold render (several ms of CPU) never holds up the next
// member's request on the main thread. A fixed number of workers, each given one SVG at a time;
// the rest wait in a queue. A worker that dies is replaced, and its render fails (the caller
// leaves the chart out or renders it itself).

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartRenderer } from '../ports/chart-renderer.ts';
import type { Png } from './render-png.ts';
import type { RenderRequest, RenderResponse } from './render-worker.ts';

/** One thread for the main one, the rest for charts; at least one. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * The worker: render-worker.js beside this file in the built dist/; from the sources (tsx, vitest)
 * render-worker.ts, loaded after tsx's loader is registered in the worker (a worker does not get
 * the main thread's `--import tsx` hooks for its entry file on Node 20).
 */
function newWorker(): Worker {
  if (!FROM_SOURCES) return new Worker(new URL('./render-worker.js', import.meta.url));
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
}

interface Job {
  id: number;
  svg: string;
  resolve: (png: Png) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export function createWorkerPool(size = defaultPoolSize()): ChartRenderer {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function start(): Slot {
    const slot: Slot = { worker: newWorker(), job: null };
    // An idle worker must not keep the process alive.
    slot.worker.unref();
    slot.worker.on('message', (response: RenderResponse) => {
      const job = slot.job;
      if (!job || job.id !== response.id) return;
      slot.job = null;
      if ('error' in response) job.reject(new Error(`chart render failed: ${response.error}`));
      else
        job.resolve({
          png: Buffer.from(response.png.buffer, response.png.byteOffset, response.png.byteLength),
          width: response.width,
          height: response.height,
        });
      next(slot);
    });
    const died = (error: Error) => {
      slot.job?.reject(error);
      slot.job = null;
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      if (!closed) {
        const replacement = start();
        slots.push(replacement);
        next(replacement);
      }
    };
    slot.worker.on('error', died);
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) died(new Error(`chart worker stopped (exit code ${code})`));
    });
    return slot;
  }

  function next(slot: Slot): void {
    const job = queue.shift();
    if (!job) {
      slot.worker.unref();
      return;
    }
    slot.job = job;
    // While it renders, the worker keeps the process alive (a reply is waiting for it).
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, svg: job.svg } satisfies RenderRequest);
  }

  for (let i = 0; i < Math.max(1, size); i++) slots.push(start());

  return {
    render(svg) {
      if (closed) return Promise.reject(new Error('the chart worker pool is closed'));
      return new Promise<Png>((resolve, reject) => {
        queue.push({ id: nextId++, svg, resolve, reject });
        const idle = slots.find((slot) => slot.job === null);
        if (idle) next(idle);
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the chart worker pool is closed'));
      const stopping = slots.splice(0);
      for (const slot of stopping) slot.job?.reject(new Error('the chart worker pool is closed'));
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}
