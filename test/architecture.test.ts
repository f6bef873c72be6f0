/**
 * Keeps the dependency rule true: each layer imports only the layers listed for it, and SQL
 * (Kysely builders or SQL text) lives only in src/db. Imports are resolved to files, so a
 * capability folder (src/db/fec/…) importing a sibling folder of its own layer is fine and
 * `../../app/…` from src/db is caught.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  importers: ['core', 'importers'],
  demo: ['core', 'demo'],
  db: ['core', 'db'],
  text: ['core', 'text'],
  render: ['core', 'render', 'text'],
  app: ['core', 'db', 'importers', 'demo', 'app', 'render', 'text'],
  http: ['core', 'app', 'db', 'http', 'render', 'text'],
  cli: ['core', 'app', 'db', 'importers', 'http', 'cli', 'render', 'text'],
};
const LAYERS = Object.keys(ALLOWED);

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The layer of a resolved path under src/, or null for anything outside it (packages, tests). */
function layerOf(path: string): string | null {
  const inside = relative(SRC, path);
  if (inside.startsWith('..')) return null;
  return inside.split(/[\\/]/)[0] ?? null;
}

/** Layers a source text imports, given the file it lives in. */
function importedLayers(file: string, text: string): string[] {
  const layers: string[] = [];
  for (const match of text.matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'/g)) {
    const target = match[1] ?? match[2] ?? '';
    const alias = /^#([a-z]+)\//.exec(target);
    if (alias?.[1]) layers.push(alias[1]);
    else if (target.startsWith('.')) {
      const layer = layerOf(resolve(dirname(file), target));
      if (layer) layers.push(layer);
    }
  }
  return layers;
}

const SQL_PATTERNS: readonly RegExp[] = [
  /\bsql\s*`/, // kysely's sql template tag
  /\bsql\.(raw|ref|table|id|lit|join|val)\(/,
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/,
  /import\s*\{[^}]*\bsql\b[^}]*\}\s*from\s*'kysely'/,
  // SQL text in a string or template literal
  /['"`]\s*(select\s[\s\S]{0,200}?\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s|create\s+(temp\s+|temporary\s+)?table\s)/i,
];

/** The SQL constructs a source text contains (empty when it has none). */
function sqlFound(text: string): string[] {
  return SQL_PATTERNS.filter((pattern) => pattern.test(text)).map(String);
}

function layerViolations(layer: string): string[] {
  const allowed = ALLOWED[layer] ?? [];
  return sourceFiles(join(SRC, layer)).flatMap((file) =>
    importedLayers(file, readFileSync(file, 'utf8'))
      .filter((imported) => LAYERS.includes(imported) && !allowed.includes(imported))
      .map((imported) => `${relative(ROOT, file)} → ${imported}`),
  );
}

/**
 * `new DomainError(code, 'an English sentence')`: an error a French reader would read in English. A
 * template that starts with a catalogue call (`${t(…)}`) is already worded and passes.
 */
function unwordedErrors(text: string): string[] {
  const found: string[] = [];
  // The message is DomainError's second argument (after the code), HttpProblem's third (status, code).
  const constructions = /new (?:DomainError\(|HttpProblem\(\s*[^,()]+,)\s*[^,()]+,\s*(['"`])/g;
  for (const match of text.matchAll(constructions)) {
    const end = (match.index ?? 0) + match[0].length;
    const rest = text.slice(end - 1, end + 40);
    if (match[1] === '`' && rest.startsWith('`${')) continue;
    found.push(rest);
  }
  return found;
}

describe('architecture', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer} imports only ${allowed.join(', ')}`, () => {
      expect(layerViolations(layer)).toEqual([]);
    });
  }

  it('SQL lives only in src/db', () => {
    const offenders = LAYERS.filter((layer) => layer !== 'db').flatMap((layer) =>
      sourceFiles(join(SRC, layer))
        .filter((file) => sqlFound(readFileSync(file, 'utf8')).length > 0)
        .map((file) => relative(ROOT, file)),
    );
    expect(offenders).toEqual([]);
  });

  it('errors a person reads are worded by the catalogue, not written in English', () => {
    const offenders = LAYERS.flatMap((layer) =>
      sourceFiles(join(SRC, layer))
        .filter((file) => !file.endsWith('.test.ts') && unwordedErrors(readFileSync(file, 'utf8')).length > 0)
        .map((file) => relative(ROOT, file)),
    );
    expect(offenders).toEqual([]);
  });

  it('core does no I/O and reads no clock or randomness', () => {
    const offenders = sourceFiles(join(SRC, 'core')).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return /from 'node:|Math\.random|Date\.now\(|new Date\(\)|process\./.test(text);
    });
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });
});

describe('the architecture checks catch planted violations', () => {
  it('an upward import from a capability folder of src/db', () => {
    const file = join(SRC, 'db', 'ledger', 'planted.ts');
    expect(importedLayers(file, "import { listCustomers } from '../../app/customers/customers.ts';")).toEqual(
      ['app'],
    );
    expect(importedLayers(file, "import type { AppContext } from '#app/context';")).toEqual(['app']);
    expect(importedLayers(file, "import { openItemsAsOf } from '../ledger/open-items.ts';")).toEqual(['db']);
  });

  it('an error written in English', () => {
    const template = ['`no customer $', '{code}`'].join('');
    expect(unwordedErrors(`throw new DomainError('not_found', ${template});`)).not.toEqual([]);
    expect(unwordedErrors("throw new DomainError(\n  'conflict',\n  'already decided',\n);")).not.toEqual([]);
    expect(unwordedErrors("throw new HttpProblem(403, 'forbidden', 'not allowed');")).not.toEqual([]);
    expect(unwordedErrors("new DomainError('not_found', { key: 'errors.x', params: { code } })")).toEqual([]);
    expect(unwordedErrors("new HttpProblem(401, 'unauthenticated', { key: 'errors.http.x' })")).toEqual([]);
    const worded = ['`$', "{t('cli.error.lang')} ($", '{value})`'].join('');
    expect(unwordedErrors(`new DomainError('invalid_input', ${worded})`)).toEqual([]);
  });

  it('SQL planted in a use case', () => {
    expect(sqlFound("await ctx.db.selectFrom('customers').selectAll().execute();")).not.toEqual([]);
    expect(sqlFound('await sql`select 1`.execute(ctx.db);')).not.toEqual([]);
    expect(sqlFound("const text = 'SELECT code FROM customers WHERE company_id = $1';")).not.toEqual([]);
    expect(sqlFound('await client.query(`delete from documents where id = 42`);')).not.toEqual([]);
    expect(sqlFound("import { type Kysely } from 'kysely';\nconst text = 'Choose a customer';")).toEqual([]);
  });
});
