import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_WAIT_MS, importWaitFromEnv } from './import-wait.ts';

describe('importWaitFromEnv', () => {
  it('waits five minutes unless ENCOURS_IMPORT_WAIT_SECONDS gives a number of seconds (0: no limit)', () => {
    expect(DEFAULT_IMPORT_WAIT_MS).toBe(300_000);
    expect(importWaitFromEnv({})).toBe(300_000);
    expect(importWaitFromEnv({ ENCOURS_IMPORT_WAIT_SECONDS: '' })).toBe(300_000);
    expect(importWaitFromEnv({ ENCOURS_IMPORT_WAIT_SECONDS: ' 600 ' })).toBe(600_000);
    expect(importWaitFromEnv({ ENCOURS_IMPORT_WAIT_SECONDS: '1.5' })).toBe(1_500);
    expect(importWaitFromEnv({ ENCOURS_IMPORT_WAIT_SECONDS: '0' })).toBe(0);
    // Never 0 by rounding, never past PostgreSQL's largest lock_timeout.
    expect(importWaitFromEnv({ ENCOURS_IMPORT_WAIT_SECONDS: '0.0001' })).toBe(1);
    expect(importWaitFromEnv({ ENCOURS_IMPORT_WAIT_SECONDS: '1e9' })).toBe(2_147_483_647);
    for (const text of ['-1', 'five', '5m', 'Infinity'])
      expect(importWaitFromEnv({ ENCOURS_IMPORT_WAIT_SECONDS: text }), text).toBe(300_000);
  });
});
