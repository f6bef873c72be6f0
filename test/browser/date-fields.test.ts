/**
 * Dates typed day first (« 31/03/2026 ») where the pages had the browser's own date field, which an
 * English-speaking browser shows as « mm/dd/yyyy »: the aged balance's as-of date, the audit signals'
 * period and a promotion's validity; each reaches the API as '2026-03-31' (the pause of a reminder
 * is typed the same way, in credit-dunning.test.ts). Also read in French on the demo company: the
 * anomalies write a negative figure with the minus sign and a DSO to one decimal with its period.
 * Skipped when /usr/bin/chromium is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFixture, HAS_CHROMIUM, openBrowserFixture, USERS } from './browser-fixture.ts';

let fixture: BrowserFixture;

describe.skipIf(!HAS_CHROMIUM)('dates typed day first, figures as French writes them', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('takes the aged balance’s as-of date day first', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/aging');
    const asOf = page.getByLabel('Date d’arrêté');
    await page.getByTestId('aging-totals').waitFor();
    // A text field, not the browser's date picker: it shows the date as the interface writes it.
    expect(await asOf.evaluate((input) => (input as HTMLInputElement).type)).toBe('text');
    expect(await asOf.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await asOf.fill('31/03/2026');
    const asked = page.waitForRequest(
      (r) => r.url().includes('/api/reports/aging') && r.url().includes('asOf='),
    );
    await page.getByRole('button', { name: 'Appliquer' }).click();
    expect(new URL((await asked).url()).searchParams.get('asOf')).toBe('2026-03-31');
    // Not a date: said under the field.
    await page.getByLabel('Date d’arrêté').fill('31/02/2026');
    await page.getByText('Une date sous la forme jj/mm/aaaa').waitFor();
    await page.context().close();
  });

  it('takes the audit signals’ period day first', async () => {
    const page = await fixture.signIn(USERS.director, '/audit/signals');
    await page.getByTestId('signal-count').waitFor();
    await page.getByLabel('Du', { exact: true }).fill('01/01/2026');
    await page.getByLabel('Au', { exact: true }).fill('31/03/2026');
    const asked = page.waitForRequest(
      (r) => r.url().includes('/api/audit/signals?') && r.url().includes('from='),
    );
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const params = new URL((await asked).url()).searchParams;
    expect([params.get('from'), params.get('to')]).toEqual(['2026-01-01', '2026-03-31']);
    await expect
      .poll(() => page.getByTestId('signal-count').textContent())
      .toContain('Période du 01/01/2026 au 31/03/2026');
    await page.context().close();
  });

  it('submits a promotion with its validity typed day first', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/promotions');
    const form = page.getByTestId('promotions-form');
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Code', exact: true }).fill('DATES-JJMM');
    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('Dates saisies jour d’abord');
    await form.getByRole('textbox', { name: 'Début', exact: true }).fill('01/09/2026');
    await form.getByRole('textbox', { name: 'Fin', exact: true }).fill('30/09/2026');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/promotions') && r.method() === 'POST');
    await form.getByRole('button', { name: 'Soumettre' }).click();
    const body = (await sent).postDataJSON() as { validFrom: string; validTo: string };
    expect([body.validFrom, body.validTo]).toEqual(['2026-09-01', '2026-09-30']);
    const row = page.getByTestId('promotions-table').getByRole('row', { name: /DATES-JJMM/ });
    await expect.poll(() => row.textContent()).toContain('du 01/09/2026 au 30/09/2026');
    await page.context().close();
  });

  it('writes the anomalies’ negative figures with the minus sign and their DSO to one decimal', async () => {
    const page = await fixture.signIn(USERS.director, '/anomalies');
    const warnings = page.getByTestId('severity-warning');
    await warnings.getByTestId('finding').first().waitFor();
    // A figure never starts with a hyphen-minus in French (« −0,5 », not « -0,5 »).
    const cells = await warnings.locator('td, dd').allTextContents();
    expect(cells.filter((cell) => /^\s*-\d/.test(cell))).toEqual([]);
    const drift = warnings.getByTestId('finding').filter({ hasText: 'Dérive du DSO' });
    if ((await drift.count()) > 0) {
      const dso = drift
        .first()
        .locator('dl > div')
        .filter({ has: page.locator('dt', { hasText: /^DSO simple sur 3 mois \(j\)$/ }) })
        .locator('dd');
      expect(await dso.textContent()).toMatch(/^\d+,\d$/);
    }
    await page.context().close();
  });
});
