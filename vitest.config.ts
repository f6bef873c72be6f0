import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A loaded machine stalls the event loop without the server being in trouble: no 503 in tests.
    env: { ENCOURS_MAX_EVENT_LOOP_DELAY_MS: '0' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time on the 2-core machines we run on (the default leaves one core idle):
    // most test time is the embedded engine and Chromium working, not the test process waiting.
    maxWorkers: 2,
    // expect.poll waits for a state; on a loaded machine that state may take seconds to come.
    expect: { poll: { timeout: 30_000 } },
  },
});
