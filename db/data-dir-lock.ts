// An exclusive lock on a PGlite data folder, held for the life of the process that opened it.
// PGlite is one process's private PostgreSQL: two processes on one folder each believe their
// writes were kept, and one's are lost. Node has no flock, so the lock is a file created only when
// absent (link() of a complete temp file: atomic, and never seen half written), naming its holder.
// A lock whose holder is gone (killed, or its pid now belongs to another program) is taken over.

import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE_NAME = '.jss-coach.lock';

/** Who holds a lock, as written in its file. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** The process's start time in clock ticks since boot (/proc/PID/stat), to tell a reused pid; null where unknown. */
  processStart: string | null;
  /** When the lock was taken (ISO time). */
  since: string;
  /** The holder's command line, for the message. */
  command: string;
}

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';

  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
    readonly lockFile: string,
  ) {
    super(lockedMessage(dataDir, holder, lockFile));
  }
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly lockFile: string;
  /** Gives the folder up (idempotent); also done when the process exits. */
  release(): void;
}

/** Folders this process holds: a second open in the same process is refused too. */
const held = new Set<string>();

/** Takes the folder's lock (creating the folder), taking over a stale one; throws DataDirLockedError when a live process holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const lockFile = join(folder, LOCK_FILE_NAME);
  const mine = JSON.stringify(describeProcess(process.pid));
  if (held.has(lockFile)) throw new DataDirLockedError(folder, JSON.parse(mine) as LockHolder, lockFile);
  // A few rounds: each lost race re-reads who holds the lock now.
  for (let round = 0; round < 5; round++) {
    if (createExclusively(lockFile, mine)) return holding(folder, lockFile, mine);
    const seen = readLock(lockFile);
    if (seen === null) continue; // released meanwhile
    const holder = parseHolder(seen);
    if (holder && isAlive(holder)) throw new DataDirLockedError(folder, holder, lockFile);
    if (!holder && !isOld(lockFile)) throw new DataDirLockedError(folder, null, lockFile);
    removeIfStill(lockFile, seen);
  }
  throw new DataDirLockedError(folder, parseHolder(readLock(lockFile) ?? ''), lockFile);
}

function holding(dataDir: string, lockFile: string, mine: string): DataDirLock {
  held.add(lockFile);
  const release = () => {
    if (!held.delete(lockFile)) return;
    process.off('exit', release);
    // Only our own lock: never a lock someone took over from us.
    if (readLock(lockFile) === mine) unlinkQuietly(lockFile);
  };
  process.on('exit', release);
  return { dataDir, lockFile, release };
}

/** Creates `path` with `content` only when absent: written aside, then linked into place. */
function createExclusively(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, content, { flag: 'wx' });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(temp);
  }
}

/**
 * Removes a stale lock, but only the one judged stale: it is moved aside first (atomic, so one
 * contender wins), and put back if it turns out to be a fresh lock taken meanwhile.
 */
function removeIfStill(lockFile: string, staleContent: string): void {
  const aside = `${lockFile}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another contender moved it
    throw error;
  }
  if (readLock(aside) !== staleContent) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // A third process locked it in between: it holds the lock now.
    }
  }
  unlinkQuietly(aside);
}

function readLock(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(content: string): LockHolder | null {
  try {
    const holder = JSON.parse(content) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.hostname === 'string' ? (holder as LockHolder) : null;
  } catch {
    return null;
  }
}

/** A lock file nobody could parse is left alone for a while: it might be from a newer version. */
function isOld(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > 60_000;
  } catch {
    return true;
  }
}

/** Alive: the same pid runs, and (where /proc tells) it is the same process, not a reused pid. */
function isAlive(holder: LockHolder): boolean {
  // Another machine's process (a shared folder) cannot be checked: assume it runs.
  if (holder.hostname !== hostname()) return true;
  // Our own pid but not a folder we hold: left by an earlier process that had our pid (a container's pid 1).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it runs, as another user.
  }
  const start = processStart(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

export function describeProcess(pid: number): LockHolder {
  return {
    pid,
    hostname: hostname(),
    processStart: processStart(pid),
    since: new Date().toISOString(),
    command: commandLine(pid),
  };
}

/** Field 22 of /proc/PID/stat (after the parenthesised name, which may hold spaces); null without /proc. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 300);
  } catch {
    return pid === process.pid ? process.argv.join(' ').slice(0, 300) : '';
  }
}

function lockedMessage(dataDir: string, holder: LockHolder | null, lockFile: string): string {
  if (!holder)
    return `the data folder ${dataDir} is locked (${lockFile} is unreadable). If no jss-coach runs on it, delete that file.`;
  const who = `process ${holder.pid}${holder.command ? ` (${holder.command})` : ''}${holder.hostname !== hostname() ? ` on ${holder.hostname}` : ''}, since ${holder.since}`;
  // A process on another machine cannot be checked here: only a person can say it is gone.
  const elsewhere = holder.hostname !== hostname() ? ` If it no longer runs there, delete ${lockFile}.` : '';
  return `the data folder ${dataDir} is in use by ${who}. Two processes on one embedded database lose each other's writes: stop that one, or give this one its own JSS_DATA_DIR (or share a PostgreSQL server through DATABASE_URL).${elsewhere}`;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
