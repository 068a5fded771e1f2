// A fresh PGlite costs 2–6 s to start; cloning a dump of a migrated one costs ~0.6 s. The dump is
// kept in the temp folder under a name made from the migrations and the PGlite version, so test
// files (separate processes) share it and a changed migration makes a new one.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../db/connect.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../../db/migrate.ts';

const TEMPLATE_PREFIX = 'jss-coach-pglite-';

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The installed PGlite's version (its package.json is not exported, so found from its entry file). */
function pgliteVersion(): string {
  let folder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (; folder !== dirname(folder); folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === '@electric-sql/pglite') return manifest.version ?? 'unknown';
  }
  return 'unknown';
}

function templatePath(): string {
  const hash = createHash('sha256');
  hash.update(`pglite ${pgliteVersion()}\n`);
  for (const file of filesUnder(MIGRATIONS_FOLDER))
    hash.update(file.slice(MIGRATIONS_FOLDER.length)).update(readFileSync(file));
  return join(tmpdir(), `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}.tar`);
}

async function readTemplate(path: string): Promise<Blob | null> {
  try {
    return new Blob([await readFile(path)]);
  } catch {
    return null;
  }
}

/** A fresh, migrated in-memory PGlite: a clone of the saved template, or made (and saved) when there is none. */
export async function openMigratedPglite(): Promise<DatabaseHandle> {
  const path = templatePath();
  const template = await readTemplate(path);
  if (template) {
    try {
      return await openDatabase({ memory: true, loadDataDir: template });
    } catch {
      // An unreadable template (say, a PGlite upgrade that kept its version): make a new one below.
    }
  }
  const handle = await openDatabase({ memory: true });
  await migrateDatabase(handle);
  if (handle.driver === 'pglite') await saveTemplate(path, await handle.db.$client.dumpDataDir('none'));
  return handle;
}

/** Best effort: without a saved template the next test file just starts slower. */
async function saveTemplate(path: string, dump: Blob): Promise<void> {
  // Written aside, then renamed: a parallel test file never reads half a template.
  const partial = `${path}.${process.pid}.partial`;
  try {
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, path);
    // Templates of older migrations are 40 MB each and never used again.
    for (const name of await readdir(dirname(path))) {
      const file = join(dirname(path), name);
      if (name.startsWith(TEMPLATE_PREFIX) && name.endsWith('.tar') && file !== path) await rm(file, { force: true });
    }
  } catch {
    await rm(partial, { force: true });
  }
}
