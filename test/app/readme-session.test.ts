// The README's example console session is what the console really prints: each `jss>` line is
// run, in order, on a fresh embedded database as the member of the banner, and its reply compared.

import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-bot.ts';
import { databaseKinds } from '../helpers/databases.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const MARKER = '<!-- example session:';
const AS_OF = '2026-11-22';

interface Step {
  line: string;
  expected: string;
}

function exampleSession(): { user: string; banner: string; steps: Step[] } {
  const start = README.indexOf(MARKER);
  if (start < 0) throw new Error('README.md has no example session marker');
  const fenceOpen = README.indexOf('```\n', start) + 4;
  const block = README.slice(fenceOpen, README.indexOf('\n```', fenceOpen));
  const [banner = '', ...rest] = block.split('\n');
  const user = /as ([^.]+)\./.exec(banner)?.[1] ?? '';
  const steps: Step[] = [];
  for (const line of rest) {
    if (line.startsWith('jss> ')) steps.push({ line: line.slice(5), expected: '' });
    else if (steps.length > 0) (steps[steps.length - 1] as Step).expected += `${line}\n`;
  }
  return { user, banner, steps };
}

async function reply(
  services: Parameters<typeof runConsole>[0]['services'],
  user: string,
  line: string,
): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  input.end(`${line}\n`);
  await runConsole({ services, input, output, user, today: () => AS_OF });
  return printed;
}

describe("the README's example session", () => {
  it('prints exactly what the README shows, banner included', async () => {
    const session = exampleSession();
    expect(session.steps.length).toBeGreaterThan(0);
    const pglite = databaseKinds[0];
    if (!pglite) throw new Error('no database kinds');
    const { store, close } = await pglite.open();
    try {
      // The banner is what an interactive console prints first.
      const terminal = Object.assign(new PassThrough(), { isTTY: true });
      const screen = new PassThrough();
      let shown = '';
      screen.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
      terminal.end();
      await runConsole({
        services: { store },
        input: terminal,
        output: screen,
        user: session.user,
        today: () => AS_OF,
      });
      expect(shown.split('\n')[0]).toBe(session.banner);
      for (const step of session.steps)
        expect((await reply({ store }, session.user, step.line)).trim(), step.line).toBe(step.expected.trim());
    } finally {
      await close();
    }
  });
});
