// npm run profile:summary -- <file.cpuprofile> [--from=SECONDS] [--top=N] [--match=TEXT,...]
// Reads a V8 .cpuprofile (node --cpu-prof; for the bot under a platform bench:
// BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof") and prints, without a GUI: busy time
// by second (so start-up and warm-up can be cut off with --from), self time by file or package and
// by function, and with --match the inclusive time of stacks that pass through each text.
// Sampled time is wall time on the thread: on a loaded machine a syscall or a busy core inflates
// it, so compare shares between profiles taken in the same machine state, and CPU from /proc.

import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const file = args.find((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('usage: npm run profile:summary -- <file.cpuprofile> [--from=SECONDS] [--top=N] [--match=TEXT,...]');
  process.exit(2);
}
const fromUs = Number(option('from') ?? 0) * 1e6;
const top = Number(option('top') ?? 30);
const matches = (option('match') ?? '').split(',').filter((text) => text !== '');

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

/** A file as a short name: the package (or with `whole`, its file) for node_modules, else the path in the repository. */
function place(url: string, functionName: string, whole = false): string {
  if (url === '') return `(${functionName})`;
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.split('node_modules/').at(-1) as string;
  if (inModules !== path && !whole)
    return inModules
      .split('/')
      .slice(0, inModules.startsWith('@') ? 2 : 1)
      .join('/');
  return inModules.replace(`${process.cwd()}/`, '');
}

const add = <K>(map: Map<K, number>, key: K, value: number) => map.set(key, (map.get(key) ?? 0) + value);
const byFile = new Map<string, number>();
const byFunction = new Map<string, number>();
const bySecond = new Map<number, number>();
const matched = new Map<string, number>(matches.map((text) => [text, 0]));
let elapsed = 0;
let busy = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0;
  elapsed += delta;
  const node = nodes.get(profile.samples[i] as number) as ProfileNode;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') continue;
  add(bySecond, Math.floor(elapsed / 1e6), delta);
  if (elapsed < fromUs) continue;
  busy += delta;
  add(byFile, place(url, functionName), delta);
  add(
    byFunction,
    `${functionName || '(anonymous)'} ${url === '' ? '' : `${place(url, functionName, true)}:${lineNumber + 1}`}`,
    delta,
  );
  if (matches.length === 0) continue;
  const frames: string[] = [];
  for (let id: number | undefined = node.id; id !== undefined; id = parents.get(id)) {
    const frame = (nodes.get(id) as ProfileNode).callFrame;
    frames.push(`${frame.functionName} ${frame.url}`);
  }
  for (const text of matches) if (frames.some((frame) => frame.includes(text))) add(matched, text, delta);
}

const ms = (us: number) => (us / 1000).toFixed(1).padStart(9);
const share = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
console.log('busy ms by second (all samples):');
console.log([...bySecond].map(([second, us]) => `${second}s ${(us / 1000).toFixed(0)}`).join(', '));
console.log(`\nbusy from ${fromUs / 1e6} s: ${(busy / 1000).toFixed(0)} ms`);
for (const [title, map] of [
  ['self time by file or package', byFile],
  ['self time by function', byFunction],
  ['inclusive time of stacks through', matched],
] as const) {
  if (map.size === 0) continue;
  console.log(`\n${title}:`);
  const rows = title.startsWith('inclusive') ? [...map] : [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, us] of rows) console.log(`${ms(us)} ms ${share(us)}  ${key}`);
}
