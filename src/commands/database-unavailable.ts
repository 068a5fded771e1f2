// The database could not be reached (refused, reset, timed out, shutting down). Declared here so
// the command layer can answer it without knowing the driver; db/ translates its errors into it.

export const DATABASE_UNAVAILABLE_MESSAGE = 'the database is unavailable; nothing was changed; try again shortly.';

export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';

  constructor(detail: string, options?: { cause?: unknown }) {
    super(`database unavailable: ${detail}`, options);
  }
}

export function isDatabaseUnavailable(error: unknown): error is DatabaseUnavailableError {
  return error instanceof DatabaseUnavailableError;
}
