// PostgreSQL error codes as both drivers report them: drizzle wraps the driver's error in a
// DrizzleQueryError whose `cause` has the code; a bare driver error has it on itself.

const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';

export function postgresErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return postgresErrorCode(error) === UNIQUE_VIOLATION;
}
