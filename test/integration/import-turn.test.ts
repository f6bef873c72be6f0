/**
 * Imports of one entity take turns (takeImportTurn, an advisory lock), and the wait for the turn
 * is bounded: past the limit the import answers a conflict saying another import of the same
 * kind is running, and writes nothing. On PostgreSQL another connection holds the turn; the
 * embedded engine has one connection, so its imports wait for each other on the pool instead and
 * the turn is always free.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { importFile } from '#app/imports/import-file';
import { takeImportTurn } from '#db/imports/import-runs';
import { type DatabaseHandle, openDatabase } from '#db/infra/connect';
import { rejection } from '../support/rejection.ts';
import { openTestDatabase, serverUrl, type TestDatabase } from '../support/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-import-turn-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const CUSTOMERS = file('clients.csv', 'Code client;Raison sociale\nT1;Tour un\n');

let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('TURN');
  await ensureCompany(ctx, { companyId: 'TURN', name: 'Import turns' });
});
afterAll(async () => database?.close());

async function written() {
  const counts = await sql<{ customers: number; runs: number }>`
    select (select count(*)::int from customers where company_id = 'TURN') as customers,
      (select count(*)::int from import_runs where company_id = 'TURN') as runs`.execute(ctx.db);
  return counts.rows[0];
}

/** Another connection's transaction holding the customers' import turn until `release`. */
async function holdTurn(other: DatabaseHandle) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let taken = (_turn: boolean) => {};
  const holding = new Promise<boolean>((resolve) => {
    taken = resolve;
  });
  const done = other.db.transaction().execute(async (trx) => {
    taken(await takeImportTurn(trx, 'TURN', 'customers', 1000));
    await released;
  });
  expect(await holding).toBe(true);
  return {
    release: async () => {
      release();
      await done;
    },
  };
}

/** Sessions of this database other than `other`'s own statement waiting on a lock. */
async function waitingOnLock(other: DatabaseHandle): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`.execute(
    other.db,
  );
  return result.rows[0]?.n ?? 0;
}

describe.skipIf(!serverUrl)('the turn held by another connection (PostgreSQL)', () => {
  let other: DatabaseHandle;
  beforeAll(async () => {
    other = await openDatabase({ url: database.url });
  });
  afterAll(async () => other?.close());

  it('refuses past the limit with a conflict saying another import runs, and writes nothing', async () => {
    const holder = await holdTurn(other);
    try {
      const error = await rejection(
        importFile(ctx, { entity: 'customers', filePath: CUSTOMERS, lang: 'en', turnWaitMs: 50 }),
      );
      expect(error.code).toBe('conflict');
      expect(error.details).toEqual({ reason: 'import_turn_timeout' });
      expect(error.message).toBe(
        'The file clients.csv was not imported: another import of the same kind is running and did not finish in time. Nothing was written; try again once it has finished.',
      );
      expect(await written()).toEqual({ customers: 0, runs: 0 });
      // Another entity's imports do not wait for this one.
      await ctx.db.transaction().execute(async (trx) => {
        expect(await takeImportTurn(trx, 'TURN', 'invoices', 50)).toBe(true);
      });
    } finally {
      await holder.release();
    }
    expect(await importFile(ctx, { entity: 'customers', filePath: CUSTOMERS })).toMatchObject({
      inserted: 1,
    });
  });

  it('waits within the limit, takes the turn when the other ends, and leaves lock_timeout as it was', async () => {
    const holder = await holdTurn(other);
    let released = false;
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const turn = takeImportTurn(trx, 'TURN', 'customers', 120_000);
        await expect.poll(() => waitingOnLock(other)).toBe(1);
        await holder.release();
        released = true;
        expect(await turn).toBe(true);
        const timeout = await sql<{ value: string }>`select current_setting('lock_timeout') as value`.execute(
          trx,
        );
        expect(timeout.rows[0]?.value).toBe('0');
      });
    } finally {
      if (!released) await holder.release();
    }
  });
});

describe.skipIf(Boolean(serverUrl))('the turn on the embedded engine (one connection)', () => {
  it('is always free: imports started together run one after the other, even with a tiny limit', async () => {
    const other = file('clients-2.csv', 'Code client;Raison sociale\nT2;Tour deux\n');
    const both = await Promise.all([
      importFile(ctx, { entity: 'customers', filePath: other, turnWaitMs: 1 }),
      importFile(ctx, { entity: 'customers', filePath: other, turnWaitMs: 1 }),
    ]);
    expect(both.map((summary) => summary.inserted).sort()).toEqual([0, 1]);
    await ctx.db.transaction().execute(async (trx) => {
      expect(await takeImportTurn(trx, 'TURN', 'customers', 1)).toBe(true);
    });
  });
});
