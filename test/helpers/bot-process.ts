// The bot as a supervisor runs it: a child process (npm start, or node on app/main.ts) with an
// environment of the test's choosing, its output collected, its exit awaited.

import { spawn, type ChildProcess } from 'node:child_process';

export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when `text` has appeared on stdout or stderr. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

/** The parent's environment without any platform or database setting, plus `extra`. */
export function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(DATABASE_URL|SLACK_|DISCORD_|PORT$|LOG_LEVEL$|METRICS$|JSS_|npm_)/.test(name)) delete env[name];
  }
  return { ...env, ...extra };
}

export function startBot(command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): BotProcess {
  const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'], ...(cwd && { cwd }) });
  let out = '';
  let err = '';
  const listeners: (() => void)[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForOutput(text, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (out.includes(text) || err.includes(text)) {
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no ${JSON.stringify(text)} within ${timeoutMs} ms; stdout: ${out.slice(-500)}; stderr: ${err.slice(-500)}`,
              ),
            ),
          timeoutMs,
        );
        listeners.push(check);
        check();
      });
    },
  };
}

/** Whether a process with this pid is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
