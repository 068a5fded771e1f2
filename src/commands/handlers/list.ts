import { contractLine } from '../../replies/format.ts';
import { reply } from '../../replies/reply.ts';
import { defineCommand } from '../define.ts';
import type { Member } from '../../ports/store.ts';
import type { Contract } from '../../scoring/index.ts';
import type { Block } from '../../replies/reply.ts';

/**
 * Contracts kept apart when the member's per-server copies were merged into one history (they
 * differed under one id, or named one Upwork contract): named until removed or renamed.
 */
function mergedCopiesNote(member: Member, contracts: readonly Contract[]): Block[] {
  const ids = new Set(contracts.map((contract) => contract.id.toLowerCase()));
  const present = (member.mergedCopies ?? []).filter((id) => ids.has(id.toLowerCase()));
  if (present.length === 0) return [];
  return [
    {
      type: 'context',
      text: `${present.join(', ')}: from another server's copy of your history — check and remove duplicates ("remove ID").`,
    },
  ];
}

export const list = defineCommand({
  name: 'list',
  summary: 'Your contracts.',
  usage: 'list',
  examples: ['list'],
  args: [],
  writes: false,
  async run({ store, member }) {
    const contracts = await store.listContracts(member.id);
    const copies = mergedCopiesNote(member, contracts);
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
      blocks: [{ type: 'list', items: contracts.map(contractLine) }, ...copies],
    });
  },
});
