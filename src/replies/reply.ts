// A platform-neutral reply. Every text is plain text exactly as it should read: adapters escape
// it for their platform (Slack mrkdwn, Discord markdown) and fit it to their limits.

export interface SeriesPoint {
  date: string;
  value: number | null;
}

export type ReplyKind = 'info' | 'success' | 'error' | 'confirm';

export interface Field {
  label: string;
  value: string;
}

export type Block = BlockContent & {
  /** Only for the member who asked (their recorded scores): left out when a reply is shared. */
  memberOnly?: boolean;
};

type BlockContent =
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'list'; title?: string; items: string[] }
  | { type: 'table'; title?: string; columns: string[]; rows: string[][] }
  /** A score over time: the forecast's change points, starting with today; with the past when known. */
  | {
      type: 'series';
      title: string;
      points: SeriesPoint[];
      /** The estimate on each of the last 16 weekly dates, oldest first, the last one today. */
      past?: SeriesPoint[];
      /** Scores the member recorded in those weeks: theirs alone, so a shared reply leaves them out. */
      recorded?: { date: string; value: number }[];
    }
  /** Small print: the model, the as-of date, caveats. */
  | { type: 'context'; text: string };

export interface Action {
  label: string;
  /** The command text a button runs, in the shared grammar. */
  command: string;
  style?: 'primary' | 'danger';
}

export interface Attachment {
  filename: string;
  mimeType: string;
  content: string;
}

export interface Reply {
  kind: ReplyKind;
  title: string;
  summary?: string;
  blocks: Block[];
  actions: Action[];
  attachments: Attachment[];
  /** Replies are private to the member; a shareable one may be posted to the channel by its button. */
  shareable: boolean;
  /** For a shareable reply: the command text that makes it again (what a share button runs). */
  shareCommand?: string;
  /** For errors: the message for each argument that was wrong, so forms can show it on the field. */
  fieldErrors?: Record<string, string>;
}

export function reply(kind: ReplyKind, title: string, parts: Partial<Omit<Reply, 'kind' | 'title'>> = {}): Reply {
  return { kind, title, blocks: [], actions: [], attachments: [], shareable: false, ...parts };
}

/** A block as the channel may see it: a series without the member's recorded scores. */
function sharedBlock(block: Block): Block {
  if (block.type !== 'series' || block.recorded === undefined) return block;
  const { recorded: _recorded, ...rest } = block;
  return rest;
}

/** What a shared reply shows the channel: no buttons, and nothing that is the member's alone. */
export function sharedView(shared: Reply, footer: string): Reply {
  const blocks = shared.blocks.filter((block) => !block.memberOnly).map(sharedBlock);
  return { ...shared, actions: [], shareable: false, blocks: [...blocks, { type: 'context', text: footer }] };
}

/** The reply to any bad input: what was wrong and what is expected; nothing was changed. */
export function errorReply(problems: string | string[], hint?: string, fieldErrors?: Record<string, string>): Reply {
  const list = Array.isArray(problems) ? problems : [problems];
  const blocks: Block[] =
    list.length === 1 ? [{ type: 'text', text: list[0] as string }] : [{ type: 'list', items: list }];
  if (hint) blocks.push({ type: 'context', text: hint });
  const title = list.length === 1 ? 'That did not work' : `That did not work (${list.length} problems)`;
  return reply('error', title, { blocks, ...(fieldErrors && Object.keys(fieldErrors).length > 0 && { fieldErrors }) });
}
