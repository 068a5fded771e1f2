// PostgreSQL takes at most 65,535 bind parameters in one statement: a multi-row insert is cut into
// chunks whose rows × columns stay under that.

/** The bind-parameter limit of one PostgreSQL statement (the protocol counts them in 16 bits). */
export const MAX_BIND_PARAMETERS = 65_535;

/** Rows of `columns` parameters each that fit one statement. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(MAX_BIND_PARAMETERS / Math.max(1, columns)));
}

/** `rows` cut into consecutive chunks of at most `size`. */
export function chunked<T>(rows: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}
