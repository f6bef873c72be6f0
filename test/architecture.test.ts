/** Keeps the dependency rule true: each layer imports only the layers listed for it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  importers: ['core', 'importers'],
  demo: ['core', 'demo'],
  db: ['core', 'db'],
  documents: ['core', 'documents'],
  app: ['core', 'db', 'importers', 'demo', 'app', 'documents'],
  http: ['core', 'app', 'db', 'http', 'documents'],
  cli: ['core', 'app', 'db', 'importers', 'http', 'cli', 'documents'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function importedLayers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const layers: string[] = [];
  for (const match of text.matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'/g)) {
    const target = match[1] ?? match[2] ?? '';
    const alias = /^#([a-z]+)\//.exec(target);
    if (alias?.[1]) layers.push(alias[1]);
    const relativeLayer = /^(?:\.\.\/)+([a-z]+)\//.exec(target);
    if (relativeLayer?.[1]) layers.push(relativeLayer[1]);
  }
  return layers;
}

describe('architecture', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer} imports only ${allowed.join(', ')}`, () => {
      const violations = sourceFiles(join(ROOT, 'src', layer)).flatMap((file) =>
        importedLayers(file)
          .filter((imported) => !allowed.includes(imported))
          .map((imported) => `${relative(ROOT, file)} → ${imported}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('core does no I/O and reads no clock or randomness', () => {
    const offenders = sourceFiles(join(ROOT, 'src', 'core')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /from 'node:|Math\.random|Date\.now\(|process\./.test(text);
    });
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
