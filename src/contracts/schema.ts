// The contract file's vocabulary as zod schemas: the same field names serve the JSON file, the
// chat commands' arguments, CSV columns and database columns. Each check says what is expected;
// the formatter in validate.ts adds what was given and which contract it was.

import { z } from 'zod';
import { parseDay } from '../scoring/dates.ts';
import { CONTRACT_TYPES, COUNTED_OUTCOMES, END_REASONS } from '../scoring/types.ts';

/** Upper bounds that keep hostile input small; far above any real freelancer's history. */
export const LIMITS = {
  idLength: 32,
  clientLength: 100,
  maxEarnings: 1_000_000_000,
  paymentsPerContract: 5_000,
  contractsPerFile: 10_000,
  fileBytes: 10 * 1024 * 1024,
  firstYear: 1990,
  lastYear: 2999,
} as const;

/** The ranges of the client's feedback (command arguments and Discord options take them from here). */
export const STARS_RANGE = { min: 1, max: 5 } as const;
export const PRIVATE_SCORE_RANGE = { min: 0, max: 10 } as const;

/**
 * The most contracts one member keeps. Every score reads and scores all of them in the event loop
 * (30,000 took 0.5 s, holding up every other request); 2,000 is far above a real career.
 */
export const MAX_CONTRACTS_PER_MEMBER = 2_000;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
// Control characters (including newlines and bidi overrides) have no place in a client name.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const dateSchema = z.string({ error: 'expected a date as YYYY-MM-DD' }).refine(
  (text) => {
    const day = parseDay(text);
    if (day === undefined) return false;
    const year = Number(text.slice(0, 4));
    return year >= LIMITS.firstYear && year <= LIMITS.lastYear;
  },
  { error: `expected a real calendar date as YYYY-MM-DD (years ${LIMITS.firstYear}–${LIMITS.lastYear})` },
);

/** USD with at most two decimals (stored as integer cents). */
function money(what: string, minimum: number) {
  return z
    .number({ error: `expected ${what} as a number of US dollars` })
    .refine(Number.isFinite, { error: `expected ${what} as a finite number of US dollars` })
    .refine((value) => value >= minimum, { error: `expected ${what} of at least $${minimum}` })
    .refine((value) => value <= LIMITS.maxEarnings, {
      error: `expected ${what} of at most $${LIMITS.maxEarnings.toLocaleString('en-US')}`,
    })
    .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, {
      error: `expected ${what} with at most 2 decimals (cents)`,
    });
}

function flag(name: string) {
  return z.boolean({ error: `expected ${name} as true or false` }).nullish();
}

export const paymentSchema = z.strictObject(
  {
    date: dateSchema,
    amount: money('an amount', 0),
  },
  { error: 'expected a payment as {"date": "YYYY-MM-DD", "amount": number}' },
);

export const contractSchema = z.strictObject(
  {
    id: z
      .string({ error: 'expected a short id as text' })
      .min(1, { error: 'expected a non-empty id' })
      .max(LIMITS.idLength, { error: `expected an id of at most ${LIMITS.idLength} characters` })
      .regex(ID_PATTERN, {
        error: 'expected an id of letters, digits, "-", "_" or "." (starting with a letter or digit)',
      }),
    client: z
      .string({ error: 'expected the client name as text' })
      .refine((name) => name.trim().length > 0, { error: 'expected a non-empty client name' })
      .refine((name) => name.trim().length <= LIMITS.clientLength, {
        error: `expected a client name of at most ${LIMITS.clientLength} characters`,
      })
      .refine((name) => !CONTROL_CHARACTERS.test(name), { error: 'expected a client name without control characters' }),
    type: z.enum(CONTRACT_TYPES, { error: `expected one of ${CONTRACT_TYPES.join(', ')}` }),
    start: dateSchema,
    end: dateSchema.nullish(),
    earnings: money('earnings', 0).nullish(),
    payments: z
      .array(paymentSchema, { error: 'expected a list of payments' })
      .max(LIMITS.paymentsPerContract, { error: `expected at most ${LIMITS.paymentsPerContract} payments` })
      .nullish(),
    lastPayment: dateSchema.nullish(),
    stars: z
      .number({ error: 'expected stars as a number from 1 to 5' })
      .min(STARS_RANGE.min, { error: 'expected stars from 1 to 5' })
      .max(STARS_RANGE.max, { error: 'expected stars from 1 to 5' })
      .nullish(),
    privateScore: z
      .number({ error: 'expected privateScore as a number from 0 to 10' })
      .min(PRIVATE_SCORE_RANGE.min, { error: 'expected privateScore from 0 to 10' })
      .max(PRIVATE_SCORE_RANGE.max, { error: 'expected privateScore from 0 to 10' })
      .nullish(),
    endReason: z.enum(END_REASONS, { error: `expected one of ${END_REASONS.join(', ')}` }).nullish(),
    disputed: flag('disputed'),
    refunded: flag('refunded'),
    clientFlagged: flag('clientFlagged'),
    pausedForClient: flag('pausedForClient'),
    counted: z
      .enum(COUNTED_OUTCOMES, { error: `expected counted as one of ${COUNTED_OUTCOMES.join(', ')} (or none)` })
      .nullish(),
  },
  { error: 'expected a contract as a JSON object' },
);

export type ContractFields = z.infer<typeof contractSchema>;
export const CONTRACT_FIELDS = Object.keys(contractSchema.shape) as (keyof ContractFields)[];
