// US dollars (≤ 2 decimals, as the contract file has them) ↔ integer cents (as the database keeps them).

export function toCents(dollars: number): number {
  return Math.round(dollars * 100);
}

export function toDollars(cents: number): number {
  return cents / 100;
}
