/**
 * Integration tests run against PGlite in memory by default, or against a PostgreSQL server
 * when ENCOURS_TEST_DATABASE_URL is set (each test file gets its own fresh database there).
 * Fresh databases are copies of images built once per change of their sources (test-images.ts):
 * every migration applied, and for openDemoTestDatabase the demo company loaded.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { openRuntime, type Runtime } from '#app/runtime';
import {
  demoRecipe,
  embeddedImage,
  type ImageRecipe,
  MIGRATED,
  serverDatabaseUrl,
  serverTemplate,
  TEST_TODAY,
} from './test-images.ts';

export const serverUrl = process.env['ENCOURS_TEST_DATABASE_URL'];

export interface TestDatabase {
  runtime: Runtime;
  url: string;
  context(companyId: string, today?: string): AppContext;
  close(): Promise<void>;
}

/** A database with every migration applied and no company. */
export function openTestDatabase(): Promise<TestDatabase> {
  return openImage(MIGRATED);
}

/**
 * A database holding the demo company SA CB2C exactly as `loadDemoCompany` with `actor` on
 * 2026-06-30 leaves it — without loading it again for each test file.
 */
export function openDemoTestDatabase(options: { actor?: 'test' | 'system' } = {}): Promise<TestDatabase> {
  return openImage(demoRecipe(options.actor ?? 'test'));
}

async function openImage(recipe: ImageRecipe): Promise<TestDatabase> {
  let url = 'memory://';
  let image: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const template = await serverTemplate(serverUrl, recipe);
    const name = `encours_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    url = serverDatabaseUrl(serverUrl, name);
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  } else image = await embeddedImage(recipe);
  const runtime = await openRuntime({ url, image }, { clock: fixedClock(TEST_TODAY), log: silentLogger });
  return {
    runtime,
    url,
    context: (companyId, today = TEST_TODAY) => ({
      db: runtime.handle.db,
      clock: fixedClock(today),
      log: silentLogger,
      companyId,
      actor: 'test',
    }),
    async close() {
      await runtime.close();
      await dropDatabase();
    },
  };
}
