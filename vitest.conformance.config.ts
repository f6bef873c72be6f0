import { defineConfig } from 'vitest/config';

/** The conformance suite: checks against the external files of ../shared (skipped when absent). */
export default defineConfig({
  test: {
    // A loaded machine stalls the event loop without the server being in trouble: no 503 in tests.
    env: { ENCOURS_MAX_EVENT_LOOP_DELAY_MS: '0' },
    include: ['test/conformance/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
