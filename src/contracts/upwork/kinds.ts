// What a row's transaction type (or the earnings report's payment type) means for the member's
// contracts: money earned from a contract, a refund against one, or something else (fees,
// withdrawals, Connects, memberships, taxes, transfers…), which is skipped and counted.

export type PaymentKind = 'hourly' | 'fixed' | 'bonus';
export type RowKind = PaymentKind | 'refund' | 'skip';

const KINDS: Record<string, RowKind> = {
  hourly: 'hourly',
  'fixed price': 'fixed',
  'fixed price payment': 'fixed',
  milestone: 'fixed',
  bonus: 'bonus',
  refund: 'refund',
};

/** `Fixed-price`, `Fixed Price` and `fixed_price` are one kind. */
function normalise(type: string): string {
  return type.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
}

/** The earnings report leaves the payment type empty for hourly work. */
export function rowKind(type: string, emptyMeansHourly: boolean): RowKind {
  const word = normalise(type);
  if (word === '') return emptyMeansHourly ? 'hourly' : 'skip';
  return KINDS[word] ?? 'skip';
}
