// npm run bench:startup — how long the console bot takes from spawn to its first reply on existing
// data, and how much memory it keeps after 100 commands, beside two baselines from the same run:
//   (a) a bare `node -e ''` (wall time, and a bare node's resident memory);
//   (b) a bare PGlite open of an existing folder, in plain Node (bench/startup/pglite-open.mjs),
//       with PGlite's defaults and with this project's options (db/pglite-options.ts);
//   (c) the console bot on PGlite with existing data (a member with 20 contracts, prepared once and
//       copied per run): spawn → first byte of the reply to `score` on stdout; median and min;
//   (d) VmRSS and VmHWM of the process that runs the bot, after 100 commands piped on stdin while
//       stdin stays open, on PGlite; (e) the same on PostgreSQL, in a scratch database;
//   (c') (d') (e') the same entry bundled by esbuild to plain JavaScript: what is tsx's cost.
// Every measure runs in its own process. Loopback only; everything stops by itself.
//
// BENCH_ENTRY   the command that starts the bot (default: package.json's `start` script)
// BENCH_BUNDLE  the TypeScript entry to bundle for (c') (d') (e'), or 0 to skip (default: the .ts in BENCH_ENTRY)
// BENCH_RUNS    start-up runs per measure (default 5); BENCH_MEMORY_RUNS (default 2)
// BENCH_DATABASE_URL  a PostgreSQL server for (e) (default postgres://postgres@127.0.0.1:5432/postgres);
//               BENCH_DATABASE_URL=0 skips (e)

import { PGlite } from '@electric-sql/pglite';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleContext } from '../adapters/console/context.ts';
import { openDatabase, type OpenOptions } from '../db/connect.ts';
import { createStore } from '../db/drizzle-store.ts';
import { MIGRATIONS_FOLDER, migrateDatabase } from '../db/migrate.ts';
import { pgliteOptions } from '../db/pglite-options.ts';
import { createScratchDatabase, type ScratchDatabase } from '../test/helpers/scratch-database.ts';
import { runCommandText } from '../src/commands/dispatch.ts';
import { BENCH_AS_OF, BENCH_CONTRACTS, BENCH_USER, commandLines, memberImportBody } from './startup/member.ts';
import { percentile, table } from './stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MEMORY_RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 2);
const COMMANDS = 100;
/** A child that has not answered by then is stopped and the benchmark fails. */
const CHILD_TIMEOUT_MS = 120_000;
/** Issue 10's targets. */
const TARGET_FIRST_REPLY_MS = 1_500;
const TARGET_RSS_PGLITE_MB = 300;
const TARGET_RSS_POSTGRES_MB = 150;

const log = (message: string) => process.stderr.write(`${message}\n`);

function startScript(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const start = manifest.scripts?.start;
  if (!start) throw new Error('package.json has no start script: set BENCH_ENTRY');
  return start;
}

const ENTRY = process.env.BENCH_ENTRY || startScript();
const BUNDLE_SOURCE =
  process.env.BENCH_BUNDLE === '0' ? null : process.env.BENCH_BUNDLE || (/\S+\.ts\b/.exec(ENTRY)?.[0] ?? null);

// ---------------------------------------------------------------------------------------------
// Processes

interface Status {
  rssMb: number;
  hwmMb: number;
}

function readStatus(pid: number): (Status & { name: string }) | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN) / 1024;
    return { rssMb: field('VmRSS'), hwmMb: field('VmHWM'), name: /Name:\s+(\S+)/.exec(text)?.[1] ?? '?' };
  } catch {
    return null;
  }
}

