/**
 * Taking over an imported dispute on the disputes page, in French: « Prendre en charge » opens the
 * form in the line, the collector chooses the department, the amount contested, the date to answer
 * by and a note, and the imported line gives way to a live dispute record (source Encours, open,
 * editable) with those particulars, read back from the API. The dispute taken over is the imported
 * one of the highest customer code, so that it is not the disputed customer raw-codes.test.ts reads.
 * Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

let fixture: BrowserFixture;

/** What this test reads of a line of `GET /api/dunning/disputes` (web/src/pages/dunning/DisputesPage.tsx). */
interface DisputeLine {
  source: 'record' | 'imported';
  disputeId: number | null;
  eventId: number | null;
  customerCode: string;
  documentRef: string;
  reason: string;
  department: string;
  amountMinor: number;
  currency: string;
  note: string;
  openedOn: string;
  respondBy: string | null;
  status: string;
}

describe.skipIf(!HAS_CHROMIUM)('taking over an imported dispute', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('turns the imported line into an editable dispute record with the particulars chosen', async () => {
    const page = await fixture.signIn(USERS.collector, '/dunning/disputes');
    const disputes = async () => {
      // Every line on one page of the API (the page itself shows 50 at a time, open ones first).
      const response = await page.request.get(`${fixture.baseUrl}/api/dunning/disputes?limit=500`);
      expect(response.status()).toBe(200);
      return ((await response.json()) as { items: DisputeLine[] }).items;
    };
    const imported = (await disputes())
      .filter((d) => d.source === 'imported' && d.status === 'open')
      .sort((a, b) => b.customerCode.localeCompare(a.customerCode) || (b.eventId ?? 0) - (a.eventId ?? 0))[0];
    if (!imported?.eventId) throw new Error('the demo company has open imported disputes');
    expect(imported.currency).toBe('EUR');
    const eventId = imported.eventId;
    // Half the amount, whole cents: at most what the invoice still owes, and not the amount shown.
    const amountMinor = Math.round(imported.amountMinor / 2);
    const amountTyped = (amountMinor / 100).toFixed(2).replace('.', ',');
    const respondBy = addDays(imported.openedOn, 30);
    // Typed and shown day first, as everywhere in the app (« 30/07/2026 »).
    const respondByTyped = respondBy.split('-').reverse().join('/');
    const note = 'Avoir partiel à l’étude avec la comptabilité';

    const table = page.getByTestId('dunning-disputes');
    const importedRow = table.getByRole('row').filter({
      has: page.getByRole('cell', { name: `E${eventId}`, exact: true }),
    });
    await importedRow.getByText('Importé', { exact: true }).waitFor();
    await importedRow.getByRole('button', { name: 'Prendre en charge' }).click();
    const form = page.getByTestId(`dispute-take-over-${eventId}`);
    await form.getByLabel('Service').selectOption({ label: 'Comptabilité' });
    await form.getByLabel('Montant (EUR)').fill(amountTyped);
    await form.getByLabel('Réponse attendue le').fill(respondByTyped);
    await form.getByLabel('Commentaire').fill(note);
    await page.screenshot({ path: join(ARTIFACTS, 'dispute-take-over-form.png') });
    await form.getByRole('button', { name: 'Prendre en charge' }).click();

    // The API lists the record in place of the imported line.
    await expect
      .poll(async () => (await disputes()).some((d) => d.source === 'imported' && d.eventId === eventId))
      .toBe(false);
    const records = (await disputes()).filter(
      (d) => d.source === 'record' && d.documentRef === imported.documentRef,
    );
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({
      status: 'open',
      customerCode: imported.customerCode,
      reason: imported.reason,
      department: 'accounting',
      amountMinor,
      respondBy,
      note,
      // Opened on the imported line's date, so that the invoice stays out of the reminders throughout.
      openedOn: imported.openedOn,
    });
    const disputeId = record?.disputeId;
    expect(disputeId).toEqual(expect.any(Number));

    // The page shows it as a record of Encours, open and editable; the imported line is gone.
    const recordRow = table.getByRole('row').filter({
      has: page.getByRole('cell', { name: String(disputeId), exact: true }),
    });
    await recordRow.getByRole('button', { name: 'Modifier' }).waitFor();
    expect(await importedRow.count()).toBe(0);
    expect(await form.count()).toBe(0);
    const line = (await recordRow.textContent()) ?? '';
    expect(line).toContain('Comptabilité');
    expect(line).toContain('Ouvert');
    expect(line).not.toContain('Importé');
    expect(line).not.toContain('Litige de l’historique importé');
    await recordRow.getByRole('button', { name: 'Modifier' }).click();
    const edit = page.getByTestId(`dispute-edit-${disputeId}`);
    expect(await edit.getByLabel('Montant (EUR)').inputValue()).toBe(amountTyped);
    expect(await edit.getByLabel('Réponse attendue le').inputValue()).toBe(respondByTyped);
    await page.screenshot({ path: join(ARTIFACTS, 'dispute-taken-over.png') });
    await edit.getByRole('button', { name: 'Annuler' }).click();
    await page.context().close();
  });
});
