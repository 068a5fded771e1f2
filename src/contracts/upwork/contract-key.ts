// Which contract a row is about: Upwork writes the contract's title followed by its contract
// number in parentheses ("HTML Front End Dev (35695275)"); older rows may carry the title only,
// after a kind or invoice prefix. A row whose contract cannot be told is refused, never guessed.

export interface ContractKey {
  /** Upwork's contract number, when the row has one. */
  number: string | null;
  /** The contract's title as written (prefixes and the number taken off). */
  title: string;
}

const NUMBERED = /^(.*?)\s*\((\d{5,12})\)\s*$/;
const NUMBER_INSIDE = /\((\d{5,12})\)/;
// "Invoice for 04/08/2024-04/14/2024 - " and "Hourly: ", "Fixed-price - ", "Bonus – " in front of the title.
const INVOICE_PREFIX = /^invoice for\s+[\d/.-]+\s*(?:-|to)\s*[\d/.-]+\s*[-–:]\s*/i;
const KIND_PREFIX = /^(?:hourly|fixed[- ]price|milestone(?:\s+\d+)?|bonus|refund|payment)\s*[-–:]\s*/i;

/** The title a member would recognise; empty when nothing but a prefix or an invoice line is left. */
export function cleanTitle(text: string): string {
  let title = text.trim().replace(/\s+/g, ' ');
  for (let again = true; again; ) {
    const before = title;
    title = title.replace(INVOICE_PREFIX, '').replace(KIND_PREFIX, '').trim();
    again = title !== before;
  }
  // An invoice line with no title after it names no contract.
  return /^invoice\b/i.test(title) ? '' : title;
}

/** The contract named by the first of `texts` that has "(number)", else the first with a title. */
export function contractKeyOf(texts: readonly string[]): ContractKey | undefined {
  for (const text of texts) {
    const numbered = NUMBERED.exec(text.trim());
    if (numbered)
      return { number: numbered[2] as string, title: cleanTitle(numbered[1] as string) || `contract ${numbered[2]}` };
    const inside = NUMBER_INSIDE.exec(text);
    if (inside) {
      const title = cleanTitle(text.replace(NUMBER_INSIDE, ' '));
      return { number: inside[1] as string, title: title || `contract ${inside[1]}` };
    }
  }
  for (const text of texts) {
    const title = cleanTitle(text);
    if (title !== '') return { number: null, title };
  }
  return undefined;
}
