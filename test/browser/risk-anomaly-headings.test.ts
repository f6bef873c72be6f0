/**
 * Headings that say what their column shows (walk of 30/06/2026): the risk table's limit columns
 * are the customer's own limit and its balance over it — the over-limit rule reads the exposure
 * against the limit in force — and the anomalies page names the customers the portfolio's DSO drift
 * lists as its largest balance increases, as the dashboard does, not « Clients concernés (5) ».
 * Skipped when /usr/bin/chromium is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFixture, HAS_CHROMIUM, openBrowserFixture, USERS } from './browser-fixture.ts';

let fixture: BrowserFixture;
const spaced = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe.skipIf(!HAS_CHROMIUM)('headings of the risk table and the anomalies page', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('heads the risk table’s limit columns with what they show', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/risk');
    const table = page.getByTestId('risk-table');
    await table.locator('tbody tr').first().waitFor({ timeout: 120_000 });
    const headers = (await table.locator('thead th').allTextContents()).map((h) => spaced(h).trim());
    expect(headers).toContain('Limite du client');
    expect(headers.some((h) => h.startsWith('Encours / limite'))).toBe(true);
    expect(headers).not.toContain('Limite de crédit');
    expect(headers.some((h) => h.startsWith('Utilisation (encours)'))).toBe(false);
    await page.context().close();
  });

  it('names the DSO drift’s customers as the largest balance increases', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/anomalies');
    const drift = page.locator('[data-testid="finding"][data-kind="dso_drift"]');
    await drift.waitFor({ timeout: 120_000 });
    const heading = spaced(await drift.locator('thead th').first().textContent());
    expect(heading).toMatch(/^Les \d+ plus fortes hausses d’encours$/);
    await page.context().close();
  });
});
