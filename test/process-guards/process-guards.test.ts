// installProcessGuards in child processes: what Node does without it, and with it for a
// rejection, an error of one connection, and any other uncaught exception.

import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isConnectionError } from '../../src/process-guards.ts';

const FIXTURE = 'test/process-guards/fixtures/child.ts';

function run(scenario: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', FIXTURE, scenario], { timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: unknown }).code as number | null) : 0;
      resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}

describe('installProcessGuards (in a child process)', () => {
  it('without it, an unhandled rejection ends the process (Node’s default: what the guard is for)', async () => {
    const { code, stdout, stderr } = await run('unguarded-rejection');
    expect(code).toBe(1);
    expect(stdout).not.toContain('still serving');
    expect(stderr).toContain('a follow-up failed');
  });

  it('an unhandled rejection is logged and the process carries on', async () => {
    const { code, stdout, stderr } = await run('rejection');
    expect(code).toBe(0);
    expect(stdout).toContain('still serving');
    expect(stderr).toMatch(/guard: unhandled promise rejection \(carrying on\): Error: a follow-up failed/);
  });

  it('an uncaught error of one connection (ECONNRESET) is logged and the process carries on', async () => {
    const { code, stdout, stderr } = await run('connection-exception');
    expect(code).toBe(0);
    expect(stdout).toContain('still serving');
    expect(stderr).toContain('guard: uncaught exception in one request (carrying on): Error: socket hang up');
  });

  it('any other uncaught exception is logged, shutdown runs, and the process exits with 1', async () => {
    const { code, stdout, stderr } = await run('exception');
    expect(code).toBe(1);
    expect(stdout).toBe('shutdown\n');
    expect(stderr).toContain('guard: uncaught exception (uncaughtException), shutting down: Error: state broken');
  });

  it('a shutdown that hangs is cut short after the grace period, still with exit code 1', async () => {
    const { code, stdout, stderr } = await run('hung-shutdown');
    expect(code).toBe(1);
    expect(stdout).not.toContain('still serving'); // the fixture says so 2 s after the failure
    expect(stderr).toContain('shutdown took too long');
  });
});

describe('isConnectionError', () => {
  it.each([
    [Object.assign(new Error('x'), { code: 'ECONNRESET' }), true],
    [Object.assign(new Error('x'), { code: 'EPIPE' }), true],
    [Object.assign(new Error('x'), { code: 'ENOENT' }), false],
    [new TypeError("Cannot read properties of null (reading 'ssl_check')"), false],
    [null, false],
    ['ECONNRESET', false],
  ])('%s → %s', (error, expected) => {
    expect(isConnectionError(error)).toBe(expected);
  });
});
