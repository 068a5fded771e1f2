import { contractLine } from '../../replies/format.ts';
import { reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';

export const list = defineCommand({
  name: 'list',
  summary: 'Your contracts.',
  usage: 'list',
  examples: ['list'],
  args: [],
  writes: false,
  async run({ store, member }) {
    const contracts = await store.listContracts(member.id);
    if (contracts.length === 0) {
      return reply('info', 'You have no contracts yet', {
        blocks: [
          {
            type: 'text',
            text: 'Add one: add client:"Acme Ltd" type:hourly start:2026-01-10 earnings:1200 stars:5 end:2026-04-30',
          },
        ],
      });
    }
    return reply('info', `Your contracts (${contracts.length})`, {
      blocks: [{ type: 'list', items: contracts.map(contractLine) }],
    });
  },
});
