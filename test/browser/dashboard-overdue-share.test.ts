/**
 * The dashboard's overdue-share tile in Chromium, on the demo company as of 30/06/2026 (issue 4):
 * its trend compares the months' shares of the net encours, the tile's own base, not the indicators
 * report's shares of the open invoices before credits. The small ledger with a credit note is in
 * test/integration/dashboard-overdue-share.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortfolioSummary } from '#http/schemas/customers';
import type { KpiReport } from '#http/schemas/reports';
import { monthOverdueShare, tileOverdueShare } from '../../web/src/pages/dashboard/overdue-share.ts';
import { type BrowserFixture, HAS_CHROMIUM, openBrowserFixture, USERS } from './browser-fixture.ts';
import { pageApi } from './page-api.ts';

let fixture: BrowserFixture;
const spaced = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe.skipIf(!HAS_CHROMIUM)('the dashboard’s overdue share, in Chromium', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    // Building the web app and loading the demo take minutes on a loaded machine: a limit, not a timing.
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows the change of the tile’s own share: overdue ÷ net encours at each month’s end', async () => {
    const page = await fixture.signIn(USERS.credit_manager);
    const trend = page.getByTestId('kpi-overdue-share-trend');
    await expect.poll(() => trend.textContent()).toMatch(/mois précédent/);
    const api = pageApi(fixture.baseUrl, page);
    const summary = await api.get<PortfolioSummary>('/api/portfolio/summary');
    const kpis = await api.get<KpiReport>('/api/reports/kpis?lang=fr');
    const [may, june] = kpis.monthly.slice(-2);
    if (!may || !june) throw new Error('the demo has twelve months of indicators');
    // June's point is the tile's figure (on the demo 1 917 855,64 € overdue of 4 880 193,13 € net).
    expect(june.month).toBe('2026-06');
    expect(monthOverdueShare(june)).toBe(tileOverdueShare(summary));
    expect(spaced(await page.getByTestId('kpi-overdue-share').textContent())).toContain('39 %');
    // On the demo: 39,30 % after 39,46 % of the net encours, −0,2 pt; the report's shares of the
    // open invoices (39,17 % after 39,42 %) made it −0,3 pt, a change of another share than the
    // tile's. The figures are read from the API rather than pinned: other browser tests write to
    // the demo (runs, payments), which moves them by a few hundredths.
    const mayShare = monthOverdueShare(may) ?? 0;
    const juneShare = monthOverdueShare(june) ?? 0;
    const points = Math.round((juneShare - mayShare) * 1000) / 10;
    const sign = points < 0 ? '▼ −' : '▲ +';
    expect(spaced(await trend.textContent())).toBe(
      `${sign}${Math.abs(points).toFixed(1).replace('.', ',')} pt par rapport au mois précédent`,
    );
    await page.context().close();
  });
});
