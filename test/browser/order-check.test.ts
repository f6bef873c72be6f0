/**
 * A salesperson checks an order in the web app before accepting it, sees it held with the API's
 * reasons and the API's figures after the order — the check sent again after a failed attempt with
 * the same Idempotency-Key — and asks for a higher limit from the result: the form
 * opens prefilled (customer, order, the exposure after the order rounded up) and says which role
 * the request went to; the API then holds the request with that amount and order reference. The
 * pages are read as a person reads them (no raw code, no amount in minor units) and photographed
 * at 1440 and 390 px wide to test-artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '#demo/index';
import { money as webMoney } from '../../web/src/format.ts';
import { suggestedLimitMinor } from '../../web/src/pages/credit/credit-requests.ts';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';
import { pageApi } from './page-api.ts';
import { type MinorAmounts, minorUnitsShown, RAW_CODES, rawCodesIn, watchMinorAmounts } from './page-text.ts';

const DESKTOP = { width: 1440, height: 1000 };
const PHONE = { width: 390, height: 844 };
const ORDER_REF = 'CMD-WEB-CONTROLE-1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A loaded shared machine answers slowly: limits, not timings. */
const SLOW = { timeout: 120_000 };
const TEST_LIMIT = 300_000;
const CODES = [...RAW_CODES, 'over_limit', 'hold', 'permanent', 'temporary', 'salesperson', 'credit_manager'];

interface Check {
  decision: string;
  reasons: { code: string; message: string }[];
  exposureMinor: number;
  exposureAfterOrderMinor: number;
  limitMinor: number | null;
  availableAfterOrderMinor: number | null;
  currency: string;
}
interface Candidate {
  code: string;
  name: string;
  amountMinor: number;
  question: Check;
}

let fixture: BrowserFixture;

/** The API as the signed-in page calls it (page-api.ts). */
const apiOf = (page: Page) => pageApi(fixture.baseUrl, page);

/**
 * A customer of the signed-in salesperson that an order would push over its limit, and nothing
 * else would stop: a question (no order reference, nothing recorded) for the amount that takes its
 * exposure a round figure past the limit answers « hold » for that reason alone.
 */
async function heldCandidate(page: Page): Promise<Candidate | undefined> {
  const api = apiOf(page);
  const mine = await api.get<{ items: { code: string; name: string; creditLimitMinor: number | null }[] }>(
    '/api/customers?limit=1000',
  );
  for (const customer of mine.items.filter((c) => c.creditLimitMinor !== null && c.creditLimitMinor > 0)) {
    const now = await api.post<Check>('/api/orders/check', { customerCode: customer.code, amountMinor: 0 });
    if (now.limitMinor === null) continue;
    // Past the limit by a fifth of it (beyond any tolerance), in whole hundreds to type.
    const overshootMinor = Math.max(now.limitMinor - now.exposureMinor, 0) + Math.ceil(now.limitMinor / 5);
    const amountMinor = Math.ceil(overshootMinor / 10_000) * 10_000;
    const question = await api.post<Check>('/api/orders/check', { customerCode: customer.code, amountMinor });
    if (question.decision === 'hold' && question.reasons.every((r) => r.code === 'over_limit'))
      return { code: customer.code, name: customer.name, amountMinor, question };
  }
  return undefined;
}

