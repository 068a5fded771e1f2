import { reply } from '../../replies/reply.ts';
import { findHelpTopic, HELP_TOPICS } from '../help-topics.ts';
import { defineCommand } from '../define.ts';
import type { CommandDefinition } from '../types.ts';

/** `help` lists every command; `help COMMAND` explains one with its arguments and examples; `help upwork` is a topic page. */
export function helpCommand(commands: () => readonly CommandDefinition[]): CommandDefinition {
  return defineCommand({
    name: 'help',
    summary: 'What each command does; help COMMAND for its arguments and examples; help upwork: your Upwork CSV.',
    usage: `help [COMMAND|${HELP_TOPICS.map((topic) => topic.name).join('|')}]`,
    examples: ['help', 'help add', ...HELP_TOPICS.map((topic) => `help ${topic.name}`)],
    args: [],
    positional: {
      name: 'command',
      kind: { type: 'commandName' },
      description: 'a command to explain, or upwork (where to find your Upwork CSV)',
    },
    writes: false,
    async run({ ctx, positionals }) {
      const [topic] = positionals;
      const all = commands();
      const command = topic === undefined ? undefined : all.find((candidate) => candidate.name === topic.toLowerCase());
      if (command) {
        const related = HELP_TOPICS.filter((page) => page.related.includes(command.name));
        const blocks = [
          { type: 'text' as const, text: `Usage: ${command.usage}` },
          ...(command.args.length > 0
            ? [
                {
                  type: 'list' as const,
                  title: 'Arguments:',
                  items: command.args.map((arg) => `${arg.name}: ${arg.description}`),
                },
              ]
            : []),
          { type: 'list' as const, title: 'Examples:', items: [...command.examples] },
          ...related.map((page) => ({ type: 'context' as const, text: `See also help ${page.name}: ${page.title}.` })),
        ];
        return reply('info', `${command.name}: ${command.summary}`, { blocks });
      }
      const page = topic === undefined ? undefined : findHelpTopic(topic);
      if (page) return reply('info', page.title, { blocks: page.blocks(ctx.platform) });
      const intro = topic === undefined ? '' : `There is no command ${JSON.stringify(topic)}. `;
      return reply('info', 'jss-coach: your Upwork Job Success Score, explained', {
        summary: `${intro}Type a command, e.g. add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5, then score. A leading /jss is optional.`,
        blocks: [
          {
            type: 'table',
            columns: ['command', 'what it does'],
            rows: all.map((candidate) => [candidate.name, candidate.summary]),
          },
          ...HELP_TOPICS.map((page) => ({ type: 'context' as const, text: `help ${page.name}: ${page.summary}` })),
        ],
      });
    },
  });
}
