// Console history holds what a member typed (client names): it is theirs alone, and `forget`
// deletes it. The interactive REPL is driven through a pseudo-terminal-like input (isTTY).

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-bot.ts';
import { historyFileOf } from '../../adapters/console/history.ts';
import type { Store } from '../../src/ports/store.ts';
import { LIMITS } from '../../src/contracts/schema.ts';
import { databaseKinds } from '../helpers/databases.ts';

const pglite = databaseKinds[0];
if (!pglite) throw new Error('no database kinds');

/** A terminal session: lines typed one by one, each after the previous reply. */
async function typed(
  store: Store,
  historyFile: string | undefined,
  user: string,
  lines: string[],
  signal?: AbortSignal,
): Promise<string> {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runConsole({
    services: { store },
    input,
    output,
    user,
    today: () => '2026-11-22',
    ...(historyFile && { historyFile }),
    ...(signal && { signal }),
  });
  for (const line of lines) {
    const before = printed.length;
    input.write(`${line}\r`);
    // Wait for the reply (the prompt comes back after it).
    for (let i = 0; i < 200 && printed.slice(before).split('jss> ').length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
  }
  input.end();
  await done;
  return printed;
}

describe('console history', () => {
  let store: Store;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'jss-history-'));

  beforeAll(async () => {
    ({ store, close } = await pglite.open());
  });
  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is kept per member: another console user of the folder never sees it', async () => {
    const ann = historyFileOf(dir, 'ann');
    const bob = historyFileOf(dir, 'bob');
    expect(ann).not.toBe(bob);
    await typed(store, ann, 'ann', ['add client:"Ann Secret Co" type:fixed start:2026-01-10']);
    await typed(store, bob, 'bob', ['list']);
    expect(readFileSync(ann, 'utf8')).toContain('Ann Secret Co');
    expect(readFileSync(bob, 'utf8')).not.toContain('Ann Secret Co');
    expect(statSync(ann).mode & 0o777).toBe(0o600);
  });

  it('user names that are paths or odd text map to distinct files inside the folder', () => {
    const names = ['../../etc/passwd', 'a/b', 'a_b', 'ünï', '', ' '];
    const files = names.map((name) => historyFileOf(dir, name));
    expect(new Set(files).size).toBe(names.length);
    for (const file of files) expect(file.startsWith(join(dir, 'console-history/'))).toBe(true);
  });

  it("forget deletes the member's history file, and the confirmed line is not written back", async () => {
    const file = historyFileOf(dir, 'cleo');
    await typed(store, file, 'cleo', ['add client:"Cleo Private" type:fixed start:2026-01-10']);
    expect(existsSync(file)).toBe(true);
    const first = await typed(store, file, 'cleo', ['forget']);
    const code = /forget confirm:([A-Z0-9]{6})/.exec(first)?.[1];
    expect(code).toBeDefined();
    await typed(store, file, 'cleo', [`forget confirm:${code}`]);
    expect(existsSync(file)).toBe(false);
  });

  it('a wrong forget code keeps the history', async () => {
    const file = historyFileOf(dir, 'dev');
    await typed(store, file, 'dev', ['list', 'forget confirm:WRONG1']);
    expect(readFileSync(file, 'utf8')).toContain('list');
  });

  it('ends after the command under way when its stop signal fires', async () => {
    const stop = new AbortController();
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = new PassThrough();
    const done = runConsole({
      services: { store },
      input,
      output,
      user: 'eve',
      today: () => '2026-11-22',
      signal: stop.signal,
    });
    stop.abort();
    await expect(done).resolves.toBeUndefined();
  });
});

describe('import file:PATH', () => {
  let store: Store;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'jss-import-'));

  beforeAll(async () => {
    ({ store, close } = await pglite.open());
  });
  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file over the size limit by its size, before reading it, and imports nothing', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'id,client,type,start\n');
    truncateSync(big, LIMITS.fileBytes + 1); // sparse: 10 MiB + 1 byte without writing them
    const printed = await typed(store, undefined, 'fay', [`import file:${big}`, 'list']);
    expect(printed).toContain(`is 10.0 MiB; expected a CSV or JSON file of at most 10 MiB`);
    expect(printed).toContain('Nothing was imported.');
    expect(printed).toContain('You have no contracts yet');
  });
});

describe('the interactive console and the keyboard', () => {
  it('Ctrl+C clears the line being typed and keeps the console open; Ctrl+D leaves', async () => {
    const pglite = databaseKinds[0];
    if (!pglite) throw new Error('no database kinds');
    const { store, close } = await pglite.open();
    try {
      const input = Object.assign(new PassThrough(), { isTTY: true });
      const output = new PassThrough();
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
      let ended = false;
      const done = runConsole({ services: { store }, input, output, user: 'kai', today: () => '2026-11-22' }).then(
        () => (ended = true),
      );
      input.write('add client:Half');
      input.write('\u0003'); // Ctrl+C
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ended).toBe(false);
      expect(printed).toContain('^C');
      input.write('list\r');
      for (let i = 0; i < 200 && !printed.includes('You have no contracts yet'); i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      // The half-typed add was cleared, not run together with "list".
      expect(printed).toContain('You have no contracts yet');
      expect(printed).not.toContain('Added');
      input.write('\u0004'); // Ctrl+D on an empty line
      await done;
      expect(ended).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('the console with files and pasted lines', () => {
  it('import alone takes the pasted lines up to a blank line; export file:PATH writes a new file and never overwrites', async () => {
    const pglite = databaseKinds[0];
    if (!pglite) throw new Error('no database kinds');
    const { store, close } = await pglite.open();
    const dir = mkdtempSync(join(tmpdir(), 'jss-export-'));
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
      input.end(
        [
          'import',
          'id,client,type,start,end,earnings,stars',
          'c1,Acme Ltd,hourly,2026-01-10,2026-04-30,"$1,200",5',
          '',
          'list',
          'export file:out.csv',
          'export file:out.csv',
          '',
        ].join('\n'),
      );
      await runConsole({ services: { store }, input, output, user: 'pat', today: () => '2026-11-22', cwd: dir });
      expect(printed).toContain('Imported 1 contract');
      expect(printed).toContain('c1: Acme Ltd (hourly) · 2026-01-10 → 2026-04-30 · $1,200 · 5★');
      expect(printed).toContain(`Wrote your 1 contract as CSV to ${join(dir, 'out.csv')}`);
      expect(printed).toContain('file: cannot write "out.csv" (it exists already; expected a new file name)');
      const written = readFileSync(join(dir, 'out.csv'), 'utf8');
      expect(written.split('\n')[1]).toMatch(/^c1,Acme Ltd,hourly,2026-01-10,2026-04-30,1200,/);
      expect(statSync(join(dir, 'out.csv')).mode & 0o777).toBe(0o600);
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
