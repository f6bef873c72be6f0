/**
 * Leftovers of a walk-through, read in French on the demo company at 1440×900: the forecast's
 * period table keeps its total row in sight while its periods scroll, and the financing rate's
 * « Nouveau taux annuel » fits on one line; the run's grand total prints the credits deducted with
 * the minus sign (U+2212), and so does the row of the customer they are deducted from, each credit
 * by reference and date; the invoices not reminded follow the rows' customer filter; the rates
 * page is titled as the menu names it, takes a half-year written « S2 2012 », brings a half-year of
 * the table into its form, and refuses one whose rate cannot be known yet.
 * Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCustomerFile } from '#app/customers/customers';
import { previewDunningRun } from '#app/dunning/plan-run';
import { claimShareOf } from '#core/dunning/run-totals';
import { formatDate } from '#text/format';
import { money } from '../../web/src/format.ts';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

const SLOW = { timeout: 120_000 };
let fixture: BrowserFixture;

async function box(locator: Locator): Promise<{ top: number; bottom: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not rendered');
  return { top: found.y, bottom: found.y + found.height, height: found.height };
}

/** The total row lies inside the table's scrolling box, not below its fold. */
async function expectTotalInSight(page: Page): Promise<void> {
  const table = page.getByTestId('forecast-table');
  const viewport = table.locator('xpath=ancestor::*[@data-scrollarea-viewport][1]');
  const total = page.getByTestId('forecast-table-total');
  const [frame, row] = [await box(viewport), await box(total)];
  expect(row.bottom).toBeLessThanOrEqual(frame.bottom + 1);
  expect(row.top).toBeGreaterThanOrEqual(frame.top);
}

