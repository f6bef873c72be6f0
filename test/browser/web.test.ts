/**
 * The web application in a real browser (Chromium from the system, driven by playwright-core):
 * sign-in for every role, the dashboard's charts, the customer list and file, and a salesperson
 * kept out of a colleague's customer by the interface and by the API. Screenshots go to
 * test-artifacts/. Skipped when /usr/bin/chromium is absent (.ci/run installs it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCompany } from '#app/demo';
import { refreshPlannerStatistics } from '#db/ledger-queries';
import type { ApiServer } from '#http/api-types';
import { buildServer, WEB_DIST_DIR } from '#http/server';
import { buildWebIfStale } from '../../web/build-if-stale.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const PASSWORD = 'encours-demo';
const USERS = {
  admin: 'admin@cb2c.example',
  credit_manager: 'claire.moreau@cb2c.example',
  collector: 'julien.petit@cb2c.example',
  salesperson: 'sophie.bernard@cb2c.example',
  director: 'philippe.lambert@cb2c.example',
} as const;

let database: TestDatabase;
let app: ApiServer;
let browser: Browser;
let baseUrl: string;

describe.skipIf(!existsSync(CHROMIUM))('web application in Chromium', () => {
  beforeAll(async () => {
    await buildWebIfStale();
    database = await openTestDatabase();
    await loadDemoCompany({ ...database.context('CB2C'), actor: 'system' });
    await refreshPlannerStatistics(database.runtime.handle.db); // as `encours serve` does
    app = await buildServer(database.runtime, { webRoot: WEB_DIST_DIR });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    mkdirSync(ARTIFACTS, { recursive: true });
    // Playwright gives every launch a fresh, temporary profile (--user-data-dir) of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    return page;
  }

  for (const [role, email] of Object.entries(USERS)) {
    it(`signs in as ${role} and draws the dashboard with data`, async () => {
      const page = await signIn(email);
      await page.getByTestId('kpi-outstanding').waitFor();
      const charts = page.getByTestId('chart');
      await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(3);
      await expect.poll(() => page.locator('[data-testid="chart"] canvas').count()).toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('kpi-outstanding').textContent()).toMatch(/\d/);
      await page.waitForTimeout(800); // let the chart animations finish before the screenshot
      await page.screenshot({ path: join(ARTIFACTS, `dashboard-${role}.png`), fullPage: true });
      await page.context().close();
    });
  }

  it('lists, filters and opens customers; the credit manager can edit the file', async () => {
    const page = await signIn(USERS.credit_manager);
    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByTestId('customer-table').locator('tbody tr').first().waitFor();
    await expect.poll(() => page.getByTestId('customer-count').textContent()).toMatch(/\d+ clients/);
    await page.getByRole('combobox', { name: 'Trier par' }).click();
    await page.getByRole('option', { name: 'Échu' }).click();
    await expect.poll(() => page.url()).toContain('sort=overdue');
    // The most overdue customer comes first once the sorted page has arrived.
    await expect
      .poll(() => page.getByTestId('customer-table').locator('tbody tr td').nth(5).textContent(), {
        timeout: 20_000,
      })
      .not.toMatch(/^0,00/);
    await page.screenshot({ path: join(ARTIFACTS, 'customers-credit-manager.png'), fullPage: true });
    await page.getByTestId('customer-table').locator('tbody tr a').first().click();
    await page.getByTestId('customer-name').waitFor();
    await page.getByTestId('open-items').locator('tbody tr').first().waitFor();
    await page.getByTestId('edit-customer').click();
    await page.getByLabel('Conditions de paiement').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'customer-file-credit-manager.png'), fullPage: true });
    await page.context().close();
  });

  it('keeps a salesperson out of a colleague’s customer (interface and API)', async () => {
    const others = await database.runtime.handle.pool.query<{ code: string }>(
      `select code from customers where company_id = 'CB2C' and salesperson = 'Karim Haddad' order by code limit 1`,
    );
    const code = others.rows[0]?.code;
    expect(code).toBeDefined();
    const page = await signIn(USERS.salesperson);
    await page.goto(`${baseUrl}/customers/${code}`);
    await page.getByTestId('customer-error').waitFor();
    expect(await page.getByTestId('customer-error').textContent()).toContain('hors de votre périmètre');
    const api = await page.request.get(`${baseUrl}/api/customers/${code}`);
    expect(api.status()).toBe(404);
    const mine = await (await page.request.get(`${baseUrl}/api/customers?limit=1000`)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((c: { salesperson: string }) => c.salesperson === 'Sophie Bernard')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'salesperson-forbidden.png'), fullPage: true });
    await page.context().close();
  });

  it('switches to English', async () => {
    const page = await signIn(USERS.director);
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Customers' }).waitFor();
    await page.context().close();
  });
});
