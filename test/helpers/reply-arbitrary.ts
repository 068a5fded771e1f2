// fast-check arbitraries of platform-neutral replies, for the renderers' property tests: any
// block mix, hostile text (each platform names its own mention and markup syntax), and sizes
// from a few items to hundreds (fast-check keeps arrays to 10 unless told size: 'max').

import fc from 'fast-check';
import { reply, type Action, type Block, type Reply } from '../../src/replies/reply.ts';

export interface ReplyArbitraries {
  shortText: fc.Arbitrary<string>;
  longText: fc.Arbitrary<string>;
  text: fc.Arbitrary<string>;
  reply: fc.Arbitrary<Reply>;
}

/** `hostile`: pieces of text that matter to the platform; `repeatUnits`: what long texts repeat. */
export function replyArbitraries(
  hostile: readonly string[],
  repeatUnits: readonly string[],
  maxRepeat: number,
): ReplyArbitraries {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostile) },
    { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  );
  const shortText = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
  const longText = fc.oneof(
    fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
    fc
      .tuple(fc.constantFrom(...repeatUnits), fc.integer({ min: 0, max: maxRepeat }), shortText)
      .map(([unit, count, tail]) => unit.repeat(count) + tail),
  );
  const text = fc.oneof({ weight: 4, arbitrary: shortText }, { weight: 1, arbitrary: longText });
  const many = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.array(arb, { maxLength: 5 }) },
      { weight: 1, arbitrary: fc.array(arb, { maxLength: 300, size: 'max' }) },
    );
  const optionalTitle = fc.option(text, { nil: undefined });

  const block: fc.Arbitrary<Block> = fc.oneof(
    text.map((t) => ({ type: 'text' as const, text: t })),
    many(fc.record({ label: text, value: text })).map((fields) => ({ type: 'fields' as const, fields })),
    fc
      .record({ title: optionalTitle, items: many(text) })
      .map(({ title, items }) => ({ type: 'list' as const, items, ...(title !== undefined && { title }) })),
    fc
      .record({
        title: optionalTitle,
        columns: fc.array(shortText, { maxLength: 6 }),
        rows: many(fc.array(text, { maxLength: 6 })),
      })
      .map(({ title, columns, rows }) => ({
        type: 'table' as const,
        columns,
        rows,
        ...(title !== undefined && { title }),
      })),
    fc
      .record({
        title: text,
        points: fc.array(
          fc.record({
            date: fc.oneof(
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
              shortText,
            ),
            value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
          }),
          { maxLength: 30 },
        ),
      })
      .map(({ title, points }) => ({ type: 'series' as const, title, points })),
    text.map((t) => ({ type: 'context' as const, text: t })),
  );
  const action: fc.Arbitrary<Action> = fc
    .record({
      label: text,
      command: fc.oneof(shortText, longText),
      style: fc.option(fc.constantFrom('primary' as const, 'danger' as const), { nil: undefined }),
    })
    .map(({ label, command, style }) => ({ label, command, ...(style && { style }) }));
  const replyArb: fc.Arbitrary<Reply> = fc
    .record({
      kind: fc.constantFrom('info' as const, 'success' as const, 'error' as const, 'confirm' as const),
      title: text,
      summary: fc.option(text, { nil: undefined }),
      blocks: fc.oneof(fc.array(block, { maxLength: 6 }), fc.array(block, { maxLength: 80, size: 'max' })),
      actions: fc.oneof(fc.array(action, { maxLength: 4 }), fc.array(action, { maxLength: 40, size: 'max' })),
      shareable: fc.boolean(),
      shareCommand: fc.option(fc.oneof(shortText, longText), { nil: undefined }),
    })
    .map(({ kind, title, summary, blocks, actions, shareable, shareCommand }) =>
      reply(kind, title, {
        blocks,
        actions,
        shareable,
        ...(summary !== undefined && { summary }),
        ...(shareCommand !== undefined && { shareCommand }),
      }),
    );
  return { shortText, longText, text, reply: replyArb };
}
