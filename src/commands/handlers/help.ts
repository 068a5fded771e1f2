import { reply } from '../../replies/reply.ts';
import type { CommandDefinition } from '../types.ts';

/** `help` lists every command; `help COMMAND` explains one with its arguments and examples. */
export function helpCommand(commands: () => readonly CommandDefinition[]): CommandDefinition {
  return {
    name: 'help',
    summary: 'What each command does; help COMMAND for its arguments and examples.',
    usage: 'help [COMMAND]',
    examples: ['help', 'help add'],
    args: [],
    maxPositionals: 1,
    writes: false,
    async run({ positionals }) {
      const [topic] = positionals;
      const all = commands();
      const command = topic === undefined ? undefined : all.find((candidate) => candidate.name === topic.toLowerCase());
      if (command) {
        const blocks = [
          { type: 'text' as const, text: `Usage: ${command.usage}` },
          ...(command.args.length > 0 ? [{ type: 'list' as const, title: 'Arguments:', items: command.args.map((arg) => `${arg.name}: ${arg.description}`) }] : []),
          { type: 'list' as const, title: 'Examples:', items: command.examples },
        ];
        return reply('info', `${command.name}: ${command.summary}`, { blocks });
      }
      const intro = topic === undefined ? '' : `There is no command ${JSON.stringify(topic)}. `;
      return reply('info', 'jss-coach: your Upwork Job Success Score, explained', {
        summary: `${intro}Type a command, e.g. add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5, then score. A leading /jss is optional.`,
        blocks: [{ type: 'table', columns: ['command', 'what it does'], rows: all.map((candidate) => [candidate.name, candidate.summary]) }],
      });
    },
  };
}
