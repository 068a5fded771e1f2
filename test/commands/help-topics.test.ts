import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/ports/store.ts';
import { HELP_TOPICS, IMPORT_FILE_HOW } from '../../src/commands/help-topics.ts';
import { findCommand } from '../../src/commands/registry.ts';
import type { CommandRun } from '../../src/commands/types.ts';
import { renderText } from '../../src/replies/render-text.ts';
import { commandContext } from '../helpers/command-context.ts';

const help = findCommand('help');
if (!help) throw new Error('no help command');

async function helpText(platform: (typeof PLATFORMS)[number], topic?: string): Promise<string> {
  const run = {
    ctx: commandContext(platform, 'c', 'u'),
    positionals: topic === undefined ? [] : [topic],
    args: {},
    body: '',
  } as unknown as CommandRun;
  return renderText(await help!.run(run));
}

describe('help upwork: where to find your Upwork CSV, and how this platform takes it', () => {
  it.each(PLATFORMS)('on %s: the Upwork menu paths and this platform’s way only', async (platform) => {
    const text = await helpText(platform, 'upwork');
    expect(text).toContain('Where to find your Upwork CSV');
    expect(text).toContain('Reports → Transaction history');
    expect(text).toContain('Download CSV');
    expect(text).toContain('Reports → Weekly summary → export');
    expect(text).toContain(IMPORT_FILE_HOW[platform]);
    for (const other of PLATFORMS.filter((name) => name !== platform))
      expect(text).not.toContain(IMPORT_FILE_HOW[other]);
    expect(await helpText(platform, 'UPWORK')).toBe(text);
  });

  it('names each platform’s own way', () => {
    expect(IMPORT_FILE_HOW.slack).toContain('/jss import opens a form');
    expect(IMPORT_FILE_HOW.discord).toContain('attach the CSV');
    expect(IMPORT_FILE_HOW.console).toContain('import file:~/');
  });

  it('help lists the topics, and help import points to help upwork', async () => {
    expect(await helpText('slack')).toContain('help upwork: Where Upwork lets you download the CSV');
    expect(await helpText('discord', 'import')).toContain('See also help upwork: Where to find your Upwork CSV.');
    expect(HELP_TOPICS.every((topic) => findCommand(topic.name) === undefined)).toBe(true);
  });
});
