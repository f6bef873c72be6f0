/**
 * Migration 0072: the 1st half of 2026 was seeded « BCE 18/12/2025 », though its 2.15 % ECB rate
 * has applied since 11/06/2025 (the December 2025 meeting changed nothing). The seeded row gets
 * the date its rate took effect; a row an admin saved stays as they saved it (PGlite, or PostgreSQL
 * with ENCOURS_TEST_DATABASE_URL).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '#db/infra/connect';
import { listMigrations, MIGRATIONS_DIR, migrate } from '#db/infra/migrate';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CLUSTER, embeddedImage } from '../support/test-images.ts';

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const one of opened.reverse()) await one.close();
});

/** A fresh database of the test engine, opened without the runtime so that no migration runs yet. */
async function emptyDatabase(): Promise<DatabaseHandle> {
  if (!process.env['ENCOURS_TEST_DATABASE_URL']) {
    const handle = await openDatabase({ url: 'memory://', image: await embeddedImage(CLUSTER) });
    opened.push(handle);
    return handle;
  }
  const server: TestDatabase = await openTestDatabase();
  opened.push(server);
  await server.runtime.handle.pool.query('drop schema public cascade; create schema public');
  const handle = await openDatabase({ url: server.url });
  opened.push(handle);
  return handle;
}

/** A folder with the migrations before `version`: the database as an older release left it. */
function migrationsBelow(version: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'encours-migrations-'));
  for (const migration of listMigrations().filter((m) => m.version < version))
    copyFileSync(join(MIGRATIONS_DIR, `${migration.name}.sql`), join(folder, `${migration.name}.sql`));
  return folder;
}

const firstHalf2026 = async (handle: DatabaseHandle) =>
  (
    await handle.pool.query(
      `select ecb_rate_bps, legal_interest_rate_bps, source, updated_by
       from late_payment_rates where semester = '2026H1'`,
    )
  ).rows[0];

describe('migration 0072 on the 1st half of 2026', () => {
  it('dates the seeded ECB rate from when it took effect, 11/06/2025', async () => {
    const handle = await emptyDatabase();
    await migrate(handle.pool, migrationsBelow(72));
    expect((await firstHalf2026(handle))?.source).toBe('BCE 18/12/2025; taux légal 2026 S1');
    expect(await migrate(handle.pool, migrationsBelow(73))).toEqual(['0072_ecb_rate_since']);
    expect(await firstHalf2026(handle)).toEqual({
      ecb_rate_bps: 215,
      legal_interest_rate_bps: 262,
      source: 'BCE 11/06/2025; taux légal 2026 S1',
      updated_by: 'migration',
    });
  });

  it('leaves the row an admin saved, even with the old words', async () => {
    const handle = await emptyDatabase();
    await migrate(handle.pool, migrationsBelow(72));
    await handle.pool.query(
      `update late_payment_rates set legal_interest_rate_bps = 263, updated_by = 'admin@cb2c.example'
       where semester = '2026H1'`,
    );
    expect(await migrate(handle.pool, migrationsBelow(73))).toEqual(['0072_ecb_rate_since']);
    expect(await firstHalf2026(handle)).toEqual({
      ecb_rate_bps: 215,
      legal_interest_rate_bps: 263,
      source: 'BCE 18/12/2025; taux légal 2026 S1',
      updated_by: 'admin@cb2c.example',
    });
  });
});