describe.skipIf(!HAS_CHROMIUM)('the walk-through’s leftovers', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('keeps the forecast’s total row in sight and the rate’s label on one line', async () => {
    // Signed in on a light page first: the forecast's first answer may take longer than a sign-in waits.
    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.goto(`${fixture.baseUrl}/forecast`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('forecast-table').waitFor(SLOW);
    await expectTotalInSight(page);
    // By day the 13 weeks are 91 lines, far more than the card shows: the total still shows.
    await page.getByTestId('forecast-by').getByText('Jour').click();
    await expect
      .poll(() => page.getByTestId('forecast-table').locator('tbody tr').count(), SLOW)
      .toBeGreaterThan(60);
    await expectTotalInSight(page);
    await page
      .getByTestId('forecast-weeks')
      .screenshot({ path: join(ARTIFACTS, 'forecast-total-in-sight.png') });

    const card = page.getByTestId('financing-rate');
    const label = card.getByText('Nouveau taux annuel', { exact: true });
    await label.waitFor();
    const lineHeight = await label.evaluate((element) =>
      Number.parseFloat(getComputedStyle(element).lineHeight),
    );
    expect((await box(label)).height).toBeLessThan(1.5 * lineHeight);
    await page.context().close();
  });

  it('prints the credits deducted with the minus sign, on the total and on their customer’s row', async () => {
    const ctx = fixture.database.context('CB2C');
    const run = await previewDunningRun(ctx);
    // The demo's run deducts some unapplied credits: the customer's row shows them.
    const deducting = run.actions.find((a) => a.creditsMinor > 0);
    if (!deducting) throw new Error('the demo run deducts no credit');
    // The total deducts only what the claiming actions deduct: a courtesy e-mail or a call task claims
    // nothing (core/dunning/run-totals.ts), and the demo's deducting customers all get one of these.
    const claimedCredits = run.actions.some((a) => a.creditsMinor > 0 && claimShareOf(a) === 'claimed');
    const page = await fixture.signIn(USERS.credit_manager, '/dunning/run');
    // The rows read the credits from the preview: no customer's file is fetched for them.
    const customerReads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/customers/')) customerReads.push(request.url());
    });
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await page.getByTestId('dunning-run').waitFor(SLOW);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/-\s?\d[\d\s\u202f]*,\d\d\s€/u);
    await page.getByTestId('dunning-run-grand-total').waitFor(SLOW);
    const totalCredits = page.getByTestId('dunning-run-total-credits');
    expect(await totalCredits.count()).toBe(claimedCredits ? 1 : 0);
    if (claimedCredits) expect(await totalCredits.textContent()).toMatch(/\u2212\d/u);

    // The customer's row says what it deducts, so that it adds up: each credit by reference and date.
    await page.getByLabel('Client (nom ou code)').fill(deducting.customerCode);
    const credits = page.getByTestId('dunning-run-action-credits');
    const minus = (minor: number) => money(minor, 'EUR', 'fr');
    await expect
      .poll(async () => (await credits.textContent()) ?? '', SLOW)
      // « déduits » says the sign: the amount itself is written without a second minus.
      .toContain(`Avoirs et acomptes non affectés déduits\u00a0: ${minus(deducting.creditsMinor)}`);
    const file = await getCustomerFile(ctx, deducting.customerCode, run.asOf);
    const open = file.openItems.filter((item) => item.openMinor < 0 && item.currency === deducting.currency);
    expect(open.reduce((sum, item) => sum - item.openMinor, 0)).toBe(deducting.creditsMinor);
    for (const item of open)
      await expect
        .poll(async () => (await credits.textContent()) ?? '')
        .toContain(`${item.externalRef} · ${formatDate('fr', item.issueDate)} · ${minus(item.openMinor)}`);
    await credits.screenshot({ path: join(ARTIFACTS, 'run-row-credits.png') });
    expect(customerReads).toEqual([]);

    // The invoices not reminded follow the same filter: only this customer's, or a word that none.
    const skipped = page.getByTestId('dunning-run-skipped').getByRole('row');
    const ofCustomer = run.skipped.filter((s) => s.customerCode === deducting.customerCode);
    await expect.poll(() => skipped.count()).toBe(ofCustomer.length);
    if (ofCustomer.length === 0) await page.getByTestId('dunning-run-skipped-none').waitFor();
    await page.getByLabel('Client (nom ou code)').fill('');
    await expect.poll(() => skipped.count()).toBe(run.skipped.length);
    await page.context().close();
  });

  it('titles the rates page as the menu names it and takes « S2 2012 »', async () => {
    const page = await fixture.signIn(USERS.admin, '/dunning/rates');
    await page.getByTestId('dunning-rates').waitFor(SLOW);
    const title = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    expect(title).toBe('Table des taux semestriels');
    expect(await page.getByRole('navigation').getByRole('link', { name: title }).count()).toBe(1);
    const form = page.getByTestId('rate-form');
    expect(await form.textContent()).toContain('S1 AAAA (janvier–juin) ou S2 AAAA (juillet–décembre)');
    // A half-year before the shipped table (2014 on), so that no other file's figures change.
    await form.getByLabel('Semestre').fill('S2 2012');
    await form.getByLabel('Taux BCE (%)').fill('2,3');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    // Its own row, rates first: not the run of half-years still missing (« 2nd semestre 2012 – … »),
    // which the page may show from the gaps it reads before the saved row.
    const row = page.getByRole('row', { name: /^2nd semestre 2012 \d/ });
    await row.waitFor(SLOW);
    expect((await row.textContent()) ?? '').toMatch(/2,30\s%[\s\S]*12,30\s%/);
    await form.getByLabel('Semestre').fill('2097H3');
    expect(await form.textContent()).toContain('Semestre attendu sous la forme S2 2026 ou 2026S2');
    await page.context().close();
  });

  it('brings a half-year of the table into the form, and refuses one whose rate is not known yet', async () => {
    const page = await fixture.signIn(USERS.admin, '/dunning/rates');
    await page.getByTestId('dunning-rates').waitFor(SLOW);
    // Its ECB rate has applied since 11/06/2025: December 2025's meeting changed nothing (0072).
    const first2026 = page.getByRole('row', { name: /1er semestre 2026/ });
    expect(await first2026.textContent()).toContain('Taux BCE en vigueur depuis le 11/06/2025');
    const form = page.getByTestId('rate-form');
    const field = (name: string) => form.getByLabel(name, { exact: true });
    await field('Semestre').fill('s1 2026');
    await expect.poll(() => field('Taux BCE (%)').inputValue()).toBe('2,15');
    expect(await field('Taux d’intérêt légal, créanciers professionnels (%)').inputValue()).toBe('2,62');
    expect(await field('Source').inputValue()).toBe('BCE 11/06/2025; taux légal 2026 S1');
    expect(await page.getByTestId('rate-form-known').textContent()).toBe(
      'Le 1er semestre 2026 est déjà dans la table\u00a0: ses taux enregistrés sont repris, modifiez-les pour le corriger.',
    );
    await page.getByTestId('rate-form').screenshot({ path: join(ARTIFACTS, 'rate-form-known.png') });
    // The company's date is 30/06/2026: the 2nd half of 2026 is the latest whose rate can be known.
    await field('Semestre').fill('S1 2027');
    expect(await field('Source').inputValue()).toBe('');
    await field('Taux BCE (%)').fill('2,15');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent(), SLOW)
      .toBe(
        'Le taux du 1er semestre 2027 ne peut pas encore être connu\u00a0: c’est le taux de la BCE en vigueur le premier jour du semestre. Au 30/06/2026, le dernier semestre que l’on peut saisir est le 2nd semestre 2026.',
      );
    expect(await page.getByRole('row', { name: /1er semestre 2027/ }).count()).toBe(0);
    await page.context().close();
  });
});
