// The embedded database is PostgreSQL compiled to WebAssembly (9 MB). By default V8 compiles it
// twice: a quick baseline (Liftoff) at start, then optimised code (TurboFan) for hot functions in
// the background, which on a 2-core machine competes with the first replies and keeps ~40-50 MB
// of extra code resident. A small bot's queries are tiny, so the baseline code is enough: with
// --liftoff-only the console's first reply came ~0.4 s sooner and its memory ~35-50 MB lower
// (bench/startup/phases.ts, npm run bench:startup), at the price of CPU-heavy SQL running up to
// ~2x slower. It is process-wide and must be set before PGlite compiles its module; PostgreSQL
// servers (DATABASE_URL) never load it, so it is set only for PGlite.

import { setFlagsFromString } from 'node:v8';

export function compileWasmForSmallFootprint(): void {
  setFlagsFromString('--liftoff-only');
}
