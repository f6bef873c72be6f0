/**
 * Upgrading a database that already holds a ledger: migration 0003 fills the open-item state of
 * the documents and allocations stored before it, so the reports read a complete state from the
 * first start after the upgrade (PGlite, or PostgreSQL with ENCOURS_TEST_DATABASE_URL).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, silentLogger } from '#app/context';
import { generateDemoDataset } from '#app/demo/demo';
import { loadDataset } from '#app/demo/load-dataset';
import { type DatabaseHandle, openDatabase } from '#db/infra/connect';
import { listMigrations, MIGRATIONS_DIR, migrate } from '#db/infra/migrate';
import { openItemStateDifferences } from '#db/ledger/open-items';
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

describe('migration 0003 on an existing ledger', () => {
  it('fills the open-item state of the documents already stored', async () => {
    const before = mkdtempSync(join(tmpdir(), 'encours-migrations-'));
    for (const migration of listMigrations().filter((m) => m.version < 3))
      copyFileSync(join(MIGRATIONS_DIR, `${migration.name}.sql`), join(before, `${migration.name}.sql`));
    await migrate(handle.pool, before);
    // Today's loader records who created customers and documents (migration 0014 adds the column
    // when missing) and each story line's message (0067, likewise): the columns are given to the
    // old schema so that the old ledger can be stored.
    await handle.pool.query(
      'alter table customers add column created_by text; alter table documents add column created_by text; ' +
        'alter table customer_events add column message_key text, add column message_params jsonb',
    );
    const ctx = { db: handle.db, clock: fixedClock('2026-06-30'), log: silentLogger, actor: 'test' };
    // The demo ledger as it could have been stored then: no company identity, no credit data,
    const demo = generateDemoDataset();
    const { identity: _identity, ...company } = demo.company;
    // …and no auditor: that role came with migration 0014.
    await loadDataset(ctx, { ...demo, company, users: demo.users.filter((user) => user.role !== 'auditor') });
    const counts = await handle.pool.query<{ documents: string; allocations: string }>(
      `select (select count(*) from documents) as documents, (select count(*) from allocations) as allocations`,
    );
    expect(Number(counts.rows[0]?.documents)).toBeGreaterThan(20_000);
    expect(Number(counts.rows[0]?.allocations)).toBeGreaterThan(10_000);

    expect(await migrate(handle.pool)).toContain('0003_open_items');
    expect(await openItemStateDifferences(handle.db, 'CB2C')).toEqual([]);
    const state = await handle.pool.query<{ open: string; settled: string }>(
      `select (select count(*) from open_items) as open, (select count(*) from settled_documents) as settled`,
    );
    expect(Number(state.rows[0]?.open) + Number(state.rows[0]?.settled)).toBe(
      Number(counts.rows[0]?.documents),
    );
  });
});
