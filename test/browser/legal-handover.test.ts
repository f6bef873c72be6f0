/**
 * Handing an invoice over to a lawyer from the legal files page, in French. The customer chosen has
 * no formal notice and a note in its story asking not to chase it (« ne pas relancer »): the form
 * shows both warnings and records nothing until « Transmettre quand même »; cancelling records
 * nothing either. What is recorded is read back from the API. The file hands over one invoice of
 * that customer, to a partner this file creates, so that the other files of the fork keep the rest
 * of the customer's invoices in their dunning. Before any file, the page says what a file is and
 * that a partner comes first, with a button to its form; the partners' kind reads as the catalogue
 * labels it. Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '#text/format';
import type { HandOverCheckResponse, LegalFileResponse } from '../../src/http/schemas/legal-handover.ts';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';
import { pageApi } from './page-api.ts';

const PARTNER = 'Cabinet Lenoir & Associés';

let fixture: BrowserFixture;

/** The API as the signed-in page calls it (page-api.ts). */
const apiOf = (page: Page) => pageApi(fixture.baseUrl, page);

interface Candidate {
  customerCode: string;
  check: HandOverCheckResponse;
  note: { date: string; note: string };
}

/**
 * A customer with overdue invoices, none under a formal notice, and a note asking not to chase it,
 * asked of the API in the order of the most overdue (the demo plants one such customer).
 */
async function customerToWarnAbout(api: ReturnType<typeof apiOf>, partnerId: number): Promise<Candidate> {
  const customers = await api.get<{ items: { code: string; overdueMinor: number }[] }>(
    '/api/customers?limit=50&sort=overdue',
  );
  for (const customer of customers.items.filter((c) => c.overdueMinor > 0)) {
    const check = await api.post<HandOverCheckResponse>('/api/legal/files/check', {
      customerCode: customer.code,
      partnerId,
    });
    const note = check.warnings.find(
      (w) => w.code === 'no_chase_note' && /ne pas relancer/i.test(w.note ?? ''),
    );
    if (note?.date && note.note && check.warnings.some((w) => w.code === 'no_formal_notice'))
      return { customerCode: customer.code, check, note: { date: note.date, note: note.note } };
  }
  throw new Error('no demo customer with a « ne pas relancer » note and no formal notice');
}

