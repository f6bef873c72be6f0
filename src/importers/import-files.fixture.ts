/**
 * The importers' test files write their input files into a temporary directory of their own, made
 * before their tests and removed after them: that set-up, written once.
 */
import { afterAll, beforeAll } from 'vitest';
import { makeTempDir, type TempDir } from '../../test/support/import-test-files.ts';

/** The calling test file's temporary directory (registers its making and removal with the file). */
export function tempDirOfTestFile(): Omit<TempDir, 'remove'> {
  let dir: TempDir | undefined;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir?.remove();
  });
  const made = (): TempDir => {
    if (!dir) throw new Error('the temporary directory is made before the first test of the file');
    return dir;
  };
  return {
    get path() {
      return made().path;
    },
    write: (name, content) => made().write(name, content),
    writeCp1252: (name, text) => made().writeCp1252(name, text),
    writeXlsx: (name, rows, options) => made().writeXlsx(name, rows, options),
  };
}
