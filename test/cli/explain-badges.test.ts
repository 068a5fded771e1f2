// `jss-coach explain` and `jss-coach badges`: observations come from the contract file.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run.ts';
import { explainGap, topRatedStatus, type Contract } from '../../src/scoring/index.ts';

const AS_OF = '2026-11-22';
const contracts = (JSON.parse(readFileSync('examples/contracts.json', 'utf8')) as { contracts: Contract[] }).contracts;
const observations = [
  { date: '2026-10-01', score: 15 },
  { date: '2026-11-20', score: 35 },
];
const FILE = JSON.stringify({ contracts, observations });

async function run(argv: string[], text = FILE) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readInput: async () => text,
    stdout: (chunk) => (stdout += chunk),
    stderr: (chunk) => (stderr += chunk),
    today: AS_OF,
    version: '9.9.9',
  };
  return { code: await runCli(argv, io), stdout, stderr };
}

describe('jss-coach explain', () => {
  it('--json prints the documented shape, from the core', async () => {
    const { code, stdout, stderr } = await run(['explain', 'f.json', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    const core = explainGap(contracts, observations);
    expect(json.observations).toEqual([
      { date: '2026-10-01', reported: 15, estimated: 45 },
      { date: '2026-11-20', reported: 35, estimated: 58 },
    ]);
    expect(json.fits).toBe(false);
    expect(json.exact).toBe(true);
    expect(json.explanations).toEqual(
      core.explanations.map(({ changes, scores, distance, text, commands }) => ({
        changes,
        scores,
        distance,
        text,
        commands,
      })),
    );
    expect(json.explanations[0].changes).toEqual([{ id: 'api', from: 'neutral', to: 'negative' }]);
    expect(json.explanations[0].distance).toBe(0);
  });

  it('prints the explanation in plain words with the chat command', async () => {
    const { code, stdout } = await run(['explain', 'f.json']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Upwork's 15% on 2026-10-01 and 35% on 2026-11-20 fit one hidden fact: api (Blue Fin, 4.2★) counted as negative",
    );
    expect(stdout).toContain('edit api counted:negative');
  });

  it('exits 2 without observations, or with a bad one, naming the field', async () => {
    const none = await run(['explain', 'f.json'], JSON.stringify({ contracts }));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('explain needs the scores Upwork showed you');
    const bad = await run(
      ['explain', 'f.json'],
      JSON.stringify({ contracts, observations: [{ date: '2026-12-01', score: 80 }] }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(
      'observation 1 (2026-12-01), field date: got 2026-12-01, expected a date on or before the as-of date 2026-11-22',
    );
  });
});

describe('jss-coach badges', () => {
  it('--json prints {"topRated": {weeks, weeksAtLeast90, earnings12m, eligibleOn, …}}', async () => {
    const { code, stdout } = await run(['badges', 'f.json', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.topRated).toEqual(JSON.parse(JSON.stringify(topRatedStatus(contracts, observations, AS_OF))));
    expect(json.topRated.weeks).toHaveLength(16);
    expect(json.topRated.weeks[15]).toEqual({ date: AS_OF, score: 35, source: 'recorded' });
    expect(json.topRated.earnings12m).toBe(12780);
    expect(json.topRated.eligibleOn).toBeNull();
  });

  it('says what the bot cannot see', async () => {
    const { stdout } = await run(['badges', 'f.json']);
    expect(stdout).toContain('Weeks at 90% or more: 0 of 16');
    expect(stdout).toContain('Upwork also checks what the bot cannot see');
    expect(stdout).toContain('Top Rated Plus: only its earnings part is checked here');
  });
});
