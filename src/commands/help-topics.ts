// Help pages that are not one command: `help upwork`, where a member finds the CSV that `import`
// reads. The page is platform-neutral blocks, rendered natively by each adapter; the one line that
// differs, how a file reaches the bot, is picked by the platform in the request's context (the
// docs generator shows them all).

import type { Platform } from '../ports/store.ts';
import type { Block } from '../replies/reply.ts';

export interface HelpTopic {
  /** The word after help. */
  name: string;
  title: string;
  /** One line for help's overview and the docs. */
  summary: string;
  /** Commands whose help page points here. */
  related: readonly string[];
  /** The page; `platform` null gives every platform's way (for the docs). */
  blocks(platform: Platform | null): Block[];
}

/** How an Upwork CSV reaches the bot, per platform (the Slack form, Discord's attachment, a path on the console). */
export const IMPORT_FILE_HOW: Readonly<Record<Platform, string>> = {
  slack:
    '/jss import opens a form: choose the CSV file, pick add (to your contracts) or replace (them all), then Import.',
  discord:
    '/jss import with the file option: attach the CSV (at most 10 MiB); mode:replace replaces your contracts instead of adding to them.',
  console:
    'import file:~/Downloads/transactions.csv (a path relative to the folder jss-coach was started in, ~ for your home folder; quote a path with spaces: file:"~/My files/t.csv"); mode:replace replaces your contracts.',
};

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { slack: 'Slack', discord: 'Discord', console: 'Console' };

export const upworkCsvTopic: HelpTopic = {
  name: 'upwork',
  title: 'Where to find your Upwork CSV',
  summary: 'Where Upwork lets you download the CSV that import reads, and how to bring it here.',
  related: ['import'],
  blocks(platform) {
    const how: Block =
      platform === null
        ? {
            type: 'list',
            title: 'Then bring it here:',
            items: (Object.keys(IMPORT_FILE_HOW) as Platform[]).map(
              (name) => `${PLATFORM_NAMES[name]}: ${IMPORT_FILE_HOW[name]}`,
            ),
          }
        : { type: 'text', text: `Then bring it here: ${IMPORT_FILE_HOW[platform]}` };
    return [
      {
        type: 'text',
        text: 'On upwork.com, signed in as the freelancer (menu names as Upwork shows them today; it moves them now and then):',
      },
      {
        type: 'list',
        title: 'Download:',
        items: [
          'Reports → Transaction history: choose the widest date range (back to your first contract) → Download CSV.',
          'Reports → Weekly summary → export.',
        ],
      },
      how,
      {
        type: 'text',
        text: 'Without a bot: npx jss-coach score transactions.csv reads the same files on the command line.',
      },
      {
        type: 'context',
        text: 'Files up to 10 MiB. Nothing is imported when the file has a problem; the reply says which row and why. Importing the same file again, or overlapping years, adds each payment once.',
      },
    ];
  },
};

export const HELP_TOPICS: readonly HelpTopic[] = [upworkCsvTopic];

export function findHelpTopic(name: string): HelpTopic | undefined {
  return HELP_TOPICS.find((topic) => topic.name === name.toLowerCase());
}
