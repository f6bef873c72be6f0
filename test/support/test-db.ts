/**
 * Integration tests run against PGlite in memory by default, or against a PostgreSQL server
 * when ENCOURS_TEST_DATABASE_URL is set (each test file gets its own fresh database there).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type AppContext, fixedClock, silentLogger } from '#app/context';
import { openRuntime, type Runtime } from '#app/runtime';

export const serverUrl = process.env['ENCOURS_TEST_DATABASE_URL'];

export interface TestDatabase {
  runtime: Runtime;
  url: string;
  context(companyId: string, today?: string): AppContext;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  let url = 'memory://';
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `encours_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
  return {
    runtime,
    url,
    context: (companyId, today = '2026-06-30') => ({
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
