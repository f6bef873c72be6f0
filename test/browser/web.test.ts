/**
 * The web application in a real browser (Chromium from the system, driven by playwright-core):
 * sign-in for every role, the dashboard's charts, the customer list and file, and a salesperson
 * kept out of a colleague's customer by the interface and by the API. Screenshots go to
 * test-artifacts/. Skipped when /usr/bin/chromium is absent (.ci/run installs it).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  chartsDrawn,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

let fixture: BrowserFixture;

describe.skipIf(!HAS_CHROMIUM)('web application in Chromium', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    // The fork's first browser file opens what they share (test database, server, Chromium), and builds
    // the web app if stale: minutes on a loaded machine, a limit, not a timing.
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  const signIn = (email: string) => fixture.signIn(email);

  for (const [role, email] of Object.entries(USERS)) {
    it(`signs in as ${role} and draws the dashboard with data`, async () => {
      const page = await fixture.signInThroughForm(email);
      await page.getByTestId('kpi-outstanding').waitFor();
      const charts = page.getByTestId('chart');
      await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(3);
      await expect.poll(() => page.locator('[data-testid="chart"] canvas').count()).toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('kpi-outstanding').textContent()).toMatch(/\d/);
      await chartsDrawn(page);
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
    await page.screenshot({
      path: join(ARTIFACTS, 'customer-file-credit-manager.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await page.context().close();
  });

  it('charts the payment behaviour and mentions a colleague in a note', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/customers/C00162', async (opened) => {
      await opened.setViewportSize({ width: 1366, height: 768 });
      // A deactivated colleague stays in the directory to name their past actions, never to be mentioned.
      const former = { email: 'sophie.ancienne@cb2c.example', name: 'Sophie Ancienne', active: false };
      await opened.route('**/api/users/directory', async (route) => {
        const directory = await (await route.fetch()).json();
        await route.fulfill({ json: [...directory, former] });
      });
    });
    await page.getByTestId('payment-behaviour').locator('canvas').waitFor();
    const note = page.getByRole('textbox', { name: 'Notes' });
    await note.fill('Relance faite, voir avec @soph');
    const suggestions = page.getByTestId('mention-suggestions');
    await suggestions.getByRole('button', { name: /Sophie Bernard/ }).waitFor();
    expect(await suggestions.textContent()).not.toContain('Sophie Ancienne');
    await suggestions.getByRole('button', { name: /Sophie Bernard/ }).click();
    expect(await note.inputValue()).toBe('Relance faite, voir avec @sophie.bernard@cb2c.example ');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await expect
      .poll(() => page.getByTestId('timeline').locator('.mention').first().textContent())
      .toBe('@sophie.bernard@cb2c.example');
    await page.getByTestId('payment-behaviour').scrollIntoViewIfNeeded();
    await chartsDrawn(page);
    await page.screenshot({ path: join(ARTIFACTS, 'customer-payment-behaviour.png') });
    await page.context().close();
  });

  it('keeps a salesperson out of a colleague’s customer (interface and API)', async () => {
    const others = await fixture.database.runtime.handle.pool.query<{ code: string }>(
      `select code from customers where company_id = 'CB2C' and salesperson = 'Karim Haddad' order by code limit 1`,
    );
    const code = others.rows[0]?.code;
    expect(code).toBeDefined();
    const page = await fixture.signIn(USERS.salesperson, `/customers/${code}`);
    await page.getByTestId('customer-error').waitFor();
    expect(await page.getByTestId('customer-error').textContent()).toContain('hors de votre périmètre');
    const api = await page.request.get(`${fixture.baseUrl}/api/customers/${code}`);
    expect(api.status()).toBe(404);
    const mine = await (await page.request.get(`${fixture.baseUrl}/api/customers?limit=1000`)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((c: { salesperson: string }) => c.salesperson === 'Sophie Bernard')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'salesperson-forbidden.png'), fullPage: true });
    await page.context().close();
  });

  it('switches to English, charts included, without a reload', async () => {
    const page = await signIn(USERS.director);
    // The report charts arrive one by one: wait for them all before reading their labels.
    await expect.poll(() => page.getByTestId('chart').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await chartsDrawn(page);
    const chartLabels = () =>
      page.getByTestId('chart').evaluateAll((charts) => charts.map((c) => c.ariaLabel));
    const french = await chartLabels();
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('link', { name: 'Customers' }).waitFor();
    // The reports are asked again in English and the charts redrawn: wait for that state.
    await expect
      .poll(async () => (await chartLabels()).filter((label, i) => label === french[i]), { timeout: 30_000 })
      .toEqual([]);
    await chartsDrawn(page);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-english.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The choice is kept: the next visit starts in English, the page's language with it.
    await page.reload();
    await page.getByRole('link', { name: 'Customers' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.context().close();
  });
});
