/**
 * Every action a use case or an import writes to the audit log has its words in both languages: the
 * audit page and the customer's story show the label, never the code. (Actions built from a
 * variable, such as `writeoff.${decision}`, are listed by hand below.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage } from './catalogue.ts';

const APP = join(import.meta.dirname, '..', 'app');
/** The imports write their changed rows' entries in SQL (upsert.ts: `IMPORT_AUDIT_ACTION = '…'`). */
const DB_IMPORTS = join(import.meta.dirname, '..', 'db', 'imports');
const BUILT = ['writeoff.approve', 'writeoff.reject', 'promotion.approve', 'promotion.reject'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('audit actions', () => {
  const written = new Set(BUILT);
  for (const file of [...sources(APP), ...sources(DB_IMPORTS)])
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:action:|_ACTION =) '([a-z_]+\.[a-z_.]+)'/g))
      written.add(match[1] as string);

  it('finds the actions the use cases and the imports write', () => {
    expect(written.has('customer.update')).toBe(true);
    expect(written.has('import.update')).toBe(true);
    expect(written.size).toBeGreaterThan(30);
  });

  it.each(['fr', 'en'] as const)('has a label for each in %s', (lang) => {
    const missing = [...written].filter((action) => !hasMessage(`auditAction.${action}`, lang));
    expect(missing).toEqual([]);
  });
});
