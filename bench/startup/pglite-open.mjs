// A bare PGlite open of an existing data folder, in plain Node (no tsx, none of the bot's code):
// the baseline the console bot's start-up and memory are compared with in bench/startup.bench.ts.
// usage: node bench/startup/pglite-open.mjs DATA_DIR   (BENCH_PGLITE_OPTIONS: PGlite options as JSON)
// Prints one JSON line: milliseconds since the process started at import, open and first query,
// and VmRSS / VmHWM in MB, with the WASM heap's size and PostgreSQL's shared memory.

import { readFileSync } from 'node:fs';

const status = () => readFileSync('/proc/self/status', 'utf8');
const mb = (text, key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1]) / 1024;

const { PGlite } = await import('@electric-sql/pglite');
const imported = performance.now();
const options = JSON.parse(process.env.BENCH_PGLITE_OPTIONS || '{}');
const pg = new PGlite(process.argv[2], options);
await pg.waitReady;
const opened = performance.now();
const shared = await pg.query('select sum(allocated_size)::float8 as bytes from pg_shmem_allocations');
const queried = performance.now();
const text = status();
process.stdout.write(
  `${JSON.stringify({
    importMs: imported,
    openMs: opened,
    firstQueryMs: queried,
    rssMb: mb(text, 'VmRSS'),
    hwmMb: mb(text, 'VmHWM'),
    wasmHeapMb: pg.mod.HEAPU8.length / 2 ** 20,
    sharedMemoryMb: shared.rows[0].bytes / 2 ** 20,
  })}\n`,
);
await pg.close();
