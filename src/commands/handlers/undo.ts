// `undo`: puts the member's contracts back as they were before their last undoable change (remove,
// import mode:replace), within UNDO_HOURS. Writes made after that change (add, edit, pay, end, a
// merging import) are not kept: undo restores the saved state whole, so it first says what it
// would discard and goes ahead only with `undo confirm:yes`. Recorded Upwork scores are not part
// of it. One transaction, under the member's lock like every write.

import { plural } from '../../replies/format.ts';
import { errorReply, reply } from '../../replies/reply.ts';
import type { Contract } from '../../scoring/types.ts';
import { choice } from '../args.ts';
import { defineCommand } from '../define.ts';
import { scoreChangeBlock } from '../score-change.ts';
import { CommandError } from '../types.ts';
import { UNDO_HOURS } from '../undoable.ts';

const NOTHING = `Only remove and import mode:replace can be undone, for ${UNDO_HOURS} hours after.`;

/** Words for what was added, changed and removed. */
type Wording = readonly [added: string, changed: string, removed: string];
const LATER: Wording = ['added', 'changed', 'removed'];
const RESTORED: Wording = ['put back', 'changed back', 'took out'];

/** What going from `from` to `to` adds, changes and removes, by contract id ("added c5", "changed c3"). */
export function describeChanges(from: readonly Contract[], to: readonly Contract[], words: Wording = LATER): string[] {
  const key = (contract: Contract) => contract.id.toLowerCase();
  const was = new Map(from.map((contract) => [key(contract), contract]));
  const now = new Map(to.map((contract) => [key(contract), contract]));
  const added = to.filter((contract) => !was.has(key(contract))).map((contract) => contract.id);
  const removed = from.filter((contract) => !now.has(key(contract))).map((contract) => contract.id);
  const changed = to
    .filter((contract) => was.has(key(contract)) && JSON.stringify(was.get(key(contract))) !== JSON.stringify(contract))
    .map((contract) => contract.id);
  return [
    ...(added.length > 0 ? [`${words[0]} ${added.join(', ')}`] : []),
    ...(changed.length > 0 ? [`${words[1]} ${changed.join(', ')}`] : []),
    ...(removed.length > 0 ? [`${words[2]} ${removed.join(', ')}`] : []),
  ];
}

function ago(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes === 0) return 'just now';
  return minutes < 60 ? `${plural(minutes, 'minute')} ago` : `${plural(Math.round(minutes / 60), 'hour')} ago`;
}

export const undo = defineCommand({
  name: 'undo',
  summary: `Put your contracts back as they were before your last remove or import mode:replace (within ${UNDO_HOURS} hours); changes made since are discarded, after asking.`,
  usage: 'undo [confirm:yes]',
  examples: ['undo', 'undo confirm:yes'],
  args: [
    {
      name: 'confirm',
      kind: choice(['yes']),
      description: 'yes: undo even though you changed contracts since (those changes are discarded)',
    },
  ],
  writes: true,
  async run({ ctx, store, clock, member, community, args }) {
    const now = clock.now();
    const snapshot = await store.getUndoSnapshot(member.id);
    if (!snapshot) throw new CommandError(errorReply('there is nothing to undo', `${NOTHING} Nothing was changed.`));
    if (snapshot.expiresAt.getTime() <= now.getTime()) {
      // Returned, not thrown: the expired snapshot's deletion is kept.
      await store.pruneUndoSnapshots(now, member.id);
      return errorReply(
        `your last undoable change ("${snapshot.change}", ${ago(snapshot.takenAt, now)}) is more than ${UNDO_HOURS} hours old and can no longer be undone`,
        'Nothing was changed.',
      );
    }
    const current = await store.listContracts(member.id);
    const since = snapshot.after === null ? ['changed your contracts'] : describeChanges(snapshot.after, current);
    if (since.length > 0 && args.confirm !== 'yes') {
      return reply('confirm', `Undo "${snapshot.change}" and discard what you changed since?`, {
        summary: `Since "${snapshot.change}" (${ago(snapshot.takenAt, now)}) you ${since.join('; ')}. Undoing puts your contracts back as they were before it (${plural(snapshot.before.length, 'contract')}), and those later changes are lost. Nothing was changed yet. To go ahead: undo confirm:yes`,
        actions: [{ label: 'Undo anyway', command: 'undo confirm:yes', style: 'danger' }],
      });
    }
    if (!(await store.restoreUndoSnapshot(member.id, now))) {
      throw new CommandError(
        errorReply(
          'there is nothing to undo any more (another request used it or it ran out while this ran)',
          'Nothing was changed.',
        ),
      );
    }
    const restored = describeChanges(current, snapshot.before, RESTORED);
    const count = snapshot.before.length;
    const back =
      count === 0
        ? 'You have no contracts again, as before it'
        : `Your ${plural(count, 'contract')} ${count === 1 ? 'is' : 'are'} back as before it`;
    return reply('success', `Undid "${snapshot.change}"`, {
      summary: `${back}${restored.length > 0 ? ` (${restored.join('; ')})` : ''}.`,
      blocks: [scoreChangeBlock(current, snapshot.before, ctx.asOf, community)],
      actions: [{ label: 'List', command: 'list' }],
    });
  },
});
