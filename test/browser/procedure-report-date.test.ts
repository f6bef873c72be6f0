/**
 * The procedure reports' page says the date its figures are as of: with no date typed, its « Date
 * d’arrêté » shows the company's reference date the report was computed at (30/06/2026 for the
 * demo), never an empty « jj/mm/aaaa » beside figures of an unsaid date. Skipped when
 * /usr/bin/chromium is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFixture, HAS_CHROMIUM, openBrowserFixture, USERS } from './browser-fixture.ts';

let fixture: BrowserFixture;

describe.skipIf(!HAS_CHROMIUM)('the procedure reports’ date', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows the reference date the report is as of', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/procedure/reports');
    await page
      .getByRole('row', { name: /DSO simple sur 12 mois/ })
      .first()
      .waitFor({ timeout: 120_000 });
    const field = page.getByTestId('report-as-of');
    await expect.poll(() => field.inputValue(), { timeout: 30_000 }).toBe('30/06/2026');
    await page.context().close();
  }, 300_000);
});
