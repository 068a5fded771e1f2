// PGlite's options for a small bot: what the embedded PostgreSQL may keep in memory.
//
// What PGlite's resident memory depends on (PGlite 0.5.16, measured with VmRSS/VmHWM on a 2-core
// AMD EPYC, Node 20, with npm run bench:startup and bench/startup/pglite-open.mjs):
// - The WASM heap is one WebAssembly.Memory: 128 MB initial (the module's own minimum: a smaller
//   `initialMemory` fails to link), 2 GB maximum, and it only grows: WASM memory never shrinks, so
//   the largest allocation ever made stays mapped until the process ends.
// - Most of it is PostgreSQL's shared memory, which in single-user mode is allocated (and zeroed, so
//   made resident) inside that heap at start: 146 MB with initdb's shared_buffers=128MB, which grows
//   the heap to 189 MB before the first query. That alone is ~110-140 MB of a bare open's ~290 MB.
//   The console bot after 100 commands: 456 → 330 MB resident under tsx, 409 → 257 MB as an
//   esbuild bundle (npm run bench:startup, same machine, before/after this module).
// - Not memory: `relaxedDurability` only defers the sync of IndexedDB/OPFS file systems; on a Node
//   data folder (NODEFS) syncToFs is a no-op, so it changes nothing here. The bundled extensions
//   (*.tar.gz) are read only when passed in `extensions` (we pass none). The file-system bundle
//   (pglite.data, 6 MB) is read once at start.
// - The rest of a bare open (~180 MB resident with these options, ~41 MB of it Node's) is mostly V8's
//   compiled code for the 9 MB pglite.wasm: `node --liftoff-only` (or v8.setFlagsFromString before
//   PGlite is first opened; NODE_OPTIONS refuses it) keeps only the baseline compiler's code: a
//   bare open 131 MB instead of 180 MB, the first commands faster (no optimizing compile competing
//   for 2 cores), steady commands ~15-40% slower and CPU-heavy SQL ~2x slower. It is a process-wide
//   flag, so it is not set here: the composition root's choice.
// - Durability, as it already was: PGlite starts postgres with -F (fsync off). A committed write
//   reaches the operating system before the command replies, so it survives the bot's crash, but
//   not a power cut or kernel crash. These options do not change that.

import type { PGliteOptions } from '@electric-sql/pglite';

/**
 * PostgreSQL settings passed at every start (`-c name=value`), after PGlite's own defaults; they
 * override postgresql.conf in the data folder, so existing folders get them too.
 */
const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  // Was 128MB (initdb's choice). Shared memory falls from 146 MB to 24 MB (pg_shmem_allocations),
  // the WASM heap stays at its 128 MB initial size instead of growing to 189 MB, and a bare open of
  // an existing folder goes from ~290-300 MB to ~170-190 MB resident. 16 MB is 2,048 pages: a bot's whole
  // database (the benchmark's member: 20 contracts, ~23 MB of files mostly catalogs) stays cached.
  // 8MB saves ~8 MB more; 16MB keeps room for a few hundred members' contracts in cache.
  shared_buffers: '16MB',
  // Was 64MB. Only VACUUM and CREATE INDEX use it, allocated as needed; a cap keeps a rare big one
  // from growing the WASM heap for good (it never shrinks). Migrations' index builds are tiny.
  maintenance_work_mem: '16MB',
};

/**
 * The options every PGlite in this project opens with (data folder or in memory). startParams
 * replaces PGlite's own (--single, -F, -O, …), so they are passed in (`PGlite.defaultStartParams`)
 * and kept; taking them as an argument keeps this module from loading PGlite.
 */
export function pgliteOptions(defaultStartParams: readonly string[]): Pick<PGliteOptions, 'startParams'> {
  const settings = Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  return { startParams: [...defaultStartParams, ...settings] };
}
