/**
 * The collection forecast's curves (core/forecast/collection-curve.ts) on a ledger large enough to
 * learn them: they are used, and the forecast does not move when what happened after the as-of
 * date (payments, their allocations, later invoices) is added to the books.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { collectionCurvesAt } from '#app/forecast/collection-curves';
import { forecastCollections } from '#app/forecast/collections';
import { addDays } from '#core/calendar';
import { AGE_BUCKET_STARTS } from '#core/forecast/collection-curve';
import { emptyWeekSums } from '#core/forecast/collections';
import type { LedgerDocument } from '#core/types';
import { selectCollectionHistory } from '#db/forecast/collection-history';
import { openItemsAsOf } from '#db/ledger/open-items';
import { inReportSnapshot } from '#db/reports/report-session';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-09-30';
/** Days from due date to payment by customer (null: never pays). */
const DELAYS = [-5, 0, 7, 20, 45, 90, null] as const;
const CUSTOMERS = 42;

function ledger() {
  const documents: LedgerDocument[] = [];
  const allocations: { debitRef: string; creditRef: string; amountMinor: number; allocationDate: string }[] =
    [];
  const entry = (
    kind: LedgerDocument['kind'],
    ref: string,
    code: string,
    date: string,
    due: string,
    minor: number,
  ) =>
    documents.push({
      kind,
      source: 't',
      externalRef: ref,
      customerCode: code,
      issueDate: date,
      dueDate: due,
      valueDate: null,
      amountMinor: minor,
      currency: 'EUR',
      label: null,
    });
  for (let c = 0; c < CUSTOMERS; c += 1) {
    const code = `C${String(c).padStart(2, '0')}`;
    const delay = DELAYS[c % DELAYS.length] ?? null;
    for (let week = 0; week < 48; week += 1) {
      const issue = addDays('2026-01-05', 7 * week + (c % 7));
      const due = addDays(issue, 30);
      const amountMinor = 10_000 + 1_000 * ((c * 7 + week) % 13);
      entry('invoice', `F-${code}-${week}`, code, issue, due, amountMinor);
      if (delay === null) continue;
      const paid = addDays(due, delay);
      if (paid > '2026-12-31') continue;
      // The customers paying 20 days late pay half on the due date: invoices partly settled.
      const firstPartMinor = delay === 20 ? amountMinor / 2 : 0;
      if (firstPartMinor > 0) {
        entry('payment', `PA-${code}-${week}`, code, due, due, -firstPartMinor);
        allocations.push({
          debitRef: `F-${code}-${week}`,
          creditRef: `PA-${code}-${week}`,
          amountMinor: firstPartMinor,
          allocationDate: due,
        });
      }
      entry('payment', `P-${code}-${week}`, code, paid, paid, -(amountMinor - firstPartMinor));
      allocations.push({
        debitRef: `F-${code}-${week}`,
        creditRef: `P-${code}-${week}`,
        amountMinor: amountMinor - firstPartMinor,
        allocationDate: paid,
      });
    }
  }
  return { documents, allocations };
}

function dataset(code: string, cutAt?: string) {
  const known = (date: string) => cutAt === undefined || date <= cutAt;
  const { documents, allocations } = ledger();
  return {
    company: { code, name: `${code} SA`, currency: 'EUR', asOf: '2026-12-31' },
    customers: Array.from({ length: CUSTOMERS }, (_, c) => customer(`C${String(c).padStart(2, '0')}`)),
    documents: documents.filter((d) => known(d.issueDate)),
    allocations: allocations.filter((a) => known(a.allocationDate)),
    reversals: [],
    orders: [],
    events: [],
  };
}

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...database.context('CV'), actor: 'test' }, dataset('CV'));
  await loadDataset({ ...database.context('CVCUT'), actor: 'test' }, dataset('CVCUT', AS_OF));
});
afterAll(async () => {
  await database?.close();
});

describe('the collection forecast’s curves', () => {
  it('are learned by age bucket from the past cut-offs', async () => {
    const ctx = database.context('CV');
    const sums = emptyWeekSums(AS_OF, 13);
    const curves = await inReportSnapshot(ctx.db, (trx) =>
      collectionCurvesAt(trx, { companyId: 'CV', currency: 'EUR', asOf: AS_OF }, sums),
    );
    // 91–180 days late: only the customers that never pay are still open there, nothing comes in.
    const longLate = curves.sharesByBucket[8];
    expect(longLate).not.toBeNull();
    expect(longLate?.every((share) => share === 0)).toBe(true);
    // 1–15 days late: the customers paying 20 days late pay within the next two weeks.
    const lateByDays = curves.sharesByBucket[4] ?? [];
    expect(lateByDays.slice(0, 3).reduce((sum, share) => sum + share, 0)).toBeGreaterThan(0.2);
  });

  it('count at each cut-off the open amounts the ledger had then, partly paid invoices included', async () => {
    const ctx = database.context('CV');
    const cutoffs = ['2026-04-01', '2026-05-13', '2026-06-24'];
    const histories = await inReportSnapshot(ctx.db, (trx) =>
      selectCollectionHistory(trx, {
        companyId: 'CV',
        currency: 'EUR',
        cutoffs,
        knownAt: AS_OF,
        horizonDays: 98,
        bucketStarts: AGE_BUCKET_STARTS,
      }),
    );
    for (const [index, cutoff] of cutoffs.entries()) {
      const ledger = await sql<{ minor: string; invoices: string }>`
        select sum(o.open_minor) as minor, count(*) as invoices
          from (${openItemsAsOf({ companyId: 'CV', asOf: cutoff })}) o where o.open_minor > 0`.execute(
        ctx.db,
      );
      const buckets = histories[index] ?? [];
      expect(buckets.reduce((sum, bucket) => sum + bucket.openMinor, 0)).toBe(Number(ledger.rows[0]?.minor));
      expect(buckets.reduce((sum, bucket) => sum + bucket.invoices, 0)).toBe(
        Number(ledger.rows[0]?.invoices),
      );
    }
    // Half-paid invoices exist at the middle cut-off: the partly settled branch is exercised.
    const halfPaid = await sql<{ n: string }>`
      select count(*) as n from (${openItemsAsOf({ companyId: 'CV', asOf: '2026-05-13' })}) o
        join documents d on d.company_id = 'CV' and d.document_id = o.document_id
       where o.open_minor > 0 and o.open_minor < d.amount_minor`.execute(ctx.db);
    expect(Number(halfPaid.rows[0]?.n)).toBeGreaterThan(0);
  });

  it('do not move when payments, allocations and invoices dated after the as-of date are added', async () => {
    const full = await forecastCollections(database.context('CV'), { asOf: AS_OF, weeks: 13 });
    const cut = await forecastCollections(database.context('CVCUT'), { asOf: AS_OF, weeks: 13 });
    expect(full.weeks).toEqual(cut.weeks);
    expect(full.weeks.reduce((sum, week) => sum + week.fromOpenItemsMinor, 0)).toBeGreaterThan(0);
  });
});
