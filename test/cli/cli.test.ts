import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.ts';
import { forecastContracts, planContracts, scoreContracts, type Contract } from '../../src/scoring/index.ts';

const AS_OF = '2026-11-22';
const EXAMPLE = 'examples/contracts.json';
const exampleContracts = (JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { contracts: Contract[] }).contracts;

async function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readInput: async (file) => {
      if (file in files) return files[file] as string;
      return readFileSync(file, 'utf8');
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    today: AS_OF,
    version: '9.9.9',
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('jss-coach CLI', () => {
  it('score --json prints the core report and the documented keys', async () => {
    const { code, stdout, stderr } = await run(['score', EXAMPLE, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    const expected = scoreContracts(exampleContracts, AS_OF);
    expect(json.score).toBe(expected.score);
    expect(json.window).toBe(expected.window);
    expect(json.band).toBe(expected.band);
    expect(Object.keys(json.windows)).toEqual(['3m', '6m', '12m', '24m', 'trending']);
    for (const key of ['3m', '6m', '12m', '24m', 'trending']) expect(json.windows[key]).toHaveProperty('eligible');
    expect(json.contracts.map((c: { id: string }) => c.id)).toEqual(exampleContracts.map((c) => c.id));
    expect(json.contracts[0]).toEqual(
      expect.objectContaining({ id: 'logo', outcome: 'success', weight: 1.25, reason: expect.any(String) }),
    );
    expect(json.longTerm).toEqual(
      expect.objectContaining({ percent: expected.longTerm.percent, clients: 5, byClient: expect.any(Array) }),
    );
    expect(Array.isArray(json.tips)).toBe(true);
  });

  it('forecast --json and plan --json match the core', async () => {
    const forecast = JSON.parse((await run(['forecast', EXAMPLE, '--json'])).stdout);
    expect(forecast.changes).toEqual(forecastContracts(exampleContracts, AS_OF).changes);
    expect(forecast.changes.length).toBeGreaterThan(0);
    for (const change of forecast.changes)
      expect(Object.keys(change)).toEqual(expect.arrayContaining(['date', 'score', 'window', 'reason']));

    const plan = JSON.parse((await run(['plan', EXAMPLE, '--json', '--target', '80', '--earnings', '500'])).stdout);
    const expected = planContracts(exampleContracts, AS_OF, { target: 80, earnings: 500 });
    expect(plan).toEqual(
      expect.objectContaining({ target: 80, earnings: 500, contractsNeeded: expected.contractsNeeded }),
    );
    expect(plan).toHaveProperty('reachedByWaitingOn');
  });

  it('--as-of, --model and --param change what is scored', async () => {
    const later = JSON.parse((await run(['score', EXAMPLE, '--json', '--as-of', '2027-02-01'])).stdout);
    expect(later.asOf).toBe('2027-02-01');
    expect(later.score).toBe(scoreContracts(exampleContracts, '2027-02-01').score);
    const before = await run(['score', EXAMPLE, '--json', '--as-of', '2026-06-01']);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain('expected a date on or before the as-of date 2026-06-01');
    const model2015 = JSON.parse((await run(['score', EXAMPLE, '--json', '--model', 'upwork-2015'])).stdout);
    expect(model2015.model).toBe('upwork-2015');
    expect(model2015.score).toBe(scoreContracts(exampleContracts, AS_OF, { model: 'upwork-2015' }).score);
    const strict = JSON.parse((await run(['score', EXAMPLE, '--json', '--param', 'starsSuccessMin=4'])).stdout);
    expect(strict.contracts.find((c: { id: string }) => c.id === 'api').outcome).toBe('success');
  });

  it('without --json explains the score in words', async () => {
    const { code, stdout } = await run(['score', EXAMPLE]);
    expect(code).toBe(0);
    const score = scoreContracts(exampleContracts, AS_OF);
    expect(stdout).toContain(`Job Success Score (estimate): ${score.score}%`);
    expect(stdout).toContain('How each contract counts');
    expect(stdout).toContain('Long-term client score');
    const plan = await run(['plan', EXAMPLE]);
    expect(plan.stdout).toContain('Plan to reach 90%');
  });

  it.each([
    [['score'], 'score needs a contract file'],
    [['frobnicate', 'x.json'], 'unknown command "frobnicate"'],
    [['score', EXAMPLE, '--as-of', '2026-13-01'], '--as-of: got "2026-13-01", expected a real date as YYYY-MM-DD'],
    [
      ['score', EXAMPLE, '--model', 'upwork-1999'],
      '--model: got "upwork-1999", expected one of upwork-2025, upwork-2015',
    ],
    [['plan', EXAMPLE, '--target', '101'], '--target: got "101", expected a whole percentage from 1 to 100'],
    [['plan', EXAMPLE, '--earnings', '0x10'], '--earnings: got "0x10"'],
    [['score', EXAMPLE, '--target', '80'], '--target goes with the plan command only'],
    [['score', EXAMPLE, '--bogus'], "Unknown option '--bogus'"],
    [['score', 'missing.json'], 'cannot read "missing.json": no such file'],
  ])('usage errors exit 2 with nothing on stdout: %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('bad contracts exit 2, name the contract and field, and print nothing on stdout', async () => {
    const files = {
      'bad.json': JSON.stringify([
        { id: 'c1', client: 'A', type: 'hourly', start: '2026-01-05', end: '2025-12-01', stars: 7 },
      ]),
    };
    const { code, stdout, stderr } = await run(['score', 'bad.json'], files);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('contract 1 (id "c1"), field stars: got 7, expected stars from 1 to 5');
    expect(stderr).toContain('Nothing was scored.');
  });

  it('scores an Upwork transaction history CSV (recognised by its header) and says on stderr what it read', async () => {
    const { code, stdout, stderr } = await run(['score', 'test/fixtures/upwork/transactions-2023-2024.csv', '--json']);
    expect(code).toBe(0);
    expect(stderr).toContain('jss-coach: read 3 contracts from the Upwork transaction history');
    expect(JSON.parse(stdout).contracts.map((contract: { id: string }) => contract.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it("scores the earnings report and this project's own CSV", async () => {
    expect((await run(['score', 'test/fixtures/upwork/earnings-by-contract.csv'])).code).toBe(0);
    const own =
      'id,client,type,start,end,earnings,stars\nc1,Acme Ltd,hourly,2026-01-10,2026-04-30,1200,5\nc2,Globex,fixed,2026-02-01,2026-03-01,300,5\n';
    const { code, stdout } = await run(['score', 'own.csv', '--json'], { 'own.csv': own });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).contracts).toHaveLength(2);
  });

  it('an Upwork file with a row it cannot map exits 2 naming the row and column', async () => {
    const { code, stdout, stderr } = await run(['score', 'test/fixtures/upwork/unmappable.csv']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('row 4, column "Description 1"');
  });

  it('help and version', async () => {
    expect((await run([])).stdout).toContain('Usage:');
    expect((await run(['help', 'plan'])).stdout).toContain('--target PERCENT');
    expect((await run(['score', '--help'])).stdout).toContain('jss-coach score FILE');
    expect((await run(['--version'])).stdout).toBe('9.9.9\n');
  });
});

describe('the installed command', () => {
  const exec = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'jss-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs from bin/ with exit code 0 and JSON on stdout', async () => {
    const { stdout } = await exec('node', ['bin/jss-coach.js', 'score', EXAMPLE, '--as-of', AS_OF, '--json']);
    expect(JSON.parse(stdout).score).toBe(scoreContracts(exampleContracts, AS_OF).score);
  });

  it('exits 2 on bad input with the message on stderr only', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, 'not json');
    const failure = await exec('node', ['bin/jss-coach.js', 'score', file]).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).not.toBeNull();
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toContain('the file is not valid JSON');
  });
});
