/**
 * Databases built once and reused by every test file instead of being rebuilt by each: an empty
 * cluster (creating one costs the embedded engine 5–15 s of WASM work), the same with every
 * migration applied, and the demo company loaded on top (another 10–20 s). On PGlite an image is
 * a file (the cluster as a tarball, in node_modules/.cache) that each test opens a new in-memory
 * engine from; on a PostgreSQL server it is a template database each test copies.
 *
 * An image is named after a hash of everything that built it — the engine version, the
 * migrations, every source file the build can run (the import closure of its entry points) and
 * this file — so changing any of them builds a new image instead of reusing a stale one.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { type DatabaseHandle, openDatabase } from '#db/infra/connect';
import { MIGRATIONS_DIR, migrate } from '#db/infra/migrate';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const CACHE_DIR =
  process.env['ENCOURS_TEST_IMAGE_DIR'] ?? join(ROOT, 'node_modules', '.cache', 'encours-test-images');
/** Images of an older hash are removed once this old: a run started before a change may still read them. */
const STALE_AFTER_MS = 15 * 60 * 1000;
const LOCK_STALE_AFTER_MS = 10 * 60 * 1000;
/** The date every test context and every image build uses. */
export const TEST_TODAY = '2026-06-30';

export interface ImageRecipe {
  /** Lower-case letters, digits and '_': part of a file and a database name. */
  name: string;
  base: ImageRecipe | null;
  migrate: boolean;
  /** Source files whose import closure the build runs (relative to the repository). */
  entries: string[];
  build?(ctx: AppContext): Promise<void>;
}

export const CLUSTER: ImageRecipe = { name: 'cluster', base: null, migrate: false, entries: [] };
export const MIGRATED: ImageRecipe = {
  name: 'migrated',
  base: CLUSTER,
  migrate: true,
  entries: ['src/db/infra/migrate.ts'],
};

const demoRecipes = new Map<string, ImageRecipe>();

/** The demo company SA CB2C, loaded by `actor` on TEST_TODAY, as each demo test file loaded it. */
export function demoRecipe(actor: 'test' | 'system'): ImageRecipe {
  const known = demoRecipes.get(actor);
  if (known) return known;
  const recipe: ImageRecipe = {
    name: `demo_${actor}`,
    base: MIGRATED,
    migrate: true,
    entries: ['src/app/demo/demo.ts'],
    async build(ctx) {
      const { loadDemoCompany } = await import('#app/demo/demo');
      await loadDemoCompany({ ...ctx, actor });
    },
  };
  demoRecipes.set(actor, recipe);
  return recipe;
}

const hashes = new Map<ImageRecipe, string>();

export function hashOf(recipe: ImageRecipe): string {
  const known = hashes.get(recipe);
  if (known) return known;
  const hash = createHash('sha256');
  hash.update(`${recipe.name}\n${recipe.base ? hashOf(recipe.base) : ''}\n`);
  const engine = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  );
  hash.update(`pglite ${engine.version}\n`);
  const files = [import.meta.filename, ...importClosure(recipe.entries.map((entry) => join(ROOT, entry)))];
  if (recipe.migrate) files.push(...readdirSync(MIGRATIONS_DIR).map((file) => join(MIGRATIONS_DIR, file)));
  // Paths relative to the repository: two checkouts of the same sources share a server's templates.
  for (const file of files.sort())
    hash
      .update(`${relative(ROOT, file)}\n`)
      .update(readFileSync(file))
      .update('\n');
  const digest = hash.digest('hex').slice(0, 16);
  hashes.set(recipe, digest);
  return digest;
}

const ALIASES: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).imports;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** Every repository source file reachable by import from `entries` (packages left out). */
function importClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveSpecifier(file, specifier ?? '');
      if (target && existsSync(target)) pending.push(target);
    }
  }
  return [...seen];
}

