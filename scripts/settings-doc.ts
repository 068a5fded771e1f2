// npm run docs:settings: writes .env.example and the README's settings table from
// app/settings/variables.ts.

import { readFileSync, writeFileSync } from 'node:fs';
import { envExample, withReadmeTable } from '../app/settings/docs.ts';

const root = new URL('../', import.meta.url);
writeFileSync(new URL('.env.example', root), envExample());
const readme = new URL('README.md', root);
writeFileSync(readme, withReadmeTable(readFileSync(readme, 'utf8')));
console.log('wrote .env.example and the settings table of README.md');
