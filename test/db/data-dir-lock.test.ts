// Issue 10, defect 1: two processes on one embedded database lost acknowledged writes. The data
// folder is locked for the life of the process that opened it; a second is refused with a message
// naming the folder and the holder; a lock left by a dead process is taken over.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect.ts';
import {
  DataDirLockedError,
  LOCK_FILE_NAME,
  describeProcess,
  lockDataDir,
  type LockHolder,
} from '../../db/data-dir-lock.ts';
import { createStore } from '../../db/drizzle-store.ts';

const CHILD = fileURLToPath(new URL('../helpers/data-dir-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const parent = mkdtempSync(join(tmpdir(), 'jss-lock-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
let folders = 0;
const freshFolder = () => join(parent, `data-${++folders}`);

interface Child {
  process: ChildProcess;
  /** Resolves with the first stdout line that starts with `prefix`. */
  line(prefix: string): Promise<string>;
  exit: Promise<{ code: number | null; stderr: string; stdout: string }>;
}

function child(...args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const waiter of [...waiters]) {
      const found = stdout.split('\n').find((line) => line.startsWith(waiter.prefix));
      if (found !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(found);
      }
    }
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) =>
    proc.on('close', (code) => resolve({ code, stderr, stdout })),
  );
  return {
    process: proc,
    line: (prefix) =>
      new Promise((resolve, reject) => {
        waiters.push({ prefix, resolve });
        void exit.then(({ stderr: err }) => reject(new Error(`the child ended before "${prefix}": ${err}`)));
      }),
    exit,
  };
}

describe('the data folder lock', () => {
  it('refuses a second process, naming the folder and the process that holds it', async () => {
    const dataDir = freshFolder();
    const lock = lockDataDir(dataDir);
    try {
      const { code, stderr } = await child('lock', dataDir).exit;
      expect(code).toBe(2);
      expect(stderr).toContain(`the data folder ${dataDir} is in use by process ${process.pid}`);
      expect(stderr).toContain(describeProcess(process.pid).command.slice(0, 40));
    } finally {
      lock.release();
    }
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a second open in the same process', () => {
    const dataDir = freshFolder();
    const lock = lockDataDir(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    } finally {
      lock.release();
    }
    lockDataDir(dataDir).release();
  });

  it('takes over a lock left by a killed process', async () => {
    const dataDir = freshFolder();
    const holder = child('lock', dataDir);
    await holder.line('locked');
    holder.process.kill('SIGKILL');
    await holder.exit;
    const lockFile = join(dataDir, LOCK_FILE_NAME);
    expect((JSON.parse(readFileSync(lockFile, 'utf8')) as LockHolder).pid).toBe(holder.process.pid);
    const lock = lockDataDir(dataDir);
    expect((JSON.parse(readFileSync(lockFile, 'utf8')) as LockHolder).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another program (pid reused), not one whose holder runs', async () => {
    const dataDir = freshFolder();
    const other = spawn('sleep', ['30']);
    try {
      const pid = other.pid as number;
      const lockFile = join(dataDir, LOCK_FILE_NAME);
      const real = describeProcess(pid);
      lockDataDir(dataDir).release(); // creates the folder
      // The holder as it would be recorded by the live process itself: refused.
      writeFileSync(lockFile, JSON.stringify(real));
      expect(() => lockDataDir(dataDir)).toThrow(`in use by process ${pid}`);
      // Same pid, another start time: the recorded holder is gone, its pid reused.
      writeFileSync(lockFile, JSON.stringify({ ...real, processStart: '1' }));
      const lock = lockDataDir(dataDir);
      expect((JSON.parse(readFileSync(lockFile, 'utf8')) as LockHolder).pid).toBe(process.pid);
      lock.release();
    } finally {
      other.kill();
    }
  });

  it('refuses a holder on another machine (it cannot be checked), saying which file to delete once it is gone', () => {
    const dataDir = freshFolder();
    lockDataDir(dataDir).release();
    const lockFile = join(dataDir, LOCK_FILE_NAME);
    writeFileSync(lockFile, JSON.stringify({ ...describeProcess(process.pid), pid: 999_999, hostname: 'elsewhere' }));
    expect(() => lockDataDir(dataDir)).toThrow(`in use by process 999999`);
    expect(() => lockDataDir(dataDir)).toThrow(`on elsewhere`);
    expect(() => lockDataDir(dataDir)).toThrow(`If it no longer runs there, delete ${lockFile}.`);
  });

  it('two bots on one folder: the second is refused at start and no acknowledged contract is lost', async () => {
    const dataDir = freshFolder();
    const first = child('add', dataDir, 'ann', '15');
    await first.line('opened');
    const second = child('add', dataDir, 'ben', '15');
    // Today both open; let both write, then count what each was told was added.
    const secondOpened = second.line('opened').then(
      () => true,
      () => false,
    );
    const refused = await Promise.race([second.exit.then(() => true), secondOpened.then((opened) => !opened)]);
    first.process.stdin?.end('go\n');
    if (!refused) second.process.stdin?.end('go\n');
    const [one, two] = await Promise.all([first.exit, second.exit]);
    const acknowledged = [one.stdout, two.stdout].map((out) => Number(/added (\d+)/.exec(out)?.[1] ?? 0));

    const handle = await openDatabase({ dataDir });
    try {
      const store = createStore(handle.db);
      const community = await store.ensureCommunity({ platform: 'console', externalId: 'local' });
      const kept = await Promise.all(
        ['ann', 'ben'].map(async (user) => {
          const member = await store.findMember(community.id, user);
          return member ? (await store.listContracts(member.id)).length : 0;
        }),
      );
      expect(kept).toEqual(acknowledged);
    } finally {
      await handle.close();
    }
    expect(two.code).toBe(2);
    expect(two.stderr).toContain(`the data folder ${dataDir} is in use by process ${first.process.pid}`);
    expect(acknowledged).toEqual([15, 0]);
  }, 60_000);
});
