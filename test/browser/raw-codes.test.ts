/**
 * No raw code reaches a person: the demo credit manager visits the main pages in French and the
 * page text is scanned for codes of the core (`net:30`, `wholesaler`, `limit_change`…), for what
 * broken rendering prints (`undefined`, `NaN`, `[object Object]`), and for amounts left in minor
 * units where a money cell is expected. A credit-line change is made first, so that the customer's
 * story and the audit log have an amount and codes to show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCustomer } from '#app/customers/customer-update';
import {
  type BrowserFixture,
  chartsDrawn,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';
import { type MinorAmounts, minorUnitsShown, rawCodesIn, watchMinorAmounts } from './page-text.ts';

let fixture: BrowserFixture;
let disputedCustomer: string;

describe.skipIf(!HAS_CHROMIUM)('no raw code on the French pages', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    const rows = await fixture.database.runtime.handle.pool.query<{ code: string }>(
      `select customer_code as code from customer_events
        where company_id = 'CB2C' and kind = 'dispute' order by customer_code limit 1`,
    );
    disputedCustomer = rows.rows[0]?.code ?? '';
    // A change with an amount and codes (terms, type), recorded in the customer's story and the audit log.
    await updateCustomer(
      { ...fixture.database.context('CB2C'), actor: USERS.credit_manager },
      disputedCustomer,
      { creditLimitMinor: 12_345_600, paymentTerms: 'eom:45', customerType: 'wholesaler' },
    );
    // Building the web app and loading the demo take minutes on a loaded machine: a limit, not a timing.
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('has a customer with a dispute to look at', () => {
    expect(disputedCustomer).toMatch(/^C\d+/);
  });

  it('finds the planted codes when they are there (the scan can fail)', () => {
    expect(rawCodesIn('Conditions : net:30 · Type wholesaler')).toEqual(['net:30', 'wholesaler']);
    expect(rawCodesIn('Grossiste · 30 jours nets · Export · Litige')).toEqual([]);
    expect(rawCodesIn('Montant : NaN €')).toEqual(['NaN']);
    expect(minorUnitsShown('Encours 12345600 · 123 456,00 €', new Set(['12345600']))).toEqual(['12345600']);
    expect(minorUnitsShown('Encours 123 456,00 €', new Set(['12345600']))).toEqual([]);
  });

  // [name, path, what to wait for (a test id, or a CSS selector when it holds '['), whether the page
  // shows amounts read from the API]. The page was loaded for the sign-in form, so waiting for the
  // network to go idle proves nothing: each page waits for an element its data fills.
  const pages: [string, string, string, boolean][] = [
    ['dashboard', '/', 'signed-in-user', true],
    ['customers', '/customers', '[data-testid="customer-table"] tbody tr', true],
    ['aged balance', '/aging', 'aging-totals', true],
    ['risk table', '/risk', 'risk-count', true],
    ['anomalies', '/anomalies', 'finding', true],
    ['audit log', '/audit', 'audit-table', true],
    ['imports', '/imports', 'signed-in-user', false],
    ['collection forecast', '/forecast', 'forecast-weeks', true],
    ['outsourcing simulator', '/outsourcing', 'outsourcing-chart', true],
    ['promotions', '/promotions', 'promotions-form', false],
  ];

  it.each(pages)('shows labels, never codes, on the %s', async (_name, path, testId, showsAmounts) => {
    let watched: MinorAmounts | undefined;
    const page = await fixture.signIn(USERS.credit_manager, path, (opened) => {
      watched = watchMinorAmounts(opened);
    });
    expect(new URL(page.url()).pathname).toBe(path);
    await (testId.includes('[') ? page.locator(testId) : page.getByTestId(testId)).first().waitFor();
    // The amounts the page asked for have come (the sign-in page's idle network says nothing of them).
    if (showsAmounts)
      await expect
        .poll(async () => (await watched?.read())?.size ?? 0, { timeout: 30_000 })
        .toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    if (path === '/') await chartsDrawn(page);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads, not hidden style text
    const text = await page.locator('body').innerText();
    expect(text.length).toBeGreaterThan(200);
    expect(rawCodesIn(text)).toEqual([]);
    const amounts = (await watched?.read()) ?? new Set();
    expect(minorUnitsShown(text, amounts)).toEqual([]);
    if (showsAmounts) expect(amounts.size).toBeGreaterThan(0);
    if (path === '/audit') {
      expect(text).toContain('Fiche client modifiée');
      expect(text).toContain('123\u202f456,00\u00a0€');
      expect(text).not.toContain('12345600');
    }
    await page.context().close();
  });

  it('shows the customer file with its terms, story and orders in words', async () => {
    let watched: MinorAmounts | undefined;
    const page = await fixture.signIn(USERS.credit_manager, `/customers/${disputedCustomer}`, (opened) => {
      watched = watchMinorAmounts(opened);
    });
    await page.getByTestId('timeline').waitFor();
    await page.waitForLoadState('networkidle');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads, not hidden style text
    const text = await page.locator('body').innerText();
    expect(rawCodesIn(text)).toEqual([]);
    expect(text).toContain('45 jours fin de mois');
    expect(text).toContain('Litige');
    expect(text).toContain('Grossiste');
    expect(text).toContain('123\u202f456,00\u00a0€');
    expect(text).not.toContain('12345600');
    const amounts = (await watched?.read()) ?? new Set();
    expect(minorUnitsShown(text, amounts)).toEqual([]);
    expect(amounts.has('12345600')).toBe(true);
    await page.context().close();
  });
});
