import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-bot.ts';
import { openDatabase } from '../../db/connect.ts';
import { createStore } from '../../db/drizzle-store.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { runCli, type CliIo } from '../../src/cli/run.ts';

const AS_OF = '2026-11-22';
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jss-console-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the console bot on a PGlite data directory with the given lines as standard input. */
async function consoleSession(
  dataDir: string,
  user: string,
  lines: string[],
  paths: { cwd?: string; home?: string } = {},
): Promise<string> {
  const handle = await openDatabase({ dataDir });
  try {
    await migrateDatabase(handle);
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    input.end(`${lines.join('\n')}\n`);
    await runConsole({
      services: { store: createStore(handle.db) },
      input,
      output,
      user,
      today: () => AS_OF,
      ...paths,
    });
    return printed;
  } finally {
    await handle.close();
  }
}

describe('the console bot', () => {
  const dataDir = tempDir();

  it('reads one command per line, prints each reply, and keeps contracts across a restart', async () => {
    const first = await consoleSession(dataDir, 'alice', [
      'add client:"Acme Ltd" type:hourly start:2026-01-10 end:2026-05-01 earnings:1200 stars:5',
      '# a comment line is skipped',
      '/jss add client:Globex type:fixed start:2026-06-01 end:2026-07-01 earnings:300 stars:4',
      'frobnicate',
    ]);
    expect(first).toContain('Added c1');
    expect(first).toContain('Added c2');
    expect(first).toContain('there is no command "frobnicate"');
    const second = await consoleSession(dataDir, 'alice', ['list']);
    expect(second).toContain('c1: Acme Ltd (hourly)');
    expect(second).toContain('c2: Globex (fixed)');
    // Another console user on the same database is another member.
    expect(await consoleSession(dataDir, 'bob', ['list'])).toContain('You have no contracts yet');
  });

  it('shows the same score as the CLI for the same contracts', async () => {
    const exported = await consoleSession(dataDir, 'alice', ['export format:json', 'score']);
    const json = exported.slice(exported.indexOf('{'), exported.lastIndexOf('}') + 1);
    let stdout = '';
    const io: CliIo = {
      readInput: async () => json,
      stdout: (text) => (stdout += text),
      stderr: () => {},
      today: AS_OF,
      version: 'test',
    };
    expect(await runCli(['score', '-', '--json'], io)).toBe(0);
    const cliScore = JSON.parse(stdout).score as number;
    expect(exported).toContain(`Job Success Score (estimate): ${cliScore}%`);
  });

  it('imports a file with import file:PATH', async () => {
    const output = await consoleSession(tempDir(), 'carol', [
      'import file:examples/contracts.json',
      'list',
      'import file:no/such.csv',
    ]);
    expect(output).toContain('Imported 7 contracts');
    expect(output).toContain('retainer: Echo & Co (hourly)');
    expect(output).toContain('file: cannot read "no/such.csv" (ENOENT)');
  });

  it('import file:PATH: relative to the current directory, ~ for the home folder, quoted when it has spaces', async () => {
    const home = tempDir();
    const cwd = tempDir();
    mkdirSync(join(home, 'Downloads'));
    mkdirSync(join(cwd, 'data'));
    // A byte-order mark first, as spreadsheet programs write it.
    writeFileSync(
      join(home, 'Downloads', 'my contracts.csv'),
      '\uFEFFid,client,type,start,end,earnings,stars\nh1,Home Client,fixed,2026-02-01,2026-03-01,500,5\n',
    );
    writeFileSync(join(cwd, 'data', 'more.csv'), 'id,client,type,start\nr1,Relative Client,hourly,2026-04-01\n');
    const output = await consoleSession(
      tempDir(),
      'erin',
      [
        'import file:"~/Downloads/my contracts.csv"',
        'import file:data/more.csv',
        'import file:~/nowhere.csv',
        'list',
        'help upwork',
      ],
      { cwd, home },
    );
    expect(output).toContain('Where to find your Upwork CSV');
    expect(output).toContain('Then bring it here: import file:~/Downloads/transactions.csv');
    expect(output).toContain('Imported 1 contract');
    expect(output).toContain('h1: Home Client (fixed)');
    expect(output).toContain('r1: Relative Client (hourly)');
    expect(output).toContain(`file: cannot read "~/nowhere.csv" (ENOENT: ${join(home, 'nowhere.csv')})`);
  });

  it('npm start runs the console bot on piped input (embedded database, no tokens)', async () => {
    const exec = promisify(execFile);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      JSS_DATA_DIR: tempDir(),
      JSS_AS_OF: AS_OF,
      JSS_CONSOLE_USER: 'dana',
    };
    for (const name of Object.keys(env)) if (/^(DATABASE_URL|SLACK_|DISCORD_|PORT$)/.test(name)) delete env[name];
    const child = exec('node', ['--import', 'tsx', 'app/main.ts'], { env, timeout: 60_000 });
    child.child.stdin?.end('add client:Acme type:hourly start:2026-01-10 end:2026-03-01 earnings:800 stars:5\nlist\n');
    const { stdout } = await child;
    expect(stdout).toContain('Added c1');
    expect(stdout).toContain('c1: Acme (hourly)');
  });
});
