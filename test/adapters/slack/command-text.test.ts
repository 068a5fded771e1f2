import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainCommandText } from '../../../adapters/slack/command-text.ts';

/** What Slack does to a slash command's text: escapes &, < and > (in that order of effect). */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('Slack command text back to what the member typed', () => {
  it.each([
    ['client:"Echo &amp; Co"', 'client:"Echo & Co"'],
    ['note:&lt;b&gt; &amp;amp;', 'note:<b> &amp;'],
    ['<https://acme.com|acme.com>', 'acme.com'],
    ['<https://acme.com>', 'https://acme.com'],
    ['<mailto:a@b.co|a@b.co> <mailto:c@d.co>', 'a@b.co c@d.co'],
    ['<@U123> <@U123|maria> <@W9|@sam>', '@U123 @maria @sam'],
    ['<#C123|general> <#C9>', '#general #C9'],
    [
      '<!here> <!channel> <!everyone> <!subteam^S1|@devs> <!date^1392734382^{date}|Feb 18>',
      '@here @channel @everyone @devs Feb 18',
    ],
  ])('%s → %s', (sent, typed) => {
    expect(plainCommandText(sent)).toBe(typed);
  });

  it('any text Slack escaped comes back exactly as typed (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('&', '<', '>', ';', 'a', 'm', 'p', 'l', 't', 'g', ' ', '"', '#', '@', '|', 'é', '😀'),
        }),
        (typed) => {
          expect(plainCommandText(slackEscape(typed))).toBe(typed);
        },
      ),
    );
  });
});