/** The page's text read as a person reads it, then photographed at both widths. */
async function readAndPhotograph(page: Page, watched: MinorAmounts, name: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads
  const text = await page.locator('body').innerText();
  expect(rawCodesIn(text, CODES)).toEqual([]);
  expect(minorUnitsShown(text, await watched.read())).toEqual([]);
  for (const [width, size] of [
    ['1440', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    // On a phone the navigation slides away behind its burger: photograph the page once it has.
    if (size === PHONE)
      await expect
        .poll(async () => {
          const box = await page.locator('#app-navigation').boundingBox();
          return (box?.x ?? 0) + (box?.width ?? 0);
        })
        .toBeLessThanOrEqual(0);
    // Nothing wider than the screen: a phone scrolls down, never sideways.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, `order-check-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
  return text;
}

const nameOf = (email: string) => DEMO_USERS.find((user) => user.email === email)?.name;
const REASON_FOR_MORE = 'Commande de réassort saisonnier, client régulier';
const REASON_FOR_A_PEAK = 'Pic saisonnier de fin d’année';

let page: Page;
let watched: MinorAmounts;
let candidate: Candidate;
// As the page prints an amount: a negative one (the available after a held order) with « − ».
const money = (minor: number) => webMoney(minor, candidate.question.currency, 'fr');
const requestsOf = (code: string) =>
  apiOf(page).get<{
    items: {
      customerCode: string;
      requestedMinor: number;
      orderRef: string | null;
      status: string;
      kind: string;
      expiresOn: string | null;
      justification: string;
    }[];
  }>(`/api/credit/limit-requests?customerCode=${encodeURIComponent(code)}`);

describe.skipIf(!HAS_CHROMIUM)('order check and limit request in the web app', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    page = await fixture.signIn(USERS.salesperson, '/credit/check', (p) => p.setViewportSize(DESKTOP));
    page.setDefaultTimeout(SLOW.timeout);
    watched = watchMinorAmounts(page);
    const found = await heldCandidate(page);
    expect(found, 'a customer of the salesperson an order pushes over its limit').toBeDefined();
    if (found) candidate = found;
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it(
    'checks an order that is held and shows the API’s reasons and the figures after the order',
    async () => {
      const { question } = candidate;
      // The page is in the navigation of a salesperson.
      await page.getByRole('navigation').getByRole('link', { name: 'Contrôle de commande' }).waitFor();
      const form = page.getByTestId('order-check');
      await form.getByRole('combobox', { name: 'Client' }).fill(candidate.code);
      await page.getByRole('option', { name: `${candidate.name} (${candidate.code})` }).click();
      await form
        .getByRole('textbox', { name: 'Montant de la commande' })
        .fill(String(candidate.amountMinor / 100));
      await form.getByRole('textbox', { name: 'Référence de commande' }).fill(ORDER_REF);
      // The first attempt is lost on the way; the one sent again carries the same key, and a
      // double click sends it once.
      const keys: (string | undefined)[] = [];
      await page.route('**/api/orders/check', async (route) => {
        keys.push(route.request().headers()['idempotency-key']);
        await (keys.length === 1 ? route.abort('failed') : route.continue());
      });
      const submit = form.getByRole('button', { name: 'Contrôler la commande' });
      await submit.click();
      await page.getByRole('alert').waitFor();
      await submit.dblclick();

      await page.getByTestId('order-check-result').waitFor();
      await page.unroute('**/api/orders/check');
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(UUID);
      expect(keys[1]).toBe(keys[0]);
      expect(await page.getByTestId('order-check-decision').textContent()).toBe('Commande bloquée');
      // The API's figures after the order, not a sum of the page's own.
      const text = await readAndPhotograph(page, watched, 'held');
      for (const reason of question.reasons) expect(text).toContain(reason.message);
      expect(text).toContain(`Décision enregistrée pour la commande ${ORDER_REF}.`);
      expect(text).toContain(money(question.exposureAfterOrderMinor));
      expect(text).toContain(money(question.availableAfterOrderMinor ?? 0));
    },
    TEST_LIMIT,
  );

  it(
    'asks for a higher limit from the result, prefilled, and the API holds the request',
    async () => {
      const { question } = candidate;
      await page
        .getByTestId('order-check-result')
        .getByRole('button', { name: 'Demander une hausse de plafond' })
        .click();
      const form = page.getByTestId('limit-request-form');
      await form.waitFor();
      const suggested = suggestedLimitMinor(
        question.exposureAfterOrderMinor,
        question.limitMinor,
        question.currency,
      );
      expect(suggested).not.toBeNull();
      // The input writes the amount as the app does, without the cents of a round figure.
      await expect
        .poll(() => form.getByRole('textbox', { name: 'Limite demandée' }).inputValue())
        .toBe(money(suggested ?? 0).replace(/,00/, ''));
      expect(await form.getByRole('textbox', { name: 'Commande concernée' }).inputValue()).toBe(ORDER_REF);
      await form.getByRole('textbox', { name: 'Justification' }).fill(REASON_FOR_MORE);
      await readAndPhotograph(page, watched, 'request-form');
      await form.getByRole('button', { name: 'Envoyer la demande' }).click();
      const sent = page.getByTestId('limit-request-sent');
      await sent.waitFor();
      expect(await sent.textContent()).toMatch(
        /Demande n° \d+ envoyée\u00a0: limite de .* Elle est à valider par\u00a0: \S/,
      );
      await readAndPhotograph(page, watched, 'request-sent');

      // The API holds the request, with the amount and the order reference of the form…
      const request = (await requestsOf(candidate.code)).items.find((r) => r.orderRef === ORDER_REF);
      expect(request).toMatchObject({
        customerCode: candidate.code,
        requestedMinor: suggested,
        status: 'pending',
      });
      // …and the order waits in the held-orders queue.
      const held = await apiOf(page).get<{ items: { orderRef: string }[] }>('/api/credit/orders?status=held');
      expect(held.items.map((o) => o.orderRef)).toContain(ORDER_REF);
    },
    TEST_LIMIT,
  );

  it(
    'asks for a temporary limit from the inbox, which lists it, and offers a request on the risk panel',
    async () => {
      await page.goto(`${fixture.baseUrl}/credit/limit-requests`);
      await page.getByRole('cell', { name: REASON_FOR_MORE }).waitFor();
      // « Demandé par » names the salesperson; her e-mail is behind the name.
      const requester = page.getByRole('row', { name: REASON_FOR_MORE }).getByTitle(USERS.salesperson);
      await expect.poll(() => requester.textContent(), SLOW).toBe(nameOf(USERS.salesperson));
      await readAndPhotograph(page, watched, 'inbox');
      // A salesperson asks; deciding is for the approvers: no button the API would refuse.
      expect(await page.getByRole('button', { name: 'Approuver' }).count()).toBe(0);

      // The customer is chosen in the form, the end date typed day first.
      await page.getByRole('button', { name: 'Nouvelle demande' }).click();
      const form = page.getByTestId('limit-request-form');
      await form.getByRole('combobox', { name: 'Client' }).fill(candidate.name);
      await page.getByRole('option', { name: `${candidate.name} (${candidate.code})` }).click();
      await form.getByRole('textbox', { name: 'Limite demandée' }).fill('75000');
      await form.getByText('Temporaire').click();
      await form.getByRole('textbox', { name: 'Jusqu’au' }).fill('31/12/2026');
      await form.getByRole('textbox', { name: 'Justification' }).fill(REASON_FOR_A_PEAK);
      await form.getByRole('button', { name: 'Envoyer la demande' }).click();
      await page.getByTestId('limit-request-sent').waitFor();
      await page.getByRole('button', { name: 'Fermer' }).click();
      // The inbox has loaded again, with the new request.
      await page.getByRole('cell', { name: REASON_FOR_A_PEAK }).waitFor();
      const temporary = (await requestsOf(candidate.code)).items.find(
        (r) => r.justification === REASON_FOR_A_PEAK,
      );
      expect(temporary).toMatchObject({
        requestedMinor: 7_500_000,
        kind: 'temporary',
        expiresOn: '2026-12-31',
      });

      await page.goto(`${fixture.baseUrl}/customers/${candidate.code}`);
      await page
        .getByTestId('risk-panel')
        .getByRole('button', { name: 'Demander une hausse de plafond' })
        .click();
      await page.getByTestId('limit-request-form').waitFor();
      await readAndPhotograph(page, watched, 'risk-panel-form');
    },
    TEST_LIMIT,
  );
});