describe.skipIf(!HAS_CHROMIUM)('handing a file over despite warnings', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows the warnings and hands over only after « Transmettre quand même »', async () => {
    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    const api = apiOf(page);
    const partner = await api.post<{ partnerId: number }>('/api/legal/partners', {
      name: PARTNER,
      kind: 'lawyer',
      amicableCommissionBps: 1_000,
      judicialCommissionBps: 1_500,
    });
    const { customerCode, check, note } = await customerToWarnAbout(api, partner.partnerId);
    const invoice = check.invoices[0];
    if (!invoice) throw new Error(`${customerCode} has no overdue invoice`);
    const filesOfCustomer = async () =>
      (await api.get<{ items: LegalFileResponse[] }>(`/api/legal/files?customer=${customerCode}`)).items;
    expect(await filesOfCustomer()).toEqual([]);

    // The page is loaded once the partner exists, so that the form offers it.
    await page.goto(`${fixture.baseUrl}/legal/files`);
    await page.getByLabel('Code client').fill(customerCode);
    await page.getByRole('combobox', { name: 'Partenaire' }).click();
    await page.getByRole('option', { name: PARTNER }).click();
    await page.getByLabel('Factures (vide : toutes les factures échues)').fill(invoice.documentRef);
    const handOver = page.getByTestId('hand-over');
    const warnings = page.getByTestId('handover-warnings');

    // Cancelling the warnings hands nothing over.
    await handOver.click();
    await warnings.waitFor();
    await warnings.getByRole('button', { name: 'Annuler' }).click();
    await warnings.waitFor({ state: 'detached' });
    expect(await filesOfCustomer()).toEqual([]);

    await handOver.click();
    await warnings.waitFor();
    expect(await handOver.isDisabled()).toBe(true);
    const text = (await warnings.textContent()) ?? '';
    expect(text).toContain(
      `À vérifier avant de transmettre 1 facture (${formatMoney('fr', invoice.openMinor, check.currency)})`,
    );
    expect(text).toContain(
      'Aucune mise en demeure n’a été envoyée\u00a0: un avocat la demandera avant toute procédure.',
    );
    expect(text).toContain(
      `Note du ${formatDate('fr', note.date)}\u00a0: «\u00a0${note.note}\u00a0» — vérifier avant de transmettre.`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'legal-handover-warnings.png'), fullPage: true });
    // Asking what to check recorded nothing.
    expect(await filesOfCustomer()).toEqual([]);

    await warnings.getByRole('button', { name: 'Transmettre quand même' }).click();
    const notice = page.getByRole('alert').filter({ hasText: /^Dossier LF-\d+ transmis/ });
    await notice.waitFor();
    await warnings.waitFor({ state: 'detached' });
    const files = await filesOfCustomer();
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatchObject({ partnerId: partner.partnerId, partnerName: PARTNER, scope: 'invoices' });
    expect(file?.invoices.map((i) => i.documentRef)).toEqual([invoice.documentRef]);
    expect(await notice.textContent()).toBe(
      `Dossier LF-${file?.fileId} transmis\u00a0: ses factures ne sont plus relancées.`,
    );
    // The new file is listed.
    await page
      .getByTestId('legal-files')
      .getByRole('row', { name: new RegExp(`LF-${file?.fileId}\\b.*${customerCode}`) })
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'legal-handover-done.png'), fullPage: true });
    await page.context().close();
  });

  it('explains a legal file before the first one, and the partner it needs first', async () => {
    // The fixture is shared with files that hand over: the lists are answered empty, then with one lawyer.
    let partners: object[] = [];
    const page = await fixture.signIn(USERS.credit_manager, '/legal/files', async (p) => {
      await p.route(/\/api\/legal\/files(\?|$)/, (route) => route.fulfill({ json: { items: [] } }));
      await p.route(/\/api\/legal\/partners(\?|$)/, (route) => route.fulfill({ json: { items: partners } }));
    });
    const empty = page.getByTestId('legal-files-empty');
    await empty.waitFor();
    const text = (await empty.textContent()) ?? '';
    expect(text).toContain(
      'Aucun dossier contentieux. Un dossier confie les factures échues d’un client à un avocat ou à une société de recouvrement',
    );
    expect(text).toContain(
      'Enregistrez d’abord le partenaire (avocat ou société de recouvrement) et ses conditions',
    );
    expect(await page.getByText('Aucun partenaire enregistré.').count()).toBe(1);
    await empty.getByRole('button', { name: 'Enregistrer un partenaire' }).click();
    // The button leads to the partner form, its name field ready.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id))
      .toBe(await page.getByLabel('Nom', { exact: true }).getAttribute('id'));
    await page.screenshot({ path: join(ARTIFACTS, 'legal-files-empty.png'), fullPage: true });

    partners = [
      {
        partnerId: 1,
        name: PARTNER,
        kind: 'lawyer',
        email: null,
        addressLines: ['5 place Bellecour', '69002 Lyon'],
        amicableCommissionBps: 800,
        judicialCommissionBps: 1_200,
        fileFeeMinor: 15_000,
        judicialFeeMinor: 0,
        currency: 'EUR',
      },
    ];
    await page.reload();
    await empty.waitFor();
    expect(await empty.textContent()).toContain(
      'Pour transmettre un dossier, saisissez le code client ci-dessus et choisissez le partenaire.',
    );
    expect(await empty.getByRole('button').count()).toBe(0);
    const row = page.getByTestId('legal-partners').getByRole('row', { name: new RegExp(PARTNER) });
    // The kind as the catalogue labels it, not its code nor a word in lower case.
    expect(await row.locator('td').nth(1).textContent()).toBe('Avocat');
    expect(await row.locator('td').nth(3).textContent()).toBe('5 place Bellecour, 69002 Lyon');
    await page.context().close();
  });
});
