import { describe, expect, it, vi } from 'vitest';
import { runCli } from './run.ts';

/** `encours …` in this process: its exit code and what it said on stderr (no database is opened). */
async function refused(args: string[]): Promise<{ status: number | undefined; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write);
  try {
    return { status: await runCli(args), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('encours import of a file that is not there', () => {
  it('says so in one sentence for every kind of file, exit 4, not a problem on a line 0', async () => {
    for (const kind of ['invoices', 'fec', 'bank'])
      expect(await refused(['import', kind, '/nowhere/nonexist.csv'])).toEqual({
        status: 4,
        stderr: 'encours: Fichier introuvable\u00a0: nonexist.csv\n',
      });
    expect(await refused(['import', 'fec', '/nowhere/nonexist.txt', '--lang', 'en'])).toEqual({
      status: 4,
      stderr: 'encours: File not found: nonexist.txt\n',
    });
  });

  it('refuses a folder and a bad --lang in the catalogue’s words', async () => {
    expect(await refused(['import', 'invoices', import.meta.dirname])).toEqual({
      status: 2,
      stderr: 'encours: cli est un dossier, pas un fichier\n',
    });
    expect((await refused(['import', 'invoices', 'x.csv', '--lang', 'de'])).stderr).toBe(
      'encours: --lang doit valoir fr ou en (et non «\u00a0de\u00a0»)\n',
    );
  });
});
