/**
 * The demo company loaded into the database agrees, customer by customer and date by date,
 * with an independent replay of the generated data; its planted situations hold in the database.
 * It is loaded on a day after its reference date, as a person would load it, and what it records
 * is dated on its reference date all the same.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, fixedClock } from '#app/context';
import { getCustomerFile, listCustomers } from '#app/customers/customers';
import { generateDemoDataset, loadDemoCompany } from '#app/demo/demo';
import { type DemoDataset, LedgerReplay } from '#demo/index';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let demo: DemoDataset;
let replay: LedgerReplay;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('CB2C');
  demo = generateDemoDataset();
  replay = new LedgerReplay(demo.documents, demo.allocations, demo.reversals);
  await loadDemoCompany({ ...ctx, actor: 'test', clock: fixedClock(LOADED_ON) });
});

/** The day the demo is loaded: months after its reference date (2026-06-30). */
const LOADED_ON = '2026-12-07';
afterAll(async () => database?.close());

describe('demo company in the database', () => {
  it.each(['2024-06-30', '2025-06-30', '2026-03-15', '2026-06-30'])(
    'balances and overdue match the replay as of %s',
    async (asOf) => {
      const { items, total } = await listCustomers(ctx, { asOf });
      expect(total).toBe(demo.customers.length);
      for (const row of items) {
        expect([row.code, row.balanceMinor]).toEqual([row.code, replay.balanceAt(row.code, asOf)]);
        const overdue = replay
          .overdueDebitsAt(row.code, asOf)
          .reduce((sum, debit) => sum + debit.openMinor, 0);
        expect([row.code, row.overdueMinor]).toEqual([row.code, overdue]);
      }
    },
  );

  it('pins the portfolio totals at the reference date', async () => {
    const { asOf, items } = await listCustomers(ctx);
    expect(asOf).toBe('2026-06-30');
    expect(items.reduce((sum, row) => sum + row.balanceMinor, 0)).toBe(488_019_313);
  });

  it('shows the planted situations', async () => {
    const situation = (kind: string) => demo.manifest.situations.find((s) => s.kind === kind)!;
    const { items } = await listCustomers(ctx);
    const byCode = new Map(items.map((row) => [row.code, row]));

    const overLimit = byCode.get(situation('over_limit_with_pending_orders').customerCode)!;
    expect(overLimit.balanceMinor).toBeGreaterThan(overLimit.creditLimitMinor!);
    const overLimitFile = await getCustomerFile(ctx, overLimit.code);
    expect(overLimitFile.orders.some((order) => order.status === 'pending')).toBe(true);

    const noLimit = byCode.get(situation('no_credit_limit_with_exposure').customerCode)!;
    expect([noLimit.creditLimitMinor, noLimit.balanceMinor > 0]).toEqual([null, true]);

    const receivership = await getCustomerFile(ctx, situation('receivership').customerCode);
    expect(receivership.customer['status']).toBe('receivership');
    expect(receivership.events.some((event) => event.kind === 'insolvency')).toBe(true);
    expect(receivership.openItems.some((item) => item.kind === 'invoice')).toBe(true);

    const dispute = situation('dispute');
    const disputeFile = await getCustomerFile(ctx, dispute.customerCode);
    expect(
      disputeFile.events.some(
        (event) => event.kind === 'dispute' && event.documentRef === dispute.documentRef,
      ),
    ).toBe(true);
    expect(disputeFile.openItems.map((item) => item.externalRef)).toContain(dispute.documentRef);

    const bounced = situation('bounced_payment');
    const bouncedFile = await getCustomerFile(ctx, bounced.customerCode);
    expect(bouncedFile.openItems.map((item) => item.externalRef)).toContain(bounced.documentRef);

    const neverReminded = await getCustomerFile(ctx, situation('chronic_late_never_reminded').customerCode);
    expect(neverReminded.events.filter((event) => event.kind === 'reminder')).toEqual([]);
    expect(neverReminded.openItems.some((item) => item.daysPastDue > 90)).toBe(true);
  });

  it('dates what it records on its reference date, not on the day it is loaded', async () => {
    // Every timestamp of the company's tables. Apart: the rows written with the company (the load's
    // one instant, the database's, which tells that they came with the load), the weekly forecast's
    // schedule (it runs on the real clock) and its audit entry, and deadlines (due_at).
    const columns = await sql<{ table: string; column: string }>`
      select c.table_name as "table", c.column_name as "column" from information_schema.columns c
        join information_schema.columns k on k.table_schema = c.table_schema
         and k.table_name = c.table_name and k.column_name = 'company_id'
        join information_schema.tables t on t.table_schema = c.table_schema
         and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
       where c.table_schema = current_schema() and c.data_type = 'timestamp with time zone'
         and c.table_name <> 'job_schedules' and c.column_name <> 'due_at'
       order by 1, 2`.execute(ctx.db);
    expect(columns.rows.map((row) => `${row.table}.${row.column}`)).toContain('audit_log.at');
    const late: string[] = [];
    for (const { table, column } of columns.rows) {
      const ref = sql.ref(`${table}.${column}`);
      const scheduleAudit = table === 'audit_log' ? sql`and action <> 'job_schedule.create'` : sql``;
      const { rows } = await sql<{ rows: number; latest: string | null }>`
        select count(*)::int as rows, max(${ref})::text as latest from ${sql.table(table)}
         where company_id = 'CB2C' and ${ref} > timestamptz '2026-06-30 23:59:59.999999 Europe/Paris'
           and ${ref} <> (select created_at from companies where company_id = 'CB2C') ${scheduleAudit}`.execute(
        ctx.db,
      );
      const [found] = rows;
      if (found && found.rows > 0) late.push(`${table}.${column}: ${found.rows} (${found.latest})`);
    }
    expect(late).toEqual([]);
  });
});
