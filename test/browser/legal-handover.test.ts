/**
 * Handing an invoice over to a lawyer from the legal files page, in French. The customer chosen has
 * no formal notice and a note in its story asking not to chase it (« ne pas relancer »): the form
 * shows both warnings and records nothing until « Transmettre quand même »; cancelling records
 * nothing either. What is recorded is read back from the API. The file hands over one invoice of
 * that customer, to a partner this file creates, so that the other files of the fork keep the rest
 * of the customer's invoices in their dunning. Skipped when /usr/bin/chromium is absent.
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
});
