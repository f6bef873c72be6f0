/**
 * The run's review before sending and the semester rates table, in French, in one browser: the run
 * date starts at the demo's reference date in the UI's format; the preview shows totals per step,
 * readable step names and 50 actions a page; excluding an action takes its customer out of the
 * selection; past the last semester entered, the preview warns which semester lacks a rate and
 * sending asks first; an admin enters a semester's rate in %.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserFixture, HAS_CHROMIUM, openBrowserFixture, USERS } from './browser-fixture.ts';
import { RAW_CODES, rawCodesIn } from './page-text.ts';

const CODES = [...RAW_CODES, 'call_task', 'registered_letter', 'formal_notice', 'rate_missing', 'reminder_1'];
const SLOW = { timeout: 120_000 };
const TEST_LIMIT = 300_000;

let fixture: BrowserFixture;
let page: Page;

async function mainText(): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads
  const text = await page.locator('main').innerText();
  expect(rawCodesIn(text, CODES)).toEqual([]);
  return text;
}

describe.skipIf(!HAS_CHROMIUM)('run review and semester rates in French', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    page = await fixture.signIn(USERS.credit_manager);
    page.setDefaultTimeout(SLOW.timeout);
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it(
    'reviews the preview of the reference date: totals, step names, one page, exclusion by customer',
    async () => {
      await page.goto(`${fixture.baseUrl}/dunning/run`);
      const dateField = page.getByLabel('Date');
      await expect.poll(() => dateField.inputValue(), SLOW).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      await page.getByRole('button', { name: 'Aperçu' }).click();
      await page.getByTestId('dunning-run').waitFor();
      const totals = (await page.getByTestId('dunning-run-totals').textContent()) ?? '';
      expect(totals).toContain('Relance 1 (e-mail)');
      expect(totals).toContain('Appel');
      const rows = await page.getByTestId('dunning-run-action').count();
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThanOrEqual(50);
      const selected = page.getByTestId('dunning-run-selected');
      const before = (await selected.textContent()) ?? '';
      const [all = 0] = (before.match(/\d+/g) ?? []).map(Number);
      await page.getByRole('button', { name: 'Exclure' }).first().click();
      const [now = 0] = (((await selected.textContent()) ?? '').match(/\d+/g) ?? []).map(Number);
      expect(now).toBeLessThan(all);
      expect((await page.getByTestId('dunning-send-selected').textContent()) ?? '').toBe(
        `Envoyer les ${now} relances sélectionnées`,
      );
      await mainText();
    },
    TEST_LIMIT,
  );

  it(
    'warns of a missing semester rate and asks before sending',
    async () => {
      await page.goto(`${fixture.baseUrl}/dunning/run`);
      const dateField = page.getByLabel('Date');
      // The reference date arrives first; typed before it, the date would race with it.
      await expect.poll(() => dateField.inputValue(), SLOW).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      await dateField.fill('15/08/2026');
      await expect.poll(() => dateField.inputValue()).toBe('15/08/2026');
      await page.getByRole('button', { name: 'Aperçu' }).click();
      const alert = page.getByTestId('dunning-rate-alert');
      await alert.waitFor();
      expect((await alert.textContent()) ?? '').toContain('2nd semestre 2026');
      expect((await alert.textContent()) ?? '').not.toContain('2026H2');
      await page.getByTestId('dunning-send-selected').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect((await dialog.textContent()) ?? '').toContain('Envoyer avec des intérêts incomplets ?');
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await mainText();
    },
    TEST_LIMIT,
  );

  it(
    'lets an admin enter a semester rate in % and shows the penalty rate',
    async () => {
      const admin = await fixture.signIn(USERS.admin, '/dunning/rates');
      await admin.getByTestId('dunning-rates').waitFor(SLOW);
      const form = admin.getByTestId('rate-form');
      await form.getByLabel('Semestre').fill('2098H1');
      await form.getByLabel('Taux BCE (%)').fill('2,4');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      // The table names the half-year in words; the code is what the form takes.
      const row = admin.getByRole('row', { name: /1er semestre 2098/ });
      await row.waitFor(SLOW);
      expect((await row.textContent()) ?? '').toMatch(/2,40\s%[\s\S]*12,40\s%/);
    },
    TEST_LIMIT,
  );
});
