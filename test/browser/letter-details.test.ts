/**
 * The letters' contact details in Chromium (Administration › Société): the admin types a wrong
 * IBAN and is told so under the field in the catalogue's words before anything is sent, corrects
 * it, fills in the BIC and who signs, saves, and the API holds what the letters will print (an
 * IBAN in groups of four). The settings are put back afterwards: the fork's other files read the
 * demo's letters.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

let fixture: BrowserFixture;

describe.skipIf(!HAS_CHROMIUM)('the letters’ contact details in Chromium', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('checks the IBAN as the API does, then saves the details the letters print', async () => {
    const page = await fixture.signIn(USERS.admin, NAV_START);
    await page.setViewportSize({ width: 1366, height: 900 });
    const before = await (await page.request.get(`${fixture.baseUrl}/api/dunning/settings`)).json();
    try {
      await page.getByRole('navigation').getByRole('link', { name: 'Société' }).click();
      const form = page.getByTestId('letter-details-form');
      await form.waitFor();
      // The demo's details are there to edit; no title of its own: the catalogue's is shown.
      expect(await form.getByLabel('IBAN').inputValue()).toBe('FR76 3000 6000 0112 3456 7890 189');
      expect(await form.getByLabel('Fonction du signataire').getAttribute('placeholder')).toBe(
        'Responsable crédit clients',
      );
      await form.getByLabel('IBAN').fill('FR77 3000 6000 0112 3456 7890 189');
      await form.getByLabel('BIC').fill('BNP');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await expect
        .poll(() => form.textContent())
        .toContain('IBAN «\u00a0FR77 3000 6000 0112 3456 7890 189\u00a0» invalide');
      expect(await form.textContent()).toContain('BIC «\u00a0BNP\u00a0» invalide');
      await page.screenshot({ path: join(ARTIFACTS, 'admin-letter-details-refused.png'), fullPage: true });
      expect((await (await page.request.get(`${fixture.baseUrl}/api/dunning/settings`)).json()).iban).toBe(
        before.iban,
      );

      await form.getByLabel('IBAN').fill('fr14 2004 1010 0505 0001 3m02 606');
      await form.getByLabel('BIC').fill('ccbpfrppmtg');
      await form.getByLabel('Téléphone').fill('04 78 00 00 01');
      await form.getByLabel('Signataire', { exact: true }).fill('Paul Girard');
      await form.getByLabel('Fonction du signataire').fill('Directeur financier');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await expect
        .poll(() => page.getByTestId('letter-details-message').textContent())
        .toContain('enregistrées');
      expect(await form.getByLabel('IBAN').inputValue()).toBe('FR14 2004 1010 0505 0001 3M02 606');
      await page.screenshot({ path: join(ARTIFACTS, 'admin-letter-details.png'), fullPage: true });
      const saved = await (await page.request.get(`${fixture.baseUrl}/api/dunning/settings`)).json();
      expect(saved).toMatchObject({
        iban: 'FR14 2004 1010 0505 0001 3M02 606',
        bic: 'CCBPFRPPMTG',
        phone: '04 78 00 00 01',
        signatoryName: 'Paul Girard',
        signatoryTitle: 'Directeur financier',
      });
    } finally {
      const { phone, email, iban, bic, signatoryName, signatoryTitle } = before;
      const restored = await page.request.patch(`${fixture.baseUrl}/api/dunning/settings`, {
        data: { phone, email, iban, bic, signatoryName, signatoryTitle },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(restored.status()).toBe(200);
      await page.context().close();
    }
  });
});

async function csrf(page: import('playwright-core').Page): Promise<string> {
  const cookies = await page.context().cookies();
  return decodeURIComponent(cookies.find((cookie) => cookie.name === 'encours_csrf')?.value ?? '');
}
