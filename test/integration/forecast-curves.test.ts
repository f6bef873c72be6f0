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
import { addDays, fromDayNumber } from '#core/calendar';
import { AGE_BUCKET_STARTS, type BucketHistory, curveCutoffs } from '#core/forecast/collection-curve';
import { emptyWeekSums } from '#core/forecast/week-sums';
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
      // The customers paying 45 days late get a credit note of 1,000 first: not a receipt.
      const creditMinor = delay === 45 ? 1_000 : 0;
      if (creditMinor > 0) {
        const credited = addDays(due, 5);
        entry('credit_note', `AV-${code}-${week}`, code, credited, credited, -creditMinor);
        allocations.push({
          debitRef: `F-${code}-${week}`,
          creditRef: `AV-${code}-${week}`,
          amountMinor: creditMinor,
          allocationDate: credited,
        });
      }
      entry('payment', `P-${code}-${week}`, code, paid, paid, -(amountMinor - firstPartMinor - creditMinor));
      allocations.push({
        debitRef: `F-${code}-${week}`,
        creditRef: `P-${code}-${week}`,
        amountMinor: amountMinor - firstPartMinor - creditMinor,
        // The punctual customers' payments are matched four months after they came in: those
        // dated before the as-of date and matched after it are not known at it.
        allocationDate: delay === 0 ? addDays(paid, 120) : paid,
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

/**
 * The reference: one cut-off read on its own, from the ledger's open items at that date
 * (`openItemsAsOf`) and the payments allocated to them by the as-of date.
 */
async function oneCutoffHistory(cutoff: string, horizonDays: number): Promise<BucketHistory[]> {
  const starts = sql`array[${sql.join(AGE_BUCKET_STARTS.map((start) => sql`${start}::int`))}]`;
  const rows = await sql<{ bucket: number; day: number | null; invoices: number; minor: string }>`
    with aged as (
      select o.document_id, width_bucket(${cutoff}::date - o.due_date, ${starts}) as bucket, o.open_minor
        from (${openItemsAsOf({ companyId: 'CV', asOf: cutoff })}) o
        join documents d on d.company_id = 'CV' and d.document_id = o.document_id
       where d.kind = 'invoice' and o.open_minor > 0)
    select bucket, null::int as day, count(*)::int as invoices, sum(open_minor) as minor
      from aged where bucket > 0 group by 1
    union all
    select o.bucket, p.issue_date - ${cutoff}::date - 1, 0, sum(a.amount_minor)
      from aged o
      join allocations a on a.company_id = 'CV' and a.debit_document_id = o.document_id
       and a.allocation_date <= ${AS_OF}::date
      join documents p on p.company_id = 'CV' and p.document_id = a.credit_document_id
     where o.bucket > 0 and p.kind = 'payment' and p.issue_date > ${cutoff}::date
       and p.issue_date <= ${cutoff}::date + ${horizonDays}::int
     group by 1, 2`.execute(database.context('CV').db);
  const histories = new Map<number, BucketHistory>();
  for (const row of rows.rows) {
    const bucket = Number(row.bucket);
    const history = histories.get(bucket) ?? {
      bucket,
      invoices: 0,
      openMinor: 0,
      collectedByDayMinor: new Array(horizonDays).fill(0),
    };
    histories.set(bucket, history);
    if (row.day === null) {
      history.invoices = Number(row.invoices);
      history.openMinor = Number(row.minor);
    } else history.collectedByDayMinor[row.day] = Number(row.minor);
  }
  return [...histories.values()];
}

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
    // 1–15 days late: the customers paying 7 and 20 days late pay within the next three weeks (the
    // punctual ones, paid but matched months later, bring nothing in).
    const lateByDays = curves.sharesByBucket[4] ?? [];
    expect(lateByDays.slice(0, 3).reduce((sum, share) => sum + share, 0)).toBeGreaterThan(0.1);
  });

  it('read at every cut-off, bucket by bucket and day by day, what a read of that cut-off alone gives', async () => {
    const ctx = database.context('CV');
    const horizonDays = 91;
    const cutoffs = curveCutoffs(AS_OF, horizonDays).map(fromDayNumber);
    const input = {
      companyId: 'CV',
      currency: 'EUR',
      knownAt: AS_OF,
      horizonDays,
      bucketStarts: AGE_BUCKET_STARTS,
    };
    const histories = await inReportSnapshot(ctx.db, (trx) =>
      selectCollectionHistory(trx, { ...input, cutoffs }),
    );
    for (const [index, cutoff] of cutoffs.entries()) {
      const expected = await oneCutoffHistory(cutoff, horizonDays);
      const byBucket = (rows: readonly BucketHistory[]) => [...rows].sort((a, b) => a.bucket - b.bucket);
      expect(byBucket(histories[index] ?? [])).toEqual(byBucket(expected));
    }
    // What the fixture must hold for the comparison to mean something, at the middle cut-off:
    // half-paid invoices, and payments dated before the as-of date but matched after it.
    const halfPaid = await sql<{ n: string }>`
      select count(*) as n from (${openItemsAsOf({ companyId: 'CV', asOf: '2026-05-13' })}) o
        join documents d on d.company_id = 'CV' and d.document_id = o.document_id
       where o.open_minor > 0 and o.open_minor < d.amount_minor`.execute(ctx.db);
    expect(Number(halfPaid.rows[0]?.n)).toBeGreaterThan(0);
    const matchedLater = await sql<{ n: string }>`
      select count(*) as n from allocations a join documents p on p.company_id = a.company_id
         and p.document_id = a.credit_document_id
       where a.company_id = 'CV' and p.issue_date <= ${AS_OF}::date and a.allocation_date > ${AS_OF}::date`.execute(
      ctx.db,
    );
    expect(Number(matchedLater.rows[0]?.n)).toBeGreaterThan(0);
  });

  it('do not move when payments, allocations and invoices dated after the as-of date are added', async () => {
    const full = await forecastCollections(database.context('CV'), { asOf: AS_OF, weeks: 13 });
    const cut = await forecastCollections(database.context('CVCUT'), { asOf: AS_OF, weeks: 13 });
    expect(full.weeks).toEqual(cut.weeks);
    expect(full.weeks.reduce((sum, week) => sum + week.fromOpenItemsMinor, 0)).toBeGreaterThan(0);
  });

  it('give one forecast by day, week and month: the cuts add up to the same total, to the cent', async () => {
    // A Wednesday: the first week is cut, the cut-offs fall on Wednesdays, the months on no week's end.
    for (const asOf of [AS_OF, '2026-10-04']) {
      const forecast = await forecastCollections(database.context('CV'), {
        asOf,
        weeks: 13,
        by: ['day', 'month'],
      });
      const total = (rows: readonly { fromOpenItemsMinor: number; fromFutureSalesMinor: number }[]) => [
        rows.reduce((sum, row) => sum + row.fromOpenItemsMinor, 0),
        rows.reduce((sum, row) => sum + row.fromFutureSalesMinor, 0),
      ];
      const byWeek = total(forecast.weeks);
      expect(byWeek[0]).toBeGreaterThan(0);
      expect(total(forecast.days ?? [])).toEqual(byWeek);
      expect(total(forecast.months ?? [])).toEqual(byWeek);
      // Each week is the sum of its days.
      for (const week of forecast.weeks) {
        const days = (forecast.days ?? []).filter(
          (day) => day.date >= week.weekStart && day.date <= addDays(week.weekStart, 6),
        );
        expect(total(days)).toEqual(total([week]));
      }
    }
  });
});
