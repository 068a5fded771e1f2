import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envExample, readmeTable } from '../../app/settings/docs.ts';
import { VARIABLES } from '../../app/settings/variables.ts';

const root = new URL('../../', import.meta.url);

describe('the settings docs', () => {
  it('.env.example is what npm run docs:settings makes from the variables', () => {
    expect(readFileSync(new URL('.env.example', root), 'utf8')).toBe(envExample());
  });

  it("the README's settings table is the current one", () => {
    expect(readFileSync(new URL('README.md', root), 'utf8')).toContain(readmeTable());
  });

  it('every variable the code reads from the environment is in the list', () => {
    const listed = new Set(VARIABLES.map((variable) => variable.name));
    // The settings module is the one place that reads them: any other read is a setting the docs would miss.
    for (const file of ['app/main.ts', 'app/settings/read.ts']) {
      const text = readFileSync(new URL(file, root), 'utf8');
      for (const [, name] of text.matchAll(/env\.([A-Z][A-Z_]+)/g))
        expect(listed.has(name as string), `${file}: ${name}`).toBe(true);
    }
    for (const variable of VARIABLES) expect(envExample()).toContain(`\n${variable.name}=`);
  });
});
