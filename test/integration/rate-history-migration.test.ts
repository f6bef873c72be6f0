/**
 * Upgrading a database whose rate table an admin already completed by hand: migration 0071 adds
 * the half-years from 2014H2 to 2022H2 that are missing and the 2023 legal rates that are still
 * null, and leaves every rate someone entered as it was (PGlite, or PostgreSQL with
 * ENCOURS_TEST_DATABASE_URL).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '#db/infra/connect';
import { listMigrations, MIGRATIONS_DIR, migrate } from '#db/infra/migrate';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CLUSTER, embeddedImage } from '../support/test-images.ts';

let server: TestDatabase | undefined;
let handle: DatabaseHandle;

beforeAll(async () => {
  // A fresh database of the test engine, opened without the runtime so that no migration runs yet.
  server = process.env['ENCOURS_TEST_DATABASE_URL'] ? await openTestDatabase() : undefined;
  if (server) {
    await server.runtime.handle.pool.query('drop schema public cascade; create schema public');
    handle = await openDatabase({ url: server.url });
  } else handle = await openDatabase({ url: 'memory://', image: await embeddedImage(CLUSTER) });
});
afterAll(async () => {
  await handle?.close();
  await server?.close();
});

/** A folder with the migrations before `version`: the database as an older release left it. */
function migrationsBelow(version: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'encours-migrations-'));
  for (const migration of listMigrations().filter((m) => m.version < version))
    copyFileSync(join(MIGRATIONS_DIR, `${migration.name}.sql`), join(folder, `${migration.name}.sql`));
  return folder;
}

interface StoredRate {
  semester: string;
  ecb_rate_bps: number;
  legal_interest_rate_bps: number | null;
  source: string;
  updated_by: string;
}

async function storedRates(): Promise<Map<string, StoredRate>> {
  const result = await handle.pool.query<StoredRate>(
    'select semester, ecb_rate_bps, legal_interest_rate_bps, source, updated_by from late_payment_rates',
  );
  return new Map(result.rows.map((row) => [row.semester, row]));
}

describe('migration 0071 on a rate table completed by hand', () => {
  it('adds what is missing and keeps what an admin entered', async () => {
    await migrate(handle.pool, migrationsBelow(71));
    // An admin entered 2019H1 (a typo in its ECB rate) and the legal rate of the 1st half of 2023.
    await handle.pool.query(
      `insert into late_payment_rates (semester, ecb_rate_bps, legal_interest_rate_bps, source, updated_by)
       values ('2019H1', 1, null, 'Banque de France', 'admin@cb2c.example')`,
    );
    await handle.pool.query(
      `update late_payment_rates set legal_interest_rate_bps = 207, updated_by = 'admin@cb2c.example'
       where semester = '2023H1'`,
    );

    expect(await migrate(handle.pool, migrationsBelow(72))).toEqual(['0071_rate_history']);
    const rates = await storedRates();
    expect(rates.size).toBe(25); // 2014H1 to 2026H1, no hole
    expect(rates.get('2019H1')).toEqual({
      semester: '2019H1',
      ecb_rate_bps: 1,
      legal_interest_rate_bps: null,
      source: 'Banque de France',
      updated_by: 'admin@cb2c.example',
    });
    expect(rates.get('2023H1')).toMatchObject({ legal_interest_rate_bps: 207, source: 'BCE 21/12/2022' });
    expect(rates.get('2023H2')).toEqual({
      semester: '2023H2',
      ecb_rate_bps: 400,
      legal_interest_rate_bps: 422,
      source: 'BCE 21/06/2023; taux légal 2023 S2',
      updated_by: 'migration',
    });
    expect(rates.get('2014H2')).toMatchObject({
      ecb_rate_bps: 15,
      legal_interest_rate_bps: 4,
      source: 'BCE 11/06/2014; taux légal 2014 S2',
    });
  });
});
