import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandsDoc } from '../../scripts/commands-doc.ts';

describe('docs/commands.md', () => {
  it('is what the registry generates (run npm run docs:commands after changing a command)', () => {
    expect(readFileSync('docs/commands.md', 'utf8')).toBe(commandsDoc());
  });
});
