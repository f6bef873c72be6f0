/**
 * The version of a company's forecast inputs (migration 0078, db/forecast/forecast-input-version.ts):
 * moved by every committed write to what the forecast reads and by nothing else, one step per
 * transaction, by a transaction that began before another's write and commits after it too, and kept
 * through the log's compaction.
 */
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  sql,
} from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { forecastCollections } from '#app/forecast/collections';
import { forecastLateCost } from '#app/forecast/late-cost';
import { selectForecastInputVersion } from '#db/forecast/forecast-input-version';
import { inReportSnapshot } from '#db/reports/report-session';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, serverUrl, type TestDatabase } from '../support/test-db.ts';
import { doc } from './stored-predictions.fixture.ts';

const AS_OF = '2026-04-30';
let database: TestDatabase;

const versionOf = async (companyId: string) =>
  Number(
    await inReportSnapshot(database.runtime.handle.db, (trx) => selectForecastInputVersion(trx, companyId)),
  );
const run = (statement: string) => sql.raw(statement).execute(database.runtime.handle.db);
const logRows = async (companyId: string) => {
  const result = await sql<{ rows: number }>`select count(*)::int as rows from forecast_input_writes
    where company_id = ${companyId}`.execute(database.runtime.handle.db);
  return result.rows[0]?.rows;
};

async function loadCompany(code: string) {
  await loadDataset(
    { ...database.context(code), actor: 'test' },
    {
      company: { code, name: `${code} SA`, currency: 'EUR', asOf: AS_OF },
      customers: [customer('C1'), customer('C2')],
      documents: [
        doc('invoice', 'I1', 'C1', '2026-01-01', '2026-01-31', 100_000),
        doc('invoice', 'I2', 'C1', '2026-03-01', '2026-03-31', 80_000),
        doc('invoice', 'J1', 'C2', '2026-02-15', '2026-03-17', 90_000),
        doc('payment', 'P1', 'C1', '2026-02-10', '2026-02-10', -100_000),
        doc('payment', 'P2', 'C1', '2026-04-02', '2026-04-02', -50_000),
      ],
      allocations: [{ debitRef: 'I1', creditRef: 'P1', amountMinor: 100_000, allocationDate: '2026-02-10' }],
      reversals: [],
      orders: [],
      events: [],
    },
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  await loadCompany('FA');
  await loadCompany('FB');
});

afterAll(async () => {
  await database?.close();
});

/** Writes of FA that the forecast reads: each moves FA's version by one. */
const inputWrites: [string, string][] = [
  ['the currency', `update companies set currency = 'EUR', name = 'FA SAS' where company_id = 'FA'`],
  ['a customer', `update customers set salesperson = 'Paul Martin' where company_id = 'FA' and code = 'C1'`],
  [
    'a document',
    `update documents set due_date = date '2026-04-05' where company_id = 'FA' and external_ref = 'I2'`,
  ],
  [
    'an allocation',
    `insert into allocations (company_id, debit_document_id, credit_document_id, amount_minor, allocation_date,
       source, created_by)
     select 'FA', i.document_id, p.document_id, 1, date '2026-04-01', 'manual', 'test'
       from documents i, documents p where i.company_id = 'FA' and i.external_ref = 'I2'
        and p.company_id = 'FA' and p.external_ref = 'P2'`,
  ],
  [
    'a reminder in the story',
    `insert into customer_events (company_id, customer_code, kind, event_date, document_ref, detail)
     values ('FA', 'C1', 'reminder', date '2026-04-10', 'I2', 'Relance niveau 1')`,
  ],
  [
    'a BODACC announcement',
    `insert into legal_announcements (company_id, announcement_id, customer_code, siren, family, procedure,
       judgment_kind, judgment_date, publication_date, created_by)
     values ('FA', 'A1', 'C2', '123456789', 'collective', 'safeguard', 'opening', date '2026-04-02',
       date '2026-04-09', 'test')`,
  ],
  [
    'the audit line of a move into a procedure',
    `insert into audit_log (company_id, actor, action, entity, entity_key, before, after)
     values ('FA', 'test', 'customer.update', 'customer', 'C1', '{"status":"active"}', '{"status":"safeguard"}')`,
  ],
  [
    'a promise',
    `insert into dunning_promises (company_id, customer_code, made_on, currency, created_by)
     values ('FA', 'C1', date '2026-04-12', 'EUR', 'test')`,
  ],
];

/** Writes that leave FA's forecast as it is. */
const otherWrites: [string, string][] = [
  ['a user', `insert into users (company_id, email, name, role) values ('FA', 'u@fa.example', 'U', 'admin')`],
  [
    'a session',
    `insert into sessions (company_id, session_hash, email, csrf_token, expires_at)
     values ('FA', repeat('a', 64), 'u@fa.example', 'csrf', now() + interval '1 hour')`,
  ],
  [
    'an audit line of a sign-in or a setting',
    `insert into audit_log (company_id, actor, action, entity, entity_key, before, after)
     values ('FA', 'test', 'user.create', 'user', 'u@fa.example', null, '{"role":"admin"}'),
            ('FA', 'test', 'customer.update', 'customer', 'C1', null, '{"billingEmail":"c1@example.com"}')`,
  ],
  [
    'a note in the story',
    `insert into customer_events (company_id, customer_code, kind, event_date, detail)
     values ('FA', 'C1', 'note', date '2026-04-10', 'Appelé')`,
  ],
  ['another company’s ledger', `update documents set label = 'x' where company_id = 'FB'`],
];

