// The manifest and the code ask for the same things: the installer's scopes are the manifest's bot
// scopes, and the manifest names the OAuth redirect path and the events the app listens to.
// (Read line by line: the manifest is flat enough, and YAML is no dependency of ours.)

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, REDIRECT_PATH } from '../../../adapters/slack/oauth.ts';

const manifest = readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8');

/** The list items under a key (`key:` on its own line), up to the next line indented no deeper. */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start < 0) throw new Error(`no ${key}: in the manifest`);
  const indent = (lines[start] ?? '').search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') continue;
    if (line.search(/\S/) <= indent) break;
    const item = /^\s*-\s+(\S+)/.exec(line)?.[1];
    if (item) items.push(item);
  }
  return items;
}

describe('the Slack manifest', () => {
  it('asks for exactly the bot scopes the installer asks for', () => {
    expect(listUnder('bot').sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('names the OAuth redirect URL, the Home tab and the events the app handles', () => {
    expect(listUnder('redirect_urls').map((url) => new URL(url).pathname)).toEqual([REDIRECT_PATH]);
    expect(listUnder('bot_events')).toEqual(
      expect.arrayContaining(['app_uninstalled', 'tokens_revoked', 'app_home_opened']),
    );
    expect(manifest).toMatch(/app_home:\n\s+home_tab_enabled: true/);
  });
});
