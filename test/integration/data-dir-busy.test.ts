import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError, errorText } from '#app/errors';
import { openRuntime } from '#app/runtime';

describe('an embedded database already open in another process', () => {
  it('is refused in the reader’s words, naming the directory and the process', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'encours-busy-'));
    try {
      // The parent process is alive and is not this one: as if another Encours held the files.
      await writeFile(join(dataDir, 'encours.pid'), String(process.ppid));
      const refused = await openRuntime({ dataDir }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DomainError);
      const error = refused as DomainError;
      expect(error.code).toBe('database_unavailable');
      expect(errorText(error, 'fr')).toBe(
        `La base de données intégrée ${dataDir} est déjà ouverte par un autre processus Encours (pid ${process.ppid})\u00a0: arrêtez-le, ou choisissez une autre base avec --data-dir ou --db.`,
      );
      expect(errorText(error, 'en')).toBe(
        `The embedded database ${dataDir} is already open in another Encours process (pid ${process.ppid}): stop it, or choose another database with --data-dir or --db.`,
      );
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
