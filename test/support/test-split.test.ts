/**
 * The PostgreSQL pass of CI runs only the tests under test/ (vitest project 'database'): a test
 * beside the code that opened a database would be run on PGlite only, and nobody would notice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const OPENS_A_DATABASE =
  /['"](#db\/infra\/connect|#app\/runtime|#http\/server|@electric-sql\/pglite[^'"]*|pg|[^'"]*\/(test-db|test-images|http-fixture|browser-fixture)\.ts)['"]|ENCOURS_TEST_DATABASE_URL/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the split between unit and database tests', () => {
  it('no test beside the code opens a database', () => {
    const offenders = testFiles(join(ROOT, 'src'))
      .filter((file) => OPENS_A_DATABASE.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('recognises a test that does', () => {
    expect(OPENS_A_DATABASE.test("import { openTestDatabase } from '../support/test-db.ts';")).toBe(true);
    expect(OPENS_A_DATABASE.test("import { openRuntime } from '#app/runtime';")).toBe(true);
    expect(OPENS_A_DATABASE.test("import { ageBuckets } from '#core/analytics/aging';")).toBe(false);
  });
});
