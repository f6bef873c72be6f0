/**
 * Leftovers of a walk-through, read in French on the demo company at 1440×900: the forecast's
 * period table keeps its total row in sight while its periods scroll, and the financing rate's
 * « Nouveau taux annuel » fits on one line; the run's grand total prints the credits deducted with
 * the minus sign (U+2212); the rates page is titled as the menu names it and takes a half-year
 * written « S2 2097 ». Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewDunningRun } from '#app/dunning/plan-run';
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

  it('prints the credits deducted with the minus sign', async () => {
    const actions = (await previewDunningRun(fixture.database.context('CB2C'))).actions;
    // The demo's run deducts some unapplied credits: their line shows.
    expect(actions.some((a) => a.creditsMinor > 0)).toBe(true);
    const page = await fixture.signIn(USERS.credit_manager, '/dunning/run');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await page.getByTestId('dunning-run').waitFor(SLOW);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/-\s?\d[\d\s\u202f]*,\d\d\s€/u);
    expect(await page.getByTestId('dunning-run-total-credits').textContent()).toMatch(/\u2212\d/u);
    await page.context().close();
  });

  it('titles the rates page as the menu names it and takes « S2 2097 »', async () => {
    const page = await fixture.signIn(USERS.admin, '/dunning/rates');
    await page.getByTestId('dunning-rates').waitFor(SLOW);
    const title = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    expect(title).toBe('Table des taux semestriels');
    expect(await page.getByRole('navigation').getByRole('link', { name: title }).count()).toBe(1);
    const form = page.getByTestId('rate-form');
    expect(await form.textContent()).toContain('S1 AAAA (janvier–juin) ou S2 AAAA (juillet–décembre)');
    await form.getByLabel('Semestre').fill('S2 2097');
    await form.getByLabel('Taux BCE (%)').fill('2,3');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    const row = page.getByRole('row', { name: /2nd semestre 2097/ });
    await row.waitFor(SLOW);
    expect((await row.textContent()) ?? '').toMatch(/2,30\s%[\s\S]*12,30\s%/);
    await form.getByLabel('Semestre').fill('2097H3');
    expect(await form.textContent()).toContain('Semestre attendu sous la forme S2 2026 ou 2026S2');
    await page.context().close();
  });
});
