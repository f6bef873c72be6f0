/**
 * The dashboard's overdue-share tile and its month-on-month trend on one base (issue 4): the tile
 * divides the overdue by the net encours (/api/portfolio/summary, open credits deducted), so each
 * point of its trend must too — not the indicators report's `overdueShare`, a share of the open
 * invoices before credits. On a small ledger with an open credit note, through the API and the web
 * app's own functions (web/src/pages/dashboard/overdue-share.ts; Vitest reads no test under web/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import type { LedgerDocument } from '#core/types';
import type { ApiServer } from '#http/api-types';
import type { PortfolioSummary } from '#http/schemas/customers';
import type { KpiReport } from '#http/schemas/reports';
import { buildServer } from '#http/server';
import { monthOverdueShare, tileOverdueShare } from '../../web/src/pages/dashboard/overdue-share.ts';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { PASSWORD, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let session: Session;

const document = (
  kind: 'invoice' | 'credit_note',
  customerCode: string,
  externalRef: string,
  amountMinor: number,
  issueDate: string,
  dueDate: string,
): LedgerDocument => ({
  kind,
  source: 't',
  externalRef,
  customerCode,
  issueDate,
  dueDate,
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset(
    { ...database.context('DSH'), actor: 'test' },
    {
      company: { code: 'DSH', name: 'Tableau SA', currency: 'EUR', asOf: '2026-04-30' },
      customers: [customer('K1'), customer('K2')],
      // 31/03: 3 000 € of invoices, 1 000 € overdue, a 500 € credit note open: 2 500 € net.
      // 30/04: a 1 000 € invoice more, not yet due: 4 000 € of invoices, 3 500 € net.
      documents: [
        document('invoice', 'K1', 'F1', 1_000_00, '2026-02-01', '2026-03-03'),
        document('invoice', 'K2', 'F2', 2_000_00, '2026-03-10', '2026-05-09'),
        document('credit_note', 'K2', 'AV1', -500_00, '2026-03-20', '2026-03-20'),
        document('invoice', 'K1', 'F3', 1_000_00, '2026-04-05', '2026-05-05'),
      ],
      allocations: [],
      orders: [],
      events: [],
      users: [{ email: 'claire@dsh.test', role: 'credit_manager', salesperson: null, name: 'Claire' }],
    },
  );
  app = await buildServer(database.runtime, { webRoot: null });
  session = await signIn(app, 'claire@dsh.test', PASSWORD);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function get<T>(url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url, headers: session.headers });
  expect(response.statusCode).toBe(200);
  return response.json() as T;
}

describe('the dashboard’s overdue share', () => {
  it('ends its trend on the tile’s figure: both overdue ÷ net encours', async () => {
    // What the dashboard asks: the summary and the indicators report, both as of the company's date.
    const summary = await get<PortfolioSummary>('/api/portfolio/summary');
    const kpis = await get<KpiReport>('/api/reports/kpis?lang=fr');
    expect([summary.asOf, kpis.to]).toEqual(['2026-04-30', '2026-04-30']);
    const [march, april] = kpis.monthly.slice(-2);
    expect([march?.month, april?.month]).toEqual(['2026-03', '2026-04']);

    expect([summary.overdueMinor, summary.outstandingMinor]).toEqual([1_000_00, 3_500_00]);
    expect(tileOverdueShare(summary)).toBe(1_000_00 / 3_500_00);
    // The trend's last point is the tile's figure, and the point before it the same share a month back.
    expect(april && monthOverdueShare(april)).toBe(tileOverdueShare(summary));
    expect(march && monthOverdueShare(march)).toBe(1_000_00 / 2_500_00);

    // The report's own share keeps its base, the open invoices before the credit note: 25 % and
    // 33,33 %, which a trend read from it set beside the tile's 28,6 %.
    expect([march?.overdueShare, april?.overdueShare]).toEqual([0.3333, 0.25]);
  });

  it('gives no share of an encours that is not positive', () => {
    expect(tileOverdueShare({ overdueMinor: 0, outstandingMinor: 0 })).toBeNull();
    expect(monthOverdueShare({ endingOverdueMinor: 1_000_00, endingReceivablesMinor: -200_00 })).toBeNull();
  });
});
