/**
 * A run's registered letter followed up on the run page, in French: the collector types La Poste's
 * number (refused while it is not one), saves it with the day it was posted, then records the
 * signed acknowledgement of receipt; both stay after a reload, and the customer's timeline tells
 * the formal notice and its receipt. The run is sent to one customer only (by the use case), one
 * no other browser file looks at, dated the reference date as the other files' runs are.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeDunningRun } from '#app/dunning/execute-run';
import { previewDunningRun } from '#app/dunning/plan-run';
import { formatDate } from '#text/format';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';
import { RAW_CODES, rawCodesIn } from './page-text.ts';

const SLOW = { timeout: 120_000 };
/** Customers the other browser files read or write (dunning-history.test.ts lists them too). */
const LOOKED_AT_ELSEWHERE = new Set(['C00001', 'C00006', 'C00009', 'C00105', 'C00162', 'C00289']);
const NBSP = '\u00a0';

let fixture: BrowserFixture;
let page: Page;

describe.skipIf(!HAS_CHROMIUM)('a registered letter followed up on the run page', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('takes the number and the acknowledgement of receipt, and the timeline tells them', async () => {
    const ctx = fixture.database.context('CB2C');
    const preview = await previewDunningRun(ctx);
    const notice = preview.actions.find(
      (a) => a.channel === 'registered_letter' && !LOOKED_AT_ELSEWHERE.has(a.customerCode),
    );
    if (!notice) throw new Error('the demo company sends a formal notice on its reference date');
    const run = await executeDunningRun(ctx, { asOf: preview.asOf, customerCodes: [notice.customerCode] });
    const day = formatDate('fr', preview.asOf);

    page = await fixture.signIn(USERS.collector, `/dunning/run?run=${run.runId}`);
    page.setDefaultTimeout(SLOW.timeout);
    await page.getByTestId('dunning-registered-tab').click();
    const row = page.getByTestId('registered-letter-row').filter({ hasText: notice.customerName });
    const number = row.getByLabel('N° de recommandé');
    await number.fill('1A 987 654');
    await row.getByText('13 caractères').waitFor();
    const save = row.getByTestId('registered-number-form').getByRole('button', { name: 'Enregistrer' });
    expect(await save.isDisabled()).toBe(true);
    await number.fill('1a 987 654 3210 5');
    // The day it was posted starts from the run's date.
    expect(await row.getByLabel('Déposée le').inputValue()).toBe(day);
    await save.click();
    await row.getByTestId('registered-number').getByText('1A 987 654 3210 5').waitFor();
    expect((await row.getByTestId('registered-number').textContent()) ?? '').toContain(`déposée le ${day}`);

    await row.getByRole('combobox', { name: 'Avis de réception' }).click();
    await page.getByRole('option', { name: 'Distribuée, avis de réception signé' }).click();
    await row.getByLabel('Le', { exact: true }).fill(day);
    await row.getByTestId('registered-outcome-form').getByRole('button', { name: 'Enregistrer' }).click();
    await row.getByTestId('registered-outcome').getByText(`AR signé le ${day}`).waitFor();
    await page.reload();
    await page.getByTestId('dunning-registered-tab').click();
    const kept = page.getByTestId('registered-letter-row').filter({ hasText: notice.customerName });
    expect((await kept.getByTestId('registered-number').textContent()) ?? '').toContain('1A 987 654 3210 5');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads
    const shown = await page.getByTestId('dunning-registered-letters').innerText();
    expect(rawCodesIn(shown, [...RAW_CODES, 'delivered', 'registered_letter'])).toEqual([]);
    await page
      .getByTestId('dunning-registered-letters')
      .screenshot({ path: `${ARTIFACTS}/dunning-registered-tracking.png` });

    await page.goto(`${fixture.baseUrl}/customers/${notice.customerCode}`);
    const line = page
      .getByTestId('timeline')
      .locator('.mantine-Timeline-item')
      .filter({ hasText: 'AR signé' });
    await line.waitFor();
    expect((await line.textContent()) ?? '').toContain(
      `Mise en demeure envoyée en recommandé n°${NBSP}1A 987 654 3210 5 — AR signé le ${day}`,
    );
  }, 300_000);
});
