// The Upwork CSV reports jss-coach reads, told apart by their header line (columns in any order,
// any case, quoted or not). Each layout names the columns it needs and where each fact is found.

export type UpworkLayoutName = 'transactions' | 'transactions-earlier' | 'earnings-by-contract';

export interface UpworkLayout {
  name: UpworkLayoutName;
  /** How the reply names the file: "from transaction history 2023-01-01 → 2025-12-31". */
  label: string;
  /** Columns the header must have (normalised: lower case, single spaces). */
  required: readonly string[];
  date: string;
  /** The transaction's kind: a transaction type, or the earnings report's payment type. */
  type: string;
  /** The USD amount (other currencies have their own columns, which are not read). */
  amount: string;
  /** Upwork's own id of the row, when the layout has one; the payment keeps it as its source. */
  sourceId: string | null;
  /** Where the contract is named, in the order they are searched for "Title (number)". */
  contract: readonly string[];
  /** Where the client is named, first non-empty wins; none in the earnings report. */
  client: readonly string[];
}

export const UPWORK_LAYOUTS: readonly UpworkLayout[] = [
  {
    name: 'transactions',
    label: 'transaction history',
    required: ['date', 'transaction id', 'transaction type', 'amount $'],
    date: 'date',
    type: 'transaction type',
    amount: 'amount $',
    sourceId: 'transaction id',
    contract: ['description 1', 'transaction summary details', 'description 2', 'description 3'],
    client: ['team', 'account name'],
  },
  {
    name: 'transactions-earlier',
    label: 'transaction history (earlier layout)',
    required: ['date', 'ref id', 'type', 'description', 'amount'],
    date: 'date',
    type: 'type',
    amount: 'amount',
    sourceId: 'ref id',
    contract: ['description'],
    client: ['team', 'account name'],
  },
  {
    name: 'earnings-by-contract',
    label: 'earnings by contract',
    required: ['date', 'contract', 'amount', 'payment type'],
    date: 'date',
    type: 'payment type',
    amount: 'amount',
    sourceId: null,
    contract: ['contract'],
    client: [],
  },
];

/** A header cell as compared: no BOM, quotes or outer blanks, lower case, one space between words. */
export function normaliseColumn(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"|"$/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The layout whose required columns the header has, current transaction history first. */
export function recogniseLayout(header: readonly string[]): UpworkLayout | undefined {
  const columns = new Set(header.map(normaliseColumn));
  return UPWORK_LAYOUTS.find((layout) => layout.required.every((column) => columns.has(column)));
}

/** The header line's cells, read loosely (enough to recognise a layout before parsing the file). */
export function headerCells(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return line.split(',').map(normaliseColumn);
}

export function isUpworkCsv(text: string): boolean {
  return recogniseLayout(headerCells(text)) !== undefined;
}

/** The columns a header must have, for the reply to a file that is none of the known ones. */
export function describeLayouts(): string {
  return UPWORK_LAYOUTS.map(
    (layout) => `${layout.label}: ${layout.required.map((column) => JSON.stringify(column)).join(', ')}`,
  ).join('; ');
}
