import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned CLI processes and property runs need more than the 5 s default on 2-core machines.
    testTimeout: 30_000,
  },
});
