import { defineConfig } from 'vitest/config';

/** The conformance suite: checks against the external files of ../shared (skipped when absent). */
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