/** The process ids under `root` (its children, their children, …), from /proc/<pid>/stat. */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields after the last ")" are safe.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const [child, parent] of parentOf) {
      if (parent === pid) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/**
 * The process that runs the bot: `npm start` and the tsx CLI each put a Node process of their own
 * between the shell and the bot, so it is the node process under the shell that holds the most.
 */
function botProcess(shellPid: number): { pid: number; status: Status; command: string } {
  let best: { pid: number; status: Status; command: string } | null = null;
  for (const pid of [shellPid, ...descendants(shellPid)]) {
    const status = readStatus(pid);
    if (!status || (status.name !== 'node' && !status.name.startsWith('node'))) continue;
    if (best && best.status.rssMb >= status.rssMb) continue;
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((word) => (word.startsWith(`${ROOT}/`) ? relative(ROOT, word) : word))
      .join(' ');
    best = { pid, status, command };
  }
  if (!best) throw new Error(`no node process found under ${shellPid}`);
  return best;
}

/** The environment of a console bot: no platform settings, our data folder or database, a fixed day. */
function botEnv(database: { dataDir: string } | { url: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(SLACK_|DISCORD_|JSS_)/.test(name) || name === 'DATABASE_URL' || name === 'PORT') continue;
    env[name] = value;
  }
  env.PATH = [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter);
  env.JSS_AS_OF = BENCH_AS_OF;
  env.JSS_CONSOLE_USER = BENCH_USER;
  if ('url' in database) env.DATABASE_URL = database.url;
  else env.JSS_DATA_DIR = database.dataDir;
  return env;
}

interface Child {
  pid: number;
  /** Resolves with the time (ms since spawn) at which stdout first holds `text` (any output when null). */
  waitFor(text: string | null): Promise<number>;
  write(text: string): void;
  /** Ends stdin and waits for the process to exit; the exit code. */
  finish(): Promise<number | null>;
  stop(): void;
}