function resolveSpecifier(from: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  const alias = /^(#[a-z]+)\/(.+)$/.exec(specifier);
  const pattern = alias ? ALIASES[`${alias[1]}/*`] : undefined;
  return pattern && alias ? join(ROOT, pattern.replace('*', alias[2] ?? '')) : null;
}

/** Opens the database a recipe starts from, runs it, and hands the open handle to `save`. */
async function runRecipe(
  recipe: ImageRecipe,
  open: () => Promise<DatabaseHandle>,
  save: (handle: DatabaseHandle) => Promise<void>,
): Promise<void> {
  const handle = await open();
  try {
    if (recipe.migrate) await migrate(handle.pool);
    await recipe.build?.({
      db: handle.db,
      clock: fixedClock(TEST_TODAY),
      log: silentLogger,
      companyId: 'CB2C',
      actor: 'test',
    });
    await save(handle);
  } finally {
    await handle.close();
  }
}

const ready = new Map<string, Promise<string>>();

/** The image file of a recipe for the embedded engine, built first if missing. */
export function embeddedImage(recipe: ImageRecipe): Promise<string> {
  const file = join(CACHE_DIR, `${recipe.name}-${hashOf(recipe)}.tar`);
  let image = ready.get(file);
  if (!image) {
    image = existsSync(file) ? Promise.resolve(file) : buildEmbeddedImage(recipe, file);
    ready.set(file, image);
  }
  return image;
}

async function buildEmbeddedImage(recipe: ImageRecipe, file: string): Promise<string> {
  const base = recipe.base ? await embeddedImage(recipe.base) : undefined;
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written aside then renamed: a test run in another process never reads half an image.
  const partial = `${file}.${process.pid}.partial`;
  await buildOnce(file, () =>
    runRecipe(
      recipe,
      () => openDatabase({ url: 'memory://', image: base }),
      async (handle) => {
        try {
          await handle.saveImage?.(partial);
          // Read after the save's checkpoint: the segment being written now, the last one needed.
          const { rows } = await handle.pool.query<{ segment: string }>(
            'select pg_walfile_name(pg_current_wal_insert_lsn()) as segment',
          );
          writeFileSync(partial, trimmedImage(readFileSync(partial), rows[0]?.segment ?? ''));
          renameSync(partial, file);
        } finally {
          rmSync(partial, { force: true });
        }
      },
    ),
  );
  for (const other of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, other);
    if (other.startsWith(`${recipe.name}-`) && path !== file && isStale(statSync(path).mtimeMs))
      rmSync(path, { recursive: true, force: true });
  }
  return file;
}

const WAL_SEGMENT = /^\/?pg_wal\/([0-9A-F]{24})$/;
const BLOCK = 512;

/**
 * The image without the WAL segments past `lastSegment` and uncompressed: opening an image costs
 * seconds of CPU per test file, most of it unpacking and copying every file into the engine's
 * memory. After a checkpoint PostgreSQL keeps several 16 MB segments recycled for later writes
 * (two thirds of the demo image), old WAL that recovery never reads: a missing segment past the
 * end of the WAL is one it creates when it needs it. Left uncompressed, the tarball is read as it
 * is instead of being gunzipped by every test (PGlite takes a plain tar first).
 */
export function trimmedImage(packed: Buffer, lastSegment: string): Buffer {
  const tar = packed[0] === 0x1f && packed[1] === 0x8b ? gunzipSync(packed) : packed;
  const kept: Buffer[] = [];
  let dropped = 0;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const { name, size } = tarEntry(header);
    const end = offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const segment = WAL_SEGMENT.exec(name)?.[1];
    if (segment && lastSegment && segment > lastSegment) dropped++;
    else kept.push(tar.subarray(offset, end));
    offset = end;
  }
  if (!lastSegment || dropped === 0) return tar;
  kept.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(kept);
}

/**
 * Makes `dir` the data directory of the embedded engine as the image left it, for a test that runs
 * `encours --data-dir`: a new data directory would otherwise create its cluster and apply every
 * migration first (seconds of CPU for each). The image's tarball is that directory, file for file.
 */
export async function seedDataDir(dir: string, recipe: ImageRecipe = MIGRATED): Promise<void> {
  const tar = readFileSync(await embeddedImage(recipe));
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const { name, size, type } = tarEntry(header);
    const path = join(dir, name);
    if (!path.startsWith(`${dir}/`)) throw new Error(`an image entry outside its directory: ${name}`);
    if (type === '5') mkdirSync(path, { recursive: true });
    else if (type === '0' || type === '\0') {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, tar.subarray(offset + BLOCK, offset + BLOCK + size));
    }
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
}

