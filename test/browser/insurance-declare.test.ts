/**
 * Declaring a threatened loss from the credit-insurance page, in French. The row of the demo's
 * invoice past its declaration deadline (Hyperdis Annecy, F2025-002225) offers to declare the
 * customer's unpaid invoices: the click declares nothing, it shows every overdue invoice the
 * declaration would take, with its days late and deadline, and the total — the invoice past its
 * deadline unticked, as declaring it now would not be guaranteed. Cancelling records
 * nothing; leaving out the most recent invoice changes the total, and the declaration then holds
 * exactly the invoices kept. What is recorded is read back from the API. Skipped when
 * /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '#text/format';
import type {
  DeclarationPreviewResponse,
  InsuranceClaimResponse,
} from '../../src/http/schemas/insurance-claims.ts';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';
import { pageApi } from './page-api.ts';

const INVOICE = 'F2025-002225';
let fixture: BrowserFixture;

describe.skipIf(!HAS_CHROMIUM)('declaring a threatened loss', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows what it would declare and declares only the invoices confirmed', async () => {
    const page = await fixture.signIn(USERS.credit_manager, '/insurance');
    const api = pageApi(fixture.baseUrl, page);
    const row = page.getByTestId('insurance-deadlines').getByRole('row', { name: new RegExp(INVOICE) });
    await row.waitFor();
    const code = /\((C\d+)\)/.exec((await row.textContent()) ?? '')?.[1];
    if (!code) throw new Error(`no customer code on the row of ${INVOICE}`);
    const claimsOf = async () =>
      (await api.get<{ items: InsuranceClaimResponse[] }>(`/api/insurance/claims?customer=${code}`)).items;
    expect(await claimsOf()).toEqual([]);
    const expected = await api.post<DeclarationPreviewResponse>('/api/insurance/claims/preview', {
      customerCode: code,
    });
    expect(expected.invoices.length).toBeGreaterThan(1);
    const money = (minor: number) => formatMoney('fr', minor, expected.currency);

    const declare = row.getByRole('button', { name: 'Déclarer les impayés du client…' });
    const preview = page.getByTestId('declaration-preview');
    await declare.click();
    await preview.waitFor();
    const shown = (await preview.textContent()) ?? '';
    for (const invoice of expected.invoices) expect(shown).toContain(invoice.ref);
    // The invoice past its deadline is offered unticked, with why: declared now, it is not guaranteed.
    const lapsed = expected.invoices.filter((i) => !i.guaranteed);
    expect(lapsed.map((i) => i.ref)).toEqual([INVOICE]);
    expect(await preview.getByRole('checkbox', { name: INVOICE }).isChecked()).toBe(false);
    expect(await preview.getByTestId('declaration-not-guaranteed').textContent()).toMatch(
      /^délai de déclaration dépassé le \d\d\/\d\d\/\d{4}\u00a0: facture non garantie$/,
    );
    const inTime = expected.invoices.filter((i) => i.guaranteed);
    const inTimeTotal = inTime.reduce((sum, i) => sum + i.openMinor, 0);
    await page
      .getByTestId('declaration-total')
      .filter({
        hasText: new RegExp(`^${inTime.length} factures, ${money(inTimeTotal)}\u00a0; part garantie`),
      })
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'insurance-declare-preview.png'), fullPage: true });

    // Cancelling declares nothing.
    await preview.getByRole('button', { name: 'Annuler' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(await claimsOf()).toEqual([]);

    // The most recent invoice (a few days late) is left out: the total follows.
    await declare.click();
    await preview.waitFor();
    const youngest = [...expected.invoices].sort((a, b) => a.daysLate - b.daysLate)[0]!;
    await preview.getByRole('checkbox', { name: youngest.ref }).uncheck();
    const keptTotal = inTimeTotal - youngest.openMinor;
    const kept = inTime.length - 1;
    await page
      .getByTestId('declaration-total')
      .filter({ hasText: `${kept} facture${kept > 1 ? 's' : ''}, ${money(keptTotal)}` })
      .waitFor();
    await preview.getByRole('button', { name: /^Déclarer ce/ }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /^Menace de sinistre n° \d+ déclarée\.$/ })
      .waitFor();
    await preview.waitFor({ state: 'detached' });
    const claims = await claimsOf();
    expect(claims).toHaveLength(1);
    expect(claims[0]?.items.map((i) => i.ref).sort()).toEqual(
      inTime
        .map((i) => i.ref)
        .filter((ref) => ref !== youngest.ref)
        .sort(),
    );
    expect(claims[0]?.outstandingMinor).toBe(keptTotal);
    // Every invoice it declares was in time: the claim is not shown late.
    expect([claims[0]?.late, claims[0]?.lateInvoices]).toEqual([false, 0]);
    expect(await page.getByText('hors délai', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'insurance-declared.png'), fullPage: true });
    await page.context().close();
  });
});
