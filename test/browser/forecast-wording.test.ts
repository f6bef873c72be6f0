/**
 * Issue 14, read in French on the demo company: an invoice a few days late whose model gives 0,999
 * of passing 30 days late reads « > 99 % » in the customer file's « Paiement prévu », never
 * « 100 % »; the forecast page shows « Prévision par ancienneté », whose total is every open
 * invoice's amount (the sum `predict payments` gives) and the same rows as `forecast collections`.
 * Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastCollections } from '#app/forecast/collections';
import { predictPayments } from '#app/forecast/predictions';
import { daysBetween } from '#core/calendar';
import { ageRows } from '#text/forecast-age-rows';
import { money } from '../../web/src/format.ts';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

const SLOW = { timeout: 180_000 };
const spaced = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
let fixture: BrowserFixture;

describe.skipIf(!HAS_CHROMIUM)('the forecast’s words and its open items by age', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('caps a near-certain probability at « > 99 % » in the customer file', async () => {
    const answer = await predictPayments(fixture.database.context('CB2C'));
    const late = (dueDate: string) => daysBetween(dueDate, answer.asOf);
    // The demo has such invoices (C00083 F2026-001496, 27 days late at 0,999 on 30/06/2026).
    const sure = answer.items.find(
      (item) => late(item.dueDate) > 0 && late(item.dueDate) < 30 && item.probabilityOver30 >= 0.995,
    );
    if (!sure) throw new Error('the demo has no invoice a few days late almost sure to pass 30 days');
    const page = await fixture.signIn(USERS.credit_manager, `/customers/${sure.customerCode}`);
    const row = page.getByTestId('open-items').locator('tbody tr', { hasText: sure.documentRef });
    await row.waitFor(SLOW);
    await expect.poll(async () => spaced(await row.textContent()), SLOW).toContain('dépasser 30 jours');
    const text = spaced(await row.textContent());
    expect(text).toContain('probabilité de dépasser 30 jours de retard : > 99 %');
    expect(text).not.toMatch(/\b100 %/);
    await page.context().close();
  });

  it('shows « Prévision par ancienneté » totalling the open invoices', async () => {
    const ctx = fixture.database.context('CB2C');
    const [forecast, predictions] = [await forecastCollections(ctx), await predictPayments(ctx)];
    const expected = ageRows(forecast.byAge, 'fr');
    if (!expected) throw new Error('the demo has no open invoice');
    const openMinor = predictions.items.reduce((sum, item) => sum + item.openMinor, 0);
    expect(expected.total.openMinor).toBe(openMinor);

    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.goto(`${fixture.baseUrl}/forecast`);
    await page.setViewportSize({ width: 1440, height: 900 });
    const table = page.getByTestId('forecast-by-age-table');
    await table.waitFor(SLOW);
    const headers = (await table.locator('thead th').allTextContents()).map(spaced);
    expect(headers).toEqual(['Ancienneté', 'Encours', 'Attendu sur 13 semaines', 'Part']);
    const labels = (await table.locator('tbody tr td:first-child').allTextContents()).map(spaced);
    expect(labels).toEqual(expected.rows.map((row) => spaced(row.label)));
    const total = (await page.getByTestId('forecast-by-age-total').locator('td').allTextContents()).map(
      spaced,
    );
    expect(total.slice(0, 3)).toEqual([
      'Total des factures ouvertes',
      spaced(money(openMinor, forecast.currency, 'fr')),
      spaced(money(expected.total.expectedMinor, forecast.currency, 'fr')),
    ]);
    await page.getByTestId('forecast-by-age').screenshot({ path: join(ARTIFACTS, 'forecast-by-age.png') });
    await page.context().close();
  });
});
