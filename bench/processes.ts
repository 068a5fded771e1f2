// The processes a platform bench measures: the bot as `npm start` builds it (app/main.ts under
// tsx, settings from the environment), and a bare app that only acknowledges, each a child of the
// bench, so the load (in the bench's process) never shares an event loop with what it measures.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Child {
  port: number;
  stop(): Promise<void>;
  /** The last of what it printed (for a failure report). */
  output(): string;
  /** Log lines at warn or error (pino levels 40, 50, 60) seen so far: a bench that hides failures measures nothing. */
  problems(): string[];
  /** CPU the process has used so far, ms (user + system, every thread: /proc, Linux only; NaN elsewhere). */
  cpuMs(): number;
}

/** Clock ticks a second in /proc/<pid>/stat: 100 on every Linux Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function cpuMsOf(pid: number | undefined): number {
  try {
    // After the command name (in parentheses, which may hold spaces): fields 14 and 15 are utime and stime.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Starts `node --import tsx <entry>` with `env` (over a copy of ours without platform settings); resolves once it names its port. */
export function startChild(
  entry: string,
  env: NodeJS.ProcessEnv,
  portPattern: RegExp,
  nodeArgs: string[] = [],
): Promise<Child> {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(DATABASE_URL|SLACK_|DISCORD_|PORT$|LOG_LEVEL$|METRICS$|JSS_)/.test(name)) clean[name] = value;
  }
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  let partial = '';
  const problems: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} named no port within 60 s: ${tail}`)), 60_000);
    let named = false;
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-4000);
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (/"level":(40|50|60)/.test(line)) problems.push(line.slice(0, 600));
      if (named) return;
      const port = portPattern.exec(tail)?.[1];
      if (port) {
        named = true;
        clearTimeout(timer);
        resolve({
          port: Number(port),
          output: () => tail,
          problems: () => problems,
          cpuMs: () => cpuMsOf(child.pid),
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${entry} exited (${code}) before naming its port: ${tail}`)));
  });
}

/** BENCH_BOT_NODE_ARGS: Node options for the bot alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
export function botNodeArgs(): string[] {
  return (process.env.BENCH_BOT_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
}
