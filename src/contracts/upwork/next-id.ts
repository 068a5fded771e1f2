// The member's next free contract id (c1, c2, …), for contracts that arrive without one.

/** The first cN not among `taken` (case-insensitive). */
export function nextFreeId(taken: readonly string[]): string {
  const used = new Set(taken.map((id) => id.toLowerCase()));
  for (let n = 1; ; n++) if (!used.has(`c${n}`)) return `c${n}`;
}