function spawnShell(command: string, env: NodeJS.ProcessEnv): Child {
  const started = performance.now();
  // Its own process group, so a stuck run is stopped with everything it spawned.
  const child = spawn(command, { cwd: ROOT, env, shell: true, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string | null; resolve: (ms: number) => void }[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const timer = setTimeout(() => stop(), CHILD_TIMEOUT_MS);
  function stop() {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const now = performance.now() - started;
    for (const waiter of waiters.splice(0)) {
      if (waiter.text === null || stdout.includes(waiter.text)) waiter.resolve(now);
      else waiters.push(waiter);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdin.on('error', () => {});
  return {
    pid: child.pid as number,
    waitFor(text) {
      if (text === null ? stdout.length > 0 : stdout.includes(text))
        return Promise.resolve(performance.now() - started);
      return new Promise((resolve, reject) => {
        waiters.push({ text, resolve });
        void exited.then((code) =>
          reject(
            new Error(
              `"${command}" exited (${code}) before answering.\nstdout: ${stdout.slice(-500)}\nstderr: ${stderr.slice(-1500)}`,
            ),
          ),
        );
      });
    },
    write(text) {
      child.stdin.write(text);
    },
    async finish() {
      child.stdin.end();
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    stop,
  };
}

/** Runs a command to its end; wall time in ms, and its stdout. */
function runToEnd(command: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.once('exit', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, stdout })
        : reject(new Error(`"${command}" failed (${code})`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Data

const work = mkdtempSync(join(tmpdir(), 'jss-bench-startup-'));
let runCount = 0;

async function prepare(options: OpenOptions): Promise<void> {
  const handle = await openDatabase(options);
  try {
    await migrateDatabase(handle);
    const services = { store: createStore(handle.db) };
    const reply = await runCommandText(
      services,
      consoleContext(BENCH_USER, BENCH_AS_OF),
      `import\n${memberImportBody()}`,
    );
    if (reply.kind === 'error') throw new Error(`could not import the benchmark member: ${JSON.stringify(reply)}`);
  } finally {
    await handle.close();
  }
}

/** A fresh copy of the prepared data folder, so every run starts from the same existing data. */
function dataCopy(template: string): string {
  const copy = join(work, `run-${++runCount}`);
  cpSync(template, copy, { recursive: true });
  return copy;
}

/**
 * Bundles the entry with esbuild into .bench-dist/ (git-ignored, removed after the run) at the same
 * depth as its source, so files found from import.meta.url (fonts under assets/) still resolve;
 * packages stay external, resolved from node_modules.
 */
const BUNDLE_DIR = join(ROOT, '.bench-dist');

async function bundle(source: string): Promise<string> {
  const outDir = join(BUNDLE_DIR, dirname(source));
  const outFile = join(outDir, 'main.mjs');
  await runToEnd(
    `esbuild ${JSON.stringify(source)} --bundle --platform=node --format=esm --packages=external --log-level=warning --outfile=${JSON.stringify(outFile)}`,
    {
      ...process.env,
      PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
    },
  );
  // db/migrate.ts finds its folder next to itself (import.meta.url): next to the bundle now.
  const migrations = join(outDir, 'migrations');
  if (!existsSync(migrations)) symlinkSync(MIGRATIONS_FOLDER, migrations);
  return `node ${JSON.stringify(relative(ROOT, outFile))}`;
}

// ---------------------------------------------------------------------------------------------
// Measures

interface Timing {
  median: number;
  min: number;
}

const timing = (values: number[]): Timing => ({ median: percentile(values, 50), min: Math.min(...values) });

async function bareNode(): Promise<{ wall: Timing; status: Status }> {
  const walls: number[] = [];
  for (let i = 0; i < RUNS; i++) walls.push((await runToEnd(`node -e ''`)).ms);
  const { stdout } = await runToEnd(
    `node -e "process.stdout.write(require('fs').readFileSync('/proc/self/status','utf8'))"`,
  );
  const field = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(stdout)?.[1]) / 1024;
  return { wall: timing(walls), status: { rssMb: field('VmRSS'), hwmMb: field('VmHWM') } };
}

interface OpenResult {
  wall: Timing;
  open: Timing;
  status: Status;
  wasmHeapMb: number;
  sharedMemoryMb: number;
}

async function barePgliteOpen(template: string, options: object): Promise<OpenResult> {
  const walls: number[] = [];
  const opens: number[] = [];
  type OpenReport = { rssMb: number; hwmMb: number; wasmHeapMb: number; sharedMemoryMb: number; openMs: number };
  let last: OpenReport | null = null;
  for (let i = 0; i < RUNS; i++) {
    const dir = dataCopy(template);
    const { ms, stdout } = await runToEnd(`node bench/startup/pglite-open.mjs ${JSON.stringify(dir)}`, {
      ...process.env,
      BENCH_PGLITE_OPTIONS: JSON.stringify(options),
    });
    const report = JSON.parse(stdout) as OpenReport;
    last = report;
    walls.push(ms);
    opens.push(report.openMs);
    rmSync(dir, { recursive: true, force: true });
  }
  if (!last) throw new Error('BENCH_RUNS must be at least 1');
  return {
    wall: timing(walls),
    open: timing(opens),
    status: { rssMb: last.rssMb, hwmMb: last.hwmMb },
    wasmHeapMb: last.wasmHeapMb,
    sharedMemoryMb: last.sharedMemoryMb,
  };
}

/** Spawn → first byte of the reply to `score`, on existing data; the bot then ends with its input. */
async function firstReply(entry: string, database: () => { dataDir: string } | { url: string }): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const db = database();
    const child = spawnShell(entry, botEnv(db));
    try {
      child.write('score\n');
      times.push(await child.waitFor(null));
      const code = await child.finish();
      if (code !== 0) throw new Error(`"${entry}" exited with ${code}`);
    } finally {
      child.stop();
      if ('dataDir' in db) rmSync(db.dataDir, { recursive: true, force: true });
    }
  }
  return timing(times);
}

interface MemoryResult {
  status: Status;
  commandsMs: number;
  command: string;
}

/** VmRSS / VmHWM of the bot's process after 100 commands, stdin still open; the highest of the runs. */
async function memoryAfterCommands(
  entry: string,
  database: () => { dataDir: string } | { url: string },
): Promise<MemoryResult> {
  let best: MemoryResult | null = null;
  for (let i = 0; i < MEMORY_RUNS; i++) {
    const db = database();
    const child = spawnShell(entry, botEnv(db));
    try {
      child.write('score\n');
      const ready = await child.waitFor(null);
      // An unknown command's reply repeats its name: once it is out, every command before it is done.
      const sentinel = `benchend${randomInt(1e9)}`;
      child.write(`${commandLines(COMMANDS).join('\n')}\n${sentinel}\n`);
      const done = await child.waitFor(`"${sentinel}"`);
      const bot = botProcess(child.pid);
      const result = { status: bot.status, commandsMs: done - ready, command: bot.command };
      if (!best || result.status.rssMb > best.status.rssMb) best = result;
      const code = await child.finish();
      if (code !== 0) throw new Error(`"${entry}" exited with ${code}`);
    } finally {
      child.stop();
      if ('dataDir' in db) rmSync(db.dataDir, { recursive: true, force: true });
    }
  }
  if (!best) throw new Error('BENCH_MEMORY_RUNS must be at least 1');
  return best;
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (value: number) => `${Math.round(value)} ms`;
const mb = (value: number) => `${Math.round(value)} MB`;
const ratio = (value: number, base: number) => `${(value / base).toFixed(1)}×`;
const verdict = (ok: boolean) => (ok ? 'meets' : 'misses');

function machine(): string {
  const model =
    /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? '?';
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return `${model}, ${cpus().length} cores, Node ${process.version}, load average ${load}`;
}

async function main(): Promise<void> {
  log(`bench:startup: entry "${ENTRY}", ${RUNS} runs, ${MEMORY_RUNS} memory runs, work folder ${work}`);
  const template = join(work, 'template');
  await prepare({ dataDir: template });
  writeFileSync(join(work, 'README'), 'jss-coach bench:startup scratch folder; deleted at the end of the run.\n');

  log('(a) bare node');
  const node = await bareNode();
  log('(b) bare PGlite open');
  const openDefaults = await barePgliteOpen(template, {});
  const openOurs = await barePgliteOpen(template, pgliteOptions(PGlite.defaultStartParams));
  log('(c) console first reply, PGlite');
  const pgliteFirst = await firstReply(ENTRY, () => ({ dataDir: dataCopy(template) }));
  let bundled: { entry: string; first: Timing; memory?: MemoryResult; postgresMemory?: MemoryResult } | null = null;
  if (BUNDLE_SOURCE) {
    log(`(c') the same, ${BUNDLE_SOURCE} bundled by esbuild`);
    const entry = await bundle(BUNDLE_SOURCE);
    bundled = { entry, first: await firstReply(entry, () => ({ dataDir: dataCopy(template) })) };
  }
  log('(d) memory after 100 commands, PGlite');
  const pgliteMemory = await memoryAfterCommands(ENTRY, () => ({ dataDir: dataCopy(template) }));

  if (bundled) bundled.memory = await memoryAfterCommands(bundled.entry, () => ({ dataDir: dataCopy(template) }));

  let postgres: { first: Timing; memory: MemoryResult } | null = null;
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (serverUrl !== '0') {
    log('(e) PostgreSQL: first reply and memory');
    let scratch: ScratchDatabase | null = null;
    try {
      scratch = await createScratchDatabase(serverUrl, 'jss_bench_startup');
      const url = scratch.url;
      await prepare({ url });
      postgres = {
        first: await firstReply(ENTRY, () => ({ url })),
        memory: await memoryAfterCommands(ENTRY, () => ({ url })),
      };
      if (bundled) bundled.postgresMemory = await memoryAfterCommands(bundled.entry, () => ({ url }));
    } catch (error) {
      log(`(e) skipped: ${(error as Error).message}`);
    } finally {
      await scratch?.drop();
    }
  }

  const lines: string[] = [];
  lines.push(
    `Machine: ${machine()}. Entry: \`${ENTRY}\`. ${RUNS} runs (median, min); memory: the highest of ${MEMORY_RUNS}. Data: one member with ${BENCH_CONTRACTS} contracts.`,
  );
  lines.push('');
  const timeRows: string[][] = [
    ["(a) `node -e ''`", ms(node.wall.median), ms(node.wall.min), '1.0×', '', ''],
    [
      '(b) bare PGlite open, PGlite defaults (spawn → exit)',
      ms(openDefaults.wall.median),
      ms(openDefaults.wall.min),
      ratio(openDefaults.wall.median, node.wall.median),
      '',
      '',
    ],
    [
      '(b) bare PGlite open, db/pglite-options.ts (spawn → exit)',
      ms(openOurs.wall.median),
      ms(openOurs.wall.min),
      ratio(openOurs.wall.median, node.wall.median),
      '1.0×',
      '',
    ],
    [
      '(c) console, PGlite: spawn → first reply',
      ms(pgliteFirst.median),
      ms(pgliteFirst.min),
      ratio(pgliteFirst.median, node.wall.median),
      ratio(pgliteFirst.median, openOurs.wall.median),
      `${verdict(pgliteFirst.median <= TARGET_FIRST_REPLY_MS)} ≤ ${TARGET_FIRST_REPLY_MS} ms`,
    ],
  ];
  if (bundled)
    timeRows.push([
      `(c') the same, \`${bundled.entry}\` (esbuild bundle)`,
      ms(bundled.first.median),
      ms(bundled.first.min),
      ratio(bundled.first.median, node.wall.median),
      ratio(bundled.first.median, openOurs.wall.median),
      '',
    ]);
  if (postgres)
    timeRows.push([
      '(e) console, PostgreSQL: spawn → first reply',
      ms(postgres.first.median),
      ms(postgres.first.min),
      ratio(postgres.first.median, node.wall.median),
      '',
      '',
    ]);
  lines.push(table(['start-up', 'median', 'min', '÷ node', '÷ PGlite open', 'target'], timeRows));
  lines.push('');
  const memoryRows: string[][] = [
    ['(a) bare node', mb(node.status.rssMb), mb(node.status.hwmMb), '1.0×', '', ''],
    [
      `(b) bare PGlite open, defaults (WASM heap ${mb(openDefaults.wasmHeapMb)}, shared memory ${mb(openDefaults.sharedMemoryMb)})`,
      mb(openDefaults.status.rssMb),
      mb(openDefaults.status.hwmMb),
      ratio(openDefaults.status.rssMb, node.status.rssMb),
      '',
      '',
    ],
    [
      `(b) bare PGlite open, ours (WASM heap ${mb(openOurs.wasmHeapMb)}, shared memory ${mb(openOurs.sharedMemoryMb)})`,
      mb(openOurs.status.rssMb),
      mb(openOurs.status.hwmMb),
      ratio(openOurs.status.rssMb, node.status.rssMb),
      '1.0×',
      '',
    ],
    [
      `(d) console, PGlite, after ${COMMANDS} commands (${ms(pgliteMemory.commandsMs)})`,
      mb(pgliteMemory.status.rssMb),
      mb(pgliteMemory.status.hwmMb),
      ratio(pgliteMemory.status.rssMb, node.status.rssMb),
      ratio(pgliteMemory.status.rssMb, openOurs.status.rssMb),
      `${verdict(pgliteMemory.status.rssMb <= TARGET_RSS_PGLITE_MB)} ≤ ${TARGET_RSS_PGLITE_MB} MB`,
    ],
  ];
  if (bundled?.memory)
    memoryRows.push([
      `(d') the same, esbuild bundle (${ms(bundled.memory.commandsMs)})`,
      mb(bundled.memory.status.rssMb),
      mb(bundled.memory.status.hwmMb),
      ratio(bundled.memory.status.rssMb, node.status.rssMb),
      ratio(bundled.memory.status.rssMb, openOurs.status.rssMb),
      '',
    ]);
  if (postgres)
    memoryRows.push([
      `(e) console, PostgreSQL, after ${COMMANDS} commands (${ms(postgres.memory.commandsMs)})`,
      mb(postgres.memory.status.rssMb),
      mb(postgres.memory.status.hwmMb),
      ratio(postgres.memory.status.rssMb, node.status.rssMb),
      '',
      `${verdict(postgres.memory.status.rssMb <= TARGET_RSS_POSTGRES_MB)} ≤ ${TARGET_RSS_POSTGRES_MB} MB`,
    ]);
  if (bundled?.postgresMemory)
    memoryRows.push([
      `(e') the same, esbuild bundle (${ms(bundled.postgresMemory.commandsMs)})`,
      mb(bundled.postgresMemory.status.rssMb),
      mb(bundled.postgresMemory.status.hwmMb),
      ratio(bundled.postgresMemory.status.rssMb, node.status.rssMb),
      '',
      '',
    ]);
  lines.push(table(['resident memory', 'VmRSS', 'VmHWM', '÷ node', '÷ PGlite open', 'target'], memoryRows));
  lines.push('');
  lines.push(
    `Measured process: \`${pgliteMemory.command}\`. Other processes on the machine make absolute figures noisy: compare rows of one run.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
}
