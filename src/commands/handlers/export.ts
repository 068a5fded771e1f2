import { contractsToCsv } from '../../contracts/csv.ts';
import { reply } from '../../replies/reply.ts';
import { choice } from '../args.ts';
import type { CommandDefinition } from '../types.ts';

export const exportCommand: CommandDefinition = {
  name: 'export',
  summary: 'Download your contracts as CSV or JSON (the contract file format).',
  usage: 'export [format:csv|json]',
  examples: ['export', 'export format:json'],
  args: [{ name: 'format', kind: choice(['csv', 'json']), description: 'csv (default) or json' }],
  maxPositionals: 0,
  writes: false,
  async run({ ctx, store, member, args }) {
    const contracts = await store.listContracts(member.id);
    const json = args.format === 'json';
    const content = json ? `${JSON.stringify({ contracts }, null, 2)}\n` : contractsToCsv(contracts);
    return reply('success', `Your ${contracts.length} contract${contracts.length === 1 ? '' : 's'} as ${json ? 'JSON' : 'CSV'}`, {
      attachments: [{ filename: `jss-coach-contracts-${ctx.asOf}.${json ? 'json' : 'csv'}`, mimeType: json ? 'application/json' : 'text/csv', content }],
    });
  },
};
