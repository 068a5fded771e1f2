// npm run build: compiles the bot to dist/ for production (`node dist/main.js`): tsc emits each
// file in place (imports rewritten from .ts to .js), then the files the code reads beside itself
// are copied: the migrations (db/migrations) and the chart font (assets/).

import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);
rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [new URL('node_modules/typescript/bin/tsc', root).pathname, '-p', new URL('tsconfig.build.json', root).pathname],
  { stdio: 'inherit' },
);
cpSync(new URL('db/migrations/', root), new URL('db/migrations/', dist), { recursive: true });
cpSync(new URL('assets/', root), new URL('assets/', dist), { recursive: true });
// The documented entry point: dist/main.js.
writeFileSync(new URL('main.js', dist), "// The bot, compiled: see app/main.ts.\nimport './app/main.js';\n");
console.log('built dist/ (run it with: node dist/main.js)');
