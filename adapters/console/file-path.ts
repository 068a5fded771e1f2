// Where `import file:PATH` looks on the console: as a shell would, a path relative to the current
// directory, and `~` (alone or followed by a slash) for the home folder. `~user` is not expanded.

import { isAbsolute, join, resolve } from 'node:path';

/** The absolute path of a file named as the member typed it. */
export function consoleFilePath(typed: string, cwd: string, home: string): string {
  if (typed === '~') return home;
  if (typed.startsWith('~/') || typed.startsWith('~\\')) return join(home, typed.slice(2));
  return isAbsolute(typed) ? typed : resolve(cwd, typed);
}

/** Whether the path was given with a `~` (the reply then names the folder it became). */
export function startsAtHome(typed: string): boolean {
  return typed === '~' || typed.startsWith('~/') || typed.startsWith('~\\');
}