describe('the version of the forecast inputs', () => {
  it.each(inputWrites)('moves by one on a write to %s', async (_, statement) => {
    const before = await versionOf('FA');
    const other = await versionOf('FB');
    await run(statement);
    expect(await versionOf('FA')).toBe(before + 1);
    expect(await versionOf('FB')).toBe(other);
  });

  it.each(otherWrites)('stays after %s', async (_, statement) => {
    const before = await versionOf('FA');
    const snapshot = await sql`select pg_current_snapshot()::text as s`.execute(database.runtime.handle.db);
    await run(statement);
    const after = await sql`select pg_current_snapshot()::text as s`.execute(database.runtime.handle.db);
    expect(after.rows).not.toEqual(snapshot.rows);
    expect(await versionOf('FA')).toBe(before);
  });

  it('moves once for a transaction of several statements', async () => {
    const before = await versionOf('FA');
    await database.runtime.handle.db.transaction().execute(async (trx) => {
      for (const salesperson of ['A', 'B', 'C'])
        await sql`update customers set salesperson = ${salesperson} where company_id = 'FA'`.execute(trx);
    });
    expect(await versionOf('FA')).toBe(before + 1);
  });

  it('keeps its count through the compaction of the log, which stays short', async () => {
    const before = await versionOf('FB');
    for (let write = 0; write < 300; write += 1)
      await run(`update companies set name = 'FB ${write}' where company_id = 'FB'`);
    expect(await versionOf('FB')).toBe(before + 300);
    // Compacted at each write id multiple of 128: one row for the past, then one per transaction.
    expect(await logRows('FB')).toBeLessThanOrEqual(129);
  });

  it('counts a write made after its own transaction compacted the log', async () => {
    const before = { fa: await versionOf('FA'), fb: await versionOf('FB') };
    await run(`select setval(pg_get_serial_sequence('forecast_input_writes', 'write_id'),
      (select (max(write_id) / 128 + 1) * 128 - 1 from forecast_input_writes))`);
    await database.runtime.handle.db.transaction().execute(async (trx) => {
      // Write id multiple of 128: this statement compacts every company's log, FA's too.
      await sql`update companies set name = 'FB' where company_id = 'FB'`.execute(trx);
      await sql`update companies set name = 'FA' where company_id = 'FA'`.execute(trx);
    });
    expect(await versionOf('FB')).toBe(before.fb + 1);
    expect(await versionOf('FA')).toBe(before.fa + 1);
    expect(await logRows('FA')).toBe(2);
  });

  // The embedded engine has one connection: its transactions never overlap.
  it.skipIf(!serverUrl)('moves when a transaction begun before another write commits after it', async () => {
    const early = new pg.Client({ connectionString: database.url });
    await early.connect();
    try {
      await early.query('begin');
      await early.query(`update documents set due_date = date '2026-04-20'
        where company_id = 'FA' and external_ref = 'I2'`);
      const maxId = sql<{ id: number }>`select max(write_id)::int8 as id from forecast_input_writes`;
      // A later transaction writes and commits first: its log row has the higher id.
      await run(`update customers set salesperson = 'Later' where company_id = 'FA' and code = 'C2'`);
      const seen = await versionOf('FA');
      const latest = (await maxId.execute(database.runtime.handle.db)).rows[0]?.id;
      await early.query('commit');
      expect((await maxId.execute(database.runtime.handle.db)).rows[0]?.id).toBe(latest);
      expect(await versionOf('FA')).toBe(seen + 1);
    } finally {
      await early.end();
    }
  });
});

/** The names after `from` or `join` in the SQL text the context runs, and the tables its builders name. */
function tablesRead(ctx: AppContext) {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node && typeof node === 'object') {
      const { kind, table } = node as { kind?: string; table?: { identifier?: { name?: string } } };
      const name = table?.identifier?.name;
      if (kind === 'TableNode' && name) names.add(name);
      for (const value of Object.values(node)) visit(value);
    } else if (typeof node === 'string')
      for (const match of node.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_]*)/g))
        if (match[1]) names.add(match[1]);
  };
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs) {
      visit(args.node);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs) {
      return args.result;
    },
  };
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, names };
}

describe('the tables the forecast reads', () => {
  it('are all watched, but for those the key says otherwise', async () => {
    const { ctx, names } = tablesRead(database.context('FA'));
    await Promise.all([
      forecastCollections(ctx, { asOf: AS_OF, weeks: 13 }),
      forecastLateCost(ctx, { asOf: AS_OF, limit: 1 }),
    ]);
    const tables = await sql<{ name: string; watched: boolean }>`
      select c.relname as name, exists (select 1 from pg_trigger t where t.tgrelid = c.oid
               and t.tgname = c.relname || '_forecast_input_insert') as watched
        from pg_class c where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
         and c.relname = any (${[...names]}::text[])`.execute(database.runtime.handle.db);
    const unwatched = tables.rows.filter((table) => !table.watched).map((table) => table.name);
    // The SQL text of the training, the events and the proceedings is seen, not only the builders'.
    expect(tables.rows.map((table) => table.name)).toEqual(
      expect.arrayContaining(['allocations', 'audit_log', 'customer_events', 'dunning_promises']),
    );
    expect(unwatched.sort()).toEqual([
      // Read by each call outside the shared reads: the cost of lateness's rate.
      'financing_settings',
      // The version itself.
      'forecast_input_writes',
      // Read by each call outside the shared reads: the stored model's id is in their key.
      'forecast_models',
      // Read by each call outside the shared reads: the past errors that widen the band.
      'forecast_runs',
      'forecast_weeks',
      // Kept by the triggers of documents and allocations, in the same statements.
      'open_items',
      'settled_documents',
    ]);
  });
});
