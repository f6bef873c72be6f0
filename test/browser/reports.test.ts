/**
 * The report pages in Chromium: the aged balance with its totals, proof and drill-down, the risk
 * tracking table with its levels, the anomalies with their evidence, the dashboard's DSO trend,
 * sales and risk map charts, and the report requests naming the language. Screenshots at a
 * 1366×768 laptop size go to test-artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  chartsDrawn,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

let fixture: BrowserFixture;

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name });

async function laptop(email: string): Promise<Page> {
  const page = await fixture.signIn(email, NAV_START);
  await page.setViewportSize({ width: 1366, height: 768 });
  return page;
}

describe.skipIf(!HAS_CHROMIUM)('report pages in Chromium', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    // The fork's first browser file opens what they share (test database, server, Chromium), and builds
    // the web app if stale: minutes on a loaded machine, a limit, not a timing.
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows the aged balance with totals and proof, and drills down to documents', async () => {
    const page = await laptop(USERS.credit_manager);
    await nav(page, 'Balance âgée').click();
    const totals = page.getByTestId('aging-totals');
    await totals.waitFor();
    expect(await totals.textContent()).toMatch(/Total général.*\d/);
    // The number of documents is a figure as the others: « 1 141 », its thousands apart.
    const counts = (await totals.locator('td').allTextContents()).filter((text) => !/€|\p{L}/u.test(text));
    expect(counts).toHaveLength(1);
    expect(counts[0]).toMatch(/^\d{1,3}([\u202f\u00a0]\d{3})+$/);
    expect(await page.getByTestId('aging-proof').textContent()).toContain('solde du grand livre');
    // Customer types are shown with their labels, never their codes.
    expect(await page.getByTestId('aging-table').textContent()).toContain('Grande distribution');
    expect(await page.getByTestId('aging-table').textContent()).not.toContain('large_retail');
    await page.screenshot({ path: join(ARTIFACTS, 'aging-credit-manager.png'), fullPage: true });

    await page.getByRole('button', { name: /Voir les pièces de PME, tranche > 90 j/ }).click();
    const documents = page.getByTestId('drill-documents').locator('tbody tr');
    await documents.first().waitFor();
    expect(await documents.count()).toBeGreaterThan(0);
    const buckets = await page
      .getByTestId('drill-documents')
      .locator('tbody tr td:last-child')
      .allTextContents();
    expect(new Set(buckets)).toEqual(new Set(['> 90 j']));
    await page.screenshot({ path: join(ARTIFACTS, 'aging-drill.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: 'Regrouper par' }).click();
    await page.getByRole('option', { name: 'Commercial' }).click();
    await expect.poll(() => page.url()).toContain('by=salesperson');
    await expect.poll(() => page.getByTestId('aging-table').textContent()).toContain('Sophie Bernard');
    const csv = await page.request.get(
      `${fixture.baseUrl}${await page.getByTestId('export-csv').getAttribute('href')}`,
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    await page.context().close();
  });

  it('lists risk levels with their rule and action, filters by level and opens a customer', async () => {
    const page = await laptop(USERS.collector);
    await nav(page, 'Suivi des risques').click();
    const levels = page.getByTestId('risk-level');
    await levels.first().waitFor();
    expect(await levels.first().textContent()).toBe('Critique');
    // The page says whom it counts: the level cards add up to the customers with an open item.
    const cards = await page.locator('[data-testid^="risk-summary-"]').allTextContents();
    const carded = cards.reduce((n, text) => n + Number(/(\d+) clients?/.exec(text)?.[1] ?? 0), 0);
    const counted = ((await page.getByTestId('risk-counted').textContent()) ?? '').replace(/\u00a0/g, ' ');
    expect(counted).toBe(
      `Clients comptés : ceux qui ont une pièce ouverte au 30/06/2026 (${carded} clients) ; les clients soldés n’y figurent pas.`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'risk-table-collector.png') });
    await page.getByTestId('risk-summary-low').click();
    await expect.poll(() => page.url()).toContain('level=low');
    await expect.poll(async () => new Set(await levels.allTextContents())).toEqual(new Set(['Faible']));
    await page.getByTestId('risk-table').locator('tbody tr a').first().click();
    await page.getByTestId('customer-name').waitFor();
    await page.context().close();
  });

  it('groups anomalies by severity with evidence and links to the customers', async () => {
    const page = await laptop(USERS.director);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/reports/')) requests.push(request.url());
    });
    await nav(page, 'Anomalies').click();
    await page.getByTestId('severity-critical').getByTestId('finding').first().waitFor();
    const critical = page.getByTestId('severity-critical');
    expect(await critical.textContent()).toContain('Exposition au-delà de la limite de crédit');
    expect(await critical.textContent()).toContain('Limite de crédit');
    expect(await critical.textContent()).not.toContain('creditLimitMinor');
    expect(requests.some((url) => url.includes('/api/reports/anomalies') && url.includes('lang=fr'))).toBe(
      true,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'anomalies-director.png') });
    await page.getByTestId('severity-warning').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'anomalies-warnings.png') });
    await critical.getByRole('link', { name: 'Guérin Négoce' }).first().click();
    await page.getByTestId('customer-name').waitFor();
    await page.context().close();
  });

  it('draws the DSO trend, sales by type and risk map, one request per report', async () => {
    const page = await fixture.signIn(USERS.credit_manager);
    // Count the requests of one complete load of the dashboard, after the first one has settled.
    await page.getByTestId('chart-dso').locator('canvas').waitFor();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/reports/')) requests.push(new URL(request.url()).pathname);
    });
    await page.reload();
    for (const id of ['chart-dso', 'chart-sales', 'chart-risk-map', 'chart-aging'])
      await page.getByTestId(id).locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('kpi-dso-trend').textContent()).toMatch(/mois précédent/);
    await page.getByTestId('dashboard-anomalies').getByRole('listitem').first().waitFor();
    const counts = requests.reduce<Record<string, number>>(
      (all, path) => Object.assign(all, { [path]: (all[path] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({
      '/api/reports/aging': 1,
      '/api/reports/kpis': 1,
      '/api/reports/risk-table': 1,
      '/api/reports/anomalies': 1,
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    await chartsDrawn(page);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-laptop.png'), fullPage: true });
    await page.context().close();
  });

  it('asks the reports in English once the language is switched', async () => {
    const page = await laptop(USERS.director);
    await page.getByText('EN', { exact: true }).click();
    await nav(page, 'Risk tracking').click();
    // The risk table is computed again in English: on a loaded machine that takes seconds.
    await expect
      .poll(() => page.getByTestId('risk-level').first().textContent(), { timeout: 30_000 })
      .toBe('Critical');
    await nav(page, 'Aged balance').click();
    await expect
      .poll(() => page.getByTestId('aging-table').locator('thead').textContent(), { timeout: 30_000 })
      .toContain('Not due');
    expect(await page.getByTestId('aging-totals').textContent()).toContain('Grand total');
    await page.screenshot({ path: join(ARTIFACTS, 'aging-english.png') });
    await page.context().close();
  });

  it('previews the procedure report with French decimals, as its PDF prints them', async () => {
    const page = await laptop(USERS.credit_manager);
    await page.goto(`${fixture.baseUrl}/procedure/reports`);
    const indicators = page.getByRole('row', { name: /DSO simple sur 12 mois/ });
    await indicators.first().waitFor();
    const text = (await page.getByRole('table').first().textContent()) ?? '';
    // « 82,6 j », « 14,7 % »: a decimal comma, never « 82.6 j », and shares to one decimal.
    expect(text).toMatch(/\d+,\d\s?j/);
    expect(text).toMatch(/\d+,\d\s?%/);
    expect(text).not.toMatch(/\d\.\d/);
    // The gaps read as the report words them: what must not be reminded is left out, and said.
    await page.getByText(/sans aucune relance, hors procédures collectives/).waitFor();
    // Headed as the PDF's table, each count saying what it counts: « 74 » alone read as 74 orders
    // beside the report's sentence about 419.
    const gaps = page.getByTestId('report-gaps');
    expect(await gaps.locator('thead').textContent()).toBe('FaillePérimètreMontant');
    const orders = gaps.getByRole('row', { name: /Commandes acceptées au-delà de la limite/ });
    expect(await orders.textContent()).toMatch(/\d+\scommandes de \d+\sclients/);
    expect(await gaps.getByRole('row', { name: /sans aucune relance/ }).textContent()).toMatch(
      /\d+\sfactures de \d+\sclients/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'procedure-reports.png'), fullPage: true });
    await page.context().close();
  });

  it('hides the report links from a salesperson and explains the refusal', async () => {
    const page = await fixture.signIn(USERS.salesperson);
    await page.getByTestId('kpi-outstanding').waitFor();
    expect(await page.getByRole('link', { name: 'Balance âgée' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Suivi des risques' }).count()).toBe(0);
    // Nothing to act on above the refusal: no export buttons, no report settings.
    for (const path of ['/risk', '/aging', '/anomalies']) {
      await page.goto(`${fixture.baseUrl}${path}`);
      await page.getByTestId('forbidden').waitFor();
      expect(await page.getByRole('group', { name: 'Exporter' }).count(), path).toBe(0);
      expect(await page.getByTestId('export-csv').count(), path).toBe(0);
      expect(await page.getByText('Regrouper par').count(), path).toBe(0);
    }
    await page.context().close();
  });
});
