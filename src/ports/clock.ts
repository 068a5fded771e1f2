// The clock port: what commands and jobs ask when they need the time of day (a confirmation
// code's expiry, the reminders' hour). The scoring core never reads it: it is given its as-of date.
// app/ hands the system clock to the command layer; tests can pass a fixed one.

export interface Clock {
  now(): Date;
}

/** The machine's clock (the default when none is given, as silentLogger is for the logger). */
export const systemClock: Clock = { now: () => new Date() };
