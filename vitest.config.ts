import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongFilesFirst from './test/support/long-files-first.ts';

export default defineConfig({
  test: {
    // A loaded machine stalls the event loop without the server being in trouble: no 503 in tests.
    env: { ENCOURS_MAX_EVENT_LOOP_DELAY_MS: '0' },
    // Tests beside the code (src/) never open a database (test/support/test-split.test.ts checks
    // it): the PostgreSQL pass (`npm run test:pg`) runs only the 'database' project.
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'database',
          include: ['test/**/*.test.ts'],
          // The conformance suite has its own command (`npm run conformance`, run by CI).
          exclude: ['test/conformance/**'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files of a fork share its loaded modules instead of loading them again (a third of a
    // file's time went to that): a test file leaves no global state behind (mocks restored, no
    // module mocks), and each opens its own database.
    isolate: false,
    // Vitest's default is one fork fewer than the cores: one fork on the 2-core machines we run on.
    // A test's main thread mostly waits on its embedded engine (a worker thread), so two forks keep
    // both cores busy; memory is not the limit (a fork holding the demo database was seen at 0.8 GB of 24).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The long files first, so that the two forks end together (test/support/long-files-first.ts).
    sequence: { sequencer: LongFilesFirst },
    // expect.poll waits for a state; on a loaded machine that state may take seconds to come.
    expect: { poll: { timeout: 30_000 } },
  },
});
