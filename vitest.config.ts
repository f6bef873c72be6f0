import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A loaded machine stalls the event loop without the server being in trouble: no 503 in tests.
    env: { ENCOURS_MAX_EVENT_LOOP_DELAY_MS: '0' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits for a state; on a loaded machine that state may take seconds to come.
    expect: { poll: { timeout: 30_000 } },
  },
});
