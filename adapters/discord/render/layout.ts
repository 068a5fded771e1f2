// Places the body's units into embeds within Discord's limits: a description of at most 4,096
// characters and 25 fields an embed, 10 embeds, and one character budget for all of them (the
// 6,000 Discord counts over every embed of a message, less the title and footer). Rather than let
// Discord refuse the reply, the layout stops at the first unit that does not fit and reports how
// many were left out; nothing after it is shown, so what shows keeps the reply's order.

import type { APIEmbedField } from 'discord-api-types/v10';
import { cutIndex, escapeMarkdown } from './escape.ts';
import { EMBED_DESCRIPTION_MAX, EMBED_FIELDS_MAX, EMBEDS_PER_MESSAGE_MAX } from './limits.ts';
import type { TableFrame } from './table.ts';
import { ELLIPSIS } from '../../shared/cut-text.ts';
import { isBlank } from '../../shared/lines.ts';
import { prefixWithin } from './text.ts';
import { embedField, type LineUnit, type RowUnit, type Separator, type Unit } from './units.ts';

/** One embed's body while it is laid out; a table's code block may still be open. */
export interface Draft {
  description: string;
  open: TableFrame | null;
  fields: APIEmbedField[];
}

export interface Layout {
  drafts: Draft[];
  /** Counted units not shown at all (a line cut with … counts as shown). */
  left: number;
}

const FENCE_OPEN = '```\n';
const FENCE_CLOSE = '\n```';
/** At the end of the budget a long line (a paragraph) is cut with …; a shorter one is left out whole. */
const CUT_LINE_MIN = 200;
/** …and only if this much of it still fits. */
const PARTIAL_MIN = 40;
/** A line longer than an embed is split at a space when there is one this close to the cut. */
const WORD_WINDOW = 80;

/** The description as it will be sent: an open code block closed. */
export function descriptionOf(draft: Draft): string {
  return draft.open ? draft.description + FENCE_CLOSE : draft.description;
}