function tarEntry(header: Buffer): { name: string; size: number; type: string } {
  const text = (from: number, to: number) =>
    header.subarray(from, to).toString('latin1').replace(/\0.*$/s, '');
  const name = text(0, 100);
  const prefix = text(345, 500);
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size: Number.parseInt(text(124, 136).trim() || '0', 8),
    type: String.fromCharCode(header[156] ?? 0),
  };
}

const isStale = (builtAtMs: number) => Date.now() - builtAtMs > STALE_AFTER_MS;

/**
 * Builds an image file unless another process is building it, in which case this one waits for
 * the file rather than spending the same minute of CPU (the machines we test on are shared).
 */
async function buildOnce(file: string, build: () => Promise<void>): Promise<void> {
  const lock = `${file}.lock`;
  while (!existsSync(file)) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      if (lockIsAbandoned(lock)) rmSync(lock, { recursive: true, force: true });
      else await delay(250);
      continue;
    }
    try {
      if (!existsSync(file)) await build();
    } finally {
      rmSync(lock, { force: true });
    }
  }
}

/** The builder was killed (a test timed out, Ctrl-C): its lock must not hold up the others. */
function lockIsAbandoned(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_AFTER_MS) return true;
    process.kill(Number(readFileSync(lock, 'utf8')), 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ESRCH: no such process. ENOENT: released meanwhile; EPERM: alive under another user.
    // (A lock just created and still empty reads as pid 0, this process group: alive.)
    return code === 'ESRCH' || code === 'EISDIR';
  }
}

export function serverDatabaseUrl(serverUrl: string, name: string): string {
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  return target.toString();
}

/** The name of a recipe's template database on the server, built first if missing. */
export function serverTemplate(serverUrl: string, recipe: ImageRecipe): Promise<string> {
  // A new database on a server is already an empty cluster.
  if (!recipe.migrate && !recipe.build) return Promise.resolve('template1');
  const name = `encours_test_tpl_${recipe.name}_${hashOf(recipe)}`;
  let template = ready.get(name);
  if (!template) {
    template = buildServerTemplate(serverUrl, recipe, name);
    ready.set(name, template);
  }
  return template;
}

async function buildServerTemplate(serverUrl: string, recipe: ImageRecipe, name: string): Promise<string> {
  const base = recipe.base ? await serverTemplate(serverUrl, recipe.base) : 'template1';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Test runs of other processes build the same template at most once, one after the other.
    await admin.query('select pg_advisory_lock($1)', [Number.parseInt(hashOf(recipe).slice(0, 12), 16)]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return name;
    const building = `${name}_${process.pid}`;
    await admin.query(`drop database if exists ${building}`);
    await admin.query(`create database ${building} template ${base}`);
    await admin.query(`comment on database ${building} is '${Date.now()}'`);
    await runRecipe(
      recipe,
      () => openDatabase({ url: serverDatabaseUrl(serverUrl, building) }),
      async () => {},
    );
    // A renamed database must have no session left; the build's have closed but may not have ended yet.
    await waitForNoSession(admin, building);
    await admin.query(`alter database ${building} rename to ${name}`);
    await dropStaleTemplates(admin, recipe, name);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock_all()').catch(() => undefined);
    await admin.end();
  }
}

async function waitForNoSession(admin: pg.Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const sessions = await admin.query('select 1 from pg_stat_activity where datname = $1', [database]);
    if (!sessions.rowCount) return;
    await delay(50);
  }
}

async function dropStaleTemplates(admin: pg.Client, recipe: ImageRecipe, current: string): Promise<void> {
  const others = await admin.query<{ datname: string; built: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as built from pg_database
      where datname like $1 and datname <> $2`,
    [`encours\\_test\\_tpl\\_${recipe.name}\\_%`, current],
  );
  for (const other of others.rows)
    if (isStale(Number(other.built ?? Date.now())))
      // Not forced: a template another run is copying right now stays until a later build.
      await admin.query(`drop database if exists ${other.datname}`).catch(() => undefined);
}
