import { contractsToCsv } from '../../contracts/csv.ts';
import { observationsToCsv } from '../../contracts/observations-csv.ts';
import { plural } from '../../replies/format.ts';
import { reply, type Attachment } from '../../replies/reply.ts';
import { choice } from '../args.ts';
import { defineCommand } from '../define.ts';

export const exportCommand = defineCommand({
  name: 'export',
  group: 'account',
  summary: 'Download your contracts and recorded Upwork scores as CSV or JSON (the contract file format).',
  usage: 'export [format:csv|json]',
  examples: ['export', 'export format:json'],
  args: [{ name: 'format', kind: choice(['csv', 'json']), description: 'csv (default) or json' }],
  writes: false,
  async run({ ctx, store, member, args }) {
    const contracts = await store.listContracts(member.id);
    const observations = await store.listObservations(member.id);
    const json = args.format === 'json';
    // CSV is one table a file: the recorded scores come as a second file (import takes either).
    const attachments: Attachment[] = json
      ? [
          {
            filename: `jss-coach-contracts-${ctx.asOf}.json`,
            mimeType: 'application/json',
            content: `${JSON.stringify({ contracts, observations }, null, 2)}\n`,
          },
        ]
      : [
          { filename: `jss-coach-contracts-${ctx.asOf}.csv`, mimeType: 'text/csv', content: contractsToCsv(contracts) },
          ...(observations.length > 0
            ? [
                {
                  filename: `jss-coach-scores-${ctx.asOf}.csv`,
                  mimeType: 'text/csv',
                  content: observationsToCsv(observations),
                },
              ]
            : []),
        ];
    const scores = observations.length > 0 ? ` and ${plural(observations.length, 'recorded score')}` : '';
    return reply('success', `Your ${plural(contracts.length, 'contract')}${scores} as ${json ? 'JSON' : 'CSV'}`, {
      attachments,
    });
  },
});
