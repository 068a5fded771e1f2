// Boundary facts of the file a member imports from a platform (the downloads themselves are tested
// against the fake Slack and Discord APIs in slack/app.test.ts and discord/interactions.test.ts).

import { describe, expect, it } from 'vitest';
import { DISCORD_FILE_ORIGINS, IMPORT_FILE_MAX as DISCORD_IMPORT_FILE_MAX } from '../../adapters/discord/limits.ts';
import {
  IMPORT_FILE_MAX as SLACK_IMPORT_FILE_MAX,
  IMPORT_FILE_TYPES,
  IMPORT_FILES_MAX,
  SLACK_FILE_ORIGINS,
} from '../../adapters/slack/limits.ts';
import { importModal } from '../../adapters/slack/modals.ts';
import { allowedOrigin } from '../../adapters/shared/download-file.ts';
import { LIMITS } from '../../src/contracts/schema.ts';

describe('the imported file on Slack and Discord', () => {
  it('is refused above 10 MiB on both, the contract file limit', () => {
    expect(SLACK_IMPORT_FILE_MAX).toBe(10 * 1024 * 1024);
    expect(DISCORD_IMPORT_FILE_MAX).toBe(10 * 1024 * 1024);
    expect(LIMITS.fileBytes).toBe(SLACK_IMPORT_FILE_MAX);
  });

  it('comes from the platforms’ own file hosts, over HTTPS, and nowhere else', () => {
    expect(SLACK_FILE_ORIGINS).toEqual(['https://files.slack.com', 'https://slack.com']);
    expect(DISCORD_FILE_ORIGINS).toEqual(['https://cdn.discordapp.com', 'https://media.discordapp.net']);
    expect(allowedOrigin('https://files.slack.com/files-pri/T1-F1/download/c.csv', SLACK_FILE_ORIGINS)).toBe(
      'https://files.slack.com',
    );
    expect(allowedOrigin('https://cdn.discordapp.com/attachments/1/2/c.csv?ex=1', DISCORD_FILE_ORIGINS)).toBe(
      'https://cdn.discordapp.com',
    );
    for (const url of [
      'http://files.slack.com/x.csv',
      'https://files.slack.com.evil.example/x.csv',
      'https://evil.example/?https://files.slack.com',
      'https://files.slack.com:8443/x.csv',
      'https://user@evil.example/x',
    ]) {
      expect(allowedOrigin(url, SLACK_FILE_ORIGINS)).toBeNull();
    }
    expect(allowedOrigin('https://cdn.discordapp.com.evil.example/c.csv', DISCORD_FILE_ORIGINS)).toBeNull();
  });

  it('is one CSV in the Slack form', () => {
    expect(IMPORT_FILES_MAX).toBe(1);
    expect(IMPORT_FILE_TYPES).toEqual(['csv']);
    const blocks = (importModal() as unknown as { blocks: { block_id: string; element: Record<string, unknown> }[] })
      .blocks;
    expect(blocks.find((block) => block.block_id === 'file')?.element).toMatchObject({
      type: 'file_input',
      filetypes: ['csv'],
      max_files: 1,
    });
  });
});
