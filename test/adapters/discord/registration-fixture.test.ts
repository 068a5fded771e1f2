// The /jss registration as Discord receives it must not change by accident: the fixture was
// generated from the hand-written JSON the adapter sent before it used discord.js's builders
// (test/fixtures/discord/jss-command.json), so a builder that adds, drops or renames a field
// fails here. Regenerate the fixture only with a deliberate change to the command's definition
// (a command or argument added, user-install contexts), and read its diff (the first regeneration
// also reorders keys: the builders write them in another order, which Discord ignores, as does this test):
//   npx tsx -e "import('./adapters/discord/commands/definition.ts').then((m) => console.log(JSON.stringify(m.jssCommandDefinition(), null, 2)))" > test/fixtures/discord/jss-command.json

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jssCommandDefinition } from '../../../adapters/discord/commands/definition.ts';

const FIXTURE = new URL('../../fixtures/discord/jss-command.json', import.meta.url);

describe('the /jss registration body', () => {
  it('is, as JSON sent to Discord, exactly the fixture', () => {
    const sent = JSON.parse(JSON.stringify(jssCommandDefinition())) as unknown;
    expect(sent).toStrictEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });

  it("is installable to servers and to members (user install), and usable in servers, the bot's DMs and group DMs", () => {
    const sent = JSON.parse(JSON.stringify(jssCommandDefinition())) as {
      integration_types?: number[];
      contexts?: number[];
    };
    // integration_types: 0 guild install, 1 user install; contexts: 0 guild, 1 bot DM, 2 private channel.
    expect(sent.integration_types).toEqual([0, 1]);
    expect(sent.contexts).toEqual([0, 1, 2]);
  });
});
