import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned CLI processes and property runs need more than the 5 s default on 2-core machines.
    testTimeout: 30_000,
    // Opening a PGlite or a PostgreSQL of a test's own in beforeAll can take 10 s on a loaded machine.
    hookTimeout: 60_000,
  },
});