/** Characters Discord counts for the draft's body. */
function lengthOf(draft: Draft): number {
  return (
    descriptionOf(draft).length + draft.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function emptyDraft(): Draft {
  return { description: '', open: null, fields: [] };
}

function isEmpty(draft: Draft): boolean {
  return draft.description === '' && draft.fields.length === 0;
}

function withText(draft: Draft, sep: Separator, text: string): Draft {
  const closed = descriptionOf(draft);
  return { description: closed === '' ? text : closed + sep + text, open: null, fields: draft.fields };
}

/** A row goes on in the open block of its table, or opens one (header row first). */
function withRow(draft: Draft, unit: RowUnit): Draft {
  if (draft.open === unit.frame) return { ...draft, description: `${draft.description}\n${unit.text}` };
  const closed = descriptionOf(draft);
  const block = FENCE_OPEN + (unit.frame.header === null ? '' : `${unit.frame.header}\n`) + unit.text;
  return { description: closed === '' ? block : closed + unit.sep + block, open: unit.frame, fields: draft.fields };
}

function lineText(unit: LineUnit): string {
  return unit.prefix + escapeMarkdown(unit.raw);
}

/** The draft with the unit in it, or 'embed' when it must go in a new embed. */
function placed(draft: Draft, unit: Unit): Draft | 'embed' {
  if (unit.kind === 'field') {
    if (draft.fields.length >= EMBED_FIELDS_MAX) return 'embed';
    unit.field ??= embedField(unit.source);
    return { ...draft, fields: [...draft.fields, unit.field] };
  }
  // Fields show under the description: text after them goes in the next embed, to keep the order.
  if (draft.fields.length > 0) return 'embed';
  const next = unit.kind === 'row' ? withRow(draft, unit) : withText(draft, unit.sep, lineText(unit));
  return descriptionOf(next).length > EMBED_DESCRIPTION_MAX ? 'embed' : next;
}

export function layoutUnits(units: readonly Unit[], budget: number): Layout {
  const drafts: Draft[] = [emptyDraft()];
  let used = 0;
  let shown = 0;
  const total = units.filter((unit) => unit.counts).length;

  const current = () => drafts[drafts.length - 1] as Draft;
  const commit = (draft: Draft, counts: boolean) => {
    used += lengthOf(draft) - lengthOf(current());
    drafts[drafts.length - 1] = draft;
    if (counts) shown += 1;
  };
  const fits = (from: Draft, to: Draft) => used + lengthOf(to) - lengthOf(from) <= budget;

  /** A heading must fit with (the start of) what follows it: else it moves on or is left out with it. */
  const attempt = (draft: Draft, unit: Unit, next: Unit | undefined): Draft | 'embed' | 'budget' => {
    const after = placed(draft, unit);
    if (after === 'embed') return 'embed';
    if (!fits(draft, after)) return 'budget';
    if (unit.kind === 'line' && unit.keepWithNext && next) {
      // What must fit of the next unit: all of it, or the start of a line long enough to be cut.
      const start =
        next.kind === 'line' && lineText(next).length >= CUT_LINE_MIN
          ? { ...next, raw: next.raw.slice(0, cutIndex(next.raw, PARTIAL_MIN + ELLIPSIS.length)) }
          : next;
      const then = placed(after, start);
      if (then === 'embed') return isEmpty(draft) ? after : 'embed';
      if (!fits(draft, then)) return 'budget';
    }
    return after;
  };

  /** A long line cut with … into what is left of this embed and the budget, if enough of it fits. */
  const cutLine = (unit: LineUnit) => {
    const draft = current();
    if (draft.fields.length > 0 || lineText(unit).length < CUT_LINE_MIN) return;
    const base = withText(draft, unit.sep, unit.prefix);
    const room =
      Math.min(EMBED_DESCRIPTION_MAX - descriptionOf(base).length, budget - used - (lengthOf(base) - lengthOf(draft))) -
      ELLIPSIS.length;
    if (room < PARTIAL_MIN) return;
    const cut = prefixWithin(unit.raw, room);
    if (cut === 0) return;
    commit({ ...base, description: base.description + escapeMarkdown(unit.raw.slice(0, cut)) + ELLIPSIS }, unit.counts);
  };

  let index = 0;
  let unit: Unit | undefined = units[0];
  const advance = () => {
    index += 1;
    unit = units[index];
  };
  while (unit) {
    const draft = current();
    // A blank line never starts an embed.
    if (unit.kind === 'line' && draft.description === '' && unit.prefix === '' && isBlank(unit.raw)) {
      advance();
      continue;
    }
    const result = attempt(draft, unit, units[index + 1]);
    if (typeof result === 'object') {
      commit(result, unit.counts);
      advance();
      continue;
    }
    if (result === 'embed' && !isEmpty(draft) && drafts.length < EMBEDS_PER_MESSAGE_MAX) {
      drafts.push(emptyDraft());
      continue;
    }
    if (result === 'embed' && isEmpty(draft) && unit.kind === 'line' && budget - used >= EMBED_DESCRIPTION_MAX) {
      // A line longer than a whole description: as much as fits here, the rest goes on in the next embed.
      const raw = unit.raw;
      let cut = prefixWithin(raw, EMBED_DESCRIPTION_MAX - unit.prefix.length);
      const space = raw.slice(Math.max(0, cut - WORD_WINDOW), cut).search(/\s\S*$/);
      if (space >= 0 && cut < raw.length) cut = Math.max(0, cut - WORD_WINDOW) + space + 1;
      if (cut === 0) break;
      commit({ description: unit.prefix + escapeMarkdown(raw.slice(0, cut)), open: null, fields: [] }, unit.counts);
      unit = { kind: 'line', sep: '', prefix: '', raw: raw.slice(cut), counts: false, keepWithNext: false };
      continue;
    }
    // Out of budget or of embeds: a line is cut with …, and the rest is left out.
    if (unit.kind === 'line') cutLine(unit);
    break;
  }
  return { drafts, left: total - shown };
}
