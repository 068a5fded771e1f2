// Dependencies point inward (docs: /work/shared/design.md, "Rules of the house"). This test reads
// the import statements of every .ts file under the checked folders — `import … from '…'`,
// `import '…'`, `export … from '…'` and `import('…')` — resolves the relative ones to a folder of
// the project and fails on a forbidden direction, naming every file and line.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHECKED = ['src', 'db', 'adapters', 'app', 'scripts', 'bench'];
const SKIPPED = new Set(['node_modules', 'dist']);
const ADAPTER_SHARED = 'adapters/shared';

export interface ImportLine {
  /** The importing file, relative to the root with forward slashes. */
  file: string;
  line: number;
  specifier: string;
}

function tsFilesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...tsFilesUnder(path));
    else if (/\.(m|c)?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** The module specifiers a source text imports, with the line each one sits on. */
export function importsOf(file: string, text: string): ImportLine[] {
  const found: ImportLine[] = [];
  const add = (index: number, specifier: string) => found.push({ file, line: lineOf(text, index), specifier });
  // Statements start a line: `import x from '…'`, `import type { … } from '…'` (over several lines),
  // `import '…'`, `export { … } from '…'`, `export * from '…'`.
  const statement = /^[ \t]*(?:import|export)\b(?:[^;'"`]*?\bfrom)?\s*(['"])([^'"\n]+)\1/gm;
  for (const match of text.matchAll(statement)) add(match.index + match[0].lastIndexOf(match[2]!), match[2]!);
  // Dynamic imports anywhere but in a line comment or a block comment's `*` line.
  const dynamic = /\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/g;
  for (const match of text.matchAll(dynamic)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const before = text.slice(lineStart, match.index);
    if (before.includes('//') || /^\s*\*/.test(before)) continue;
    add(match.index + match[0].indexOf(match[2]!), match[2]!);
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The project path an import points at (`src/scoring/dates.ts`), or null for a package. */
function target(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(from), specifier))
    .split(sep)
    .join('/');
}

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const adapterOf = (path: string) => path.split('/').slice(0, 2).join('/');

/** Why `file` may not import `to`, or null when it may. */
export function forbidden(file: string, to: string): string | null {
  if (under(file, 'src/scoring') && !under(to, 'src/scoring')) return 'src/scoring imports nothing outside itself';
  if (under(file, 'src')) {
    if (under(file, 'src/reminders') && under(to, 'src/scoring') && to !== 'src/scoring/index.ts')
      return 'src/reminders uses the core through src/scoring/index.ts only';
    for (const outer of ['db', 'adapters', 'app', 'bench', 'scripts', 'test']) {
      if (under(to, outer)) return `src/ imports no ${outer}/`;
    }
    return null;
  }
  if (under(file, 'db')) return under(to, 'src') || under(to, 'db') ? null : 'db/ imports only src/ and db/';
  if (under(file, 'adapters')) {
    if (under(to, 'src')) return null;
    if (!under(to, 'adapters')) return 'adapters/ import only src/ and adapters/';
    if (under(to, ADAPTER_SHARED) || adapterOf(to) === adapterOf(file)) return null;
    if (under(file, ADAPTER_SHARED)) return 'adapters/shared imports no platform';
    return 'an adapter imports no other platform (only adapters/shared)';
  }
  if (under(file, 'app'))
    return under(to, 'test') || under(to, 'bench') || under(to, 'scripts')
      ? 'app/ imports no test/, bench/, scripts/'
      : null;
  // bench/ and scripts/ import everything (bench also test/helpers).
  return null;
}

export function violations(): string[] {
  const found: string[] = [];
  for (const file of CHECKED.flatMap(tsFilesUnder)) {
    for (const { line, specifier } of importsOf(file, readFileSync(join(ROOT, file), 'utf8'))) {
      const to = target(file, specifier);
      const why = to === null ? null : forbidden(file, to);
      if (why) found.push(`${file}:${line} imports '${specifier}' — ${why}`);
    }
  }
  return found;
}

describe('import directions', () => {
  it('reads every form of import and export', () => {
    const text = [
      "import { a } from './a.ts';",
      'import type {',
      '  B,',
      "} from '../b.ts';",
      "import './side-effect.ts';",
      "export * from './c.ts';",
      'export { d } from "./d.ts";',
      "const e = await import('./e.ts');",
      "// const f = await import('./f.ts');",
      "import { z } from 'zod';",
      "export const g = 'from';",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      { file: 'x.ts', line: 1, specifier: './a.ts' },
      { file: 'x.ts', line: 4, specifier: '../b.ts' },
      { file: 'x.ts', line: 5, specifier: './side-effect.ts' },
      { file: 'x.ts', line: 6, specifier: './c.ts' },
      { file: 'x.ts', line: 7, specifier: './d.ts' },
      { file: 'x.ts', line: 8, specifier: './e.ts' },
      { file: 'x.ts', line: 10, specifier: 'zod' },
    ]);
  });

  it('knows the rules', () => {
    expect(forbidden('src/scoring/plan.ts', 'src/scoring/dates.ts')).toBeNull();
    expect(forbidden('src/scoring/plan.ts', 'src/replies/format.ts')).not.toBeNull();
    expect(forbidden('src/commands/x.ts', 'db/store.ts')).not.toBeNull();
    expect(forbidden('src/reminders/job.ts', 'src/scoring/evaluate.ts')).not.toBeNull();
    expect(forbidden('src/reminders/job.ts', 'src/scoring/index.ts')).toBeNull();
    expect(forbidden('src/commands/x.ts', 'app/main.ts')).not.toBeNull();
    expect(forbidden('db/drizzle-store.ts', 'src/ports/store.ts')).toBeNull();
    expect(forbidden('db/drizzle-store.ts', 'adapters/slack/app.ts')).not.toBeNull();
    expect(forbidden('adapters/slack/app.ts', 'adapters/shared/read-body.ts')).toBeNull();
    expect(forbidden('adapters/slack/app.ts', 'adapters/discord/limits.ts')).not.toBeNull();
    expect(forbidden('adapters/slack/app.ts', 'db/store.ts')).not.toBeNull();
    expect(forbidden('adapters/shared/x.ts', 'adapters/console/context.ts')).not.toBeNull();
    expect(forbidden('app/main.ts', 'db/connect.ts')).toBeNull();
    expect(forbidden('bench/load.ts', 'test/helpers/scratch-database.ts')).toBeNull();
  });

  it('finds no forbidden direction in the project', () => {
    expect(violations()).toEqual([]);
  });
});
