import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Two cores: keep the pool small so CLI tests that spawn processes do not starve.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
