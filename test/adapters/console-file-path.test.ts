import { describe, expect, it } from 'vitest';
import { consoleFilePath } from '../../adapters/console/file-path.ts';

describe('consoleFilePath: import file:PATH as a shell reads it', () => {
  it.each([
    ['contracts.csv', '/work/here/contracts.csv'],
    ['./data/c.csv', '/work/here/data/c.csv'],
    ['../c.csv', '/work/c.csv'],
    ['/tmp/c.csv', '/tmp/c.csv'],
    ['~', '/home/ann'],
    ['~/Downloads/c.csv', '/home/ann/Downloads/c.csv'],
    ['~bob/c.csv', '/work/here/~bob/c.csv'],
    ['a~/c.csv', '/work/here/a~/c.csv'],
  ])('%s → %s', (typed, expected) => {
    expect(consoleFilePath(typed, '/work/here', '/home/ann')).toBe(expected);
  });
});
