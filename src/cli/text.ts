// Small text helpers for the CLI's readable output.

/** Left-aligned columns, two spaces apart. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows
    .map((row) => indent + row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0))).join('  '))
    .join('\n');
}

/** A weight or weighted sum without needless decimals: 1, 1.25, 3.5. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

export const WINDOW_NAMES: Record<string, string> = {
  '3m': '3-month',
  '6m': '6-month',
  '12m': '12-month',
  '24m': '24-month',
  trending: 'trending (3m + 6m) / 2',
};
