/**
 * The run's review before sending and the semester rates table, in French, in one browser: the run
 * date starts at the demo's reference date in the UI's format; before a preview the page invites
 * to one, and only a preview that found nothing says there is nothing to send; the preview shows
 * totals per step, the selection's grand total as money, readable step names and 50 actions a
 * page; excluding an action takes its customer out of the selection; past the last semester entered, the preview warns which semester lacks a rate and
 * sending asks first; an admin enters a semester's rate in %.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionView, previewDunningRun } from '#app/dunning/plan-run';
import { formatMoney } from '#text/format';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';
import { RAW_CODES, rawCodesIn } from './page-text.ts';

const CODES = [...RAW_CODES, 'call_task', 'registered_letter', 'formal_notice', 'rate_missing', 'reminder_1'];
const SLOW = { timeout: 120_000 };
const TEST_LIMIT = 300_000;

let fixture: BrowserFixture;
let page: Page;

const ctx = () => fixture.database.context('CB2C');
const totalRow = (key: string) => page.getByTestId(`dunning-run-total-${key}`);

/**
 * The preview's grand total on the page, everything selected: the customers, the actions, and each
 * amount as money (never minor units), the sums of what the API gives each action. What is claimed
 * leaves out the courtesy e-mails (not yet due) and the call tasks, whose amounts show apart.
 */
async function expectGrandTotal(actions: readonly ActionView[]): Promise<void> {
  expect(new Set(actions.map((a) => a.currency))).toEqual(new Set(['EUR']));
  const claiming = actions.filter((a) => a.stepKind !== 'courtesy' && a.channel !== 'call_task');
  const sum = (pick: (a: ActionView) => number, of = claiming) => of.reduce((total, a) => total + pick(a), 0);
  const euros = (minor: number) => formatMoney('fr', minor, 'EUR');
  const title = page.getByTestId('dunning-run-grand-total').locator('th');
  expect(await title.textContent()).toBe('Total de la sélection');
  const apart = (keep: (a: ActionView) => boolean) =>
    euros(sum((a) => a.openTotalMinor, actions.filter(keep)));
  const expected: [string, string][] = [
    ['customers', `Clients${new Set(actions.map((a) => a.customerCode)).size}`],
    ['actions', `Relances${actions.length}`],
    ['principal', `Principal (montants ouverts réclamés)${euros(sum((a) => a.openTotalMinor))}`],
    ['interest', `Intérêts de retard${euros(sum((a) => a.interestMinor))}`],
    ['indemnity', `Indemnités forfaitaires de recouvrement${euros(sum((a) => a.indemnityMinor))}`],
    ['due', `Total à recouvrer${euros(sum((a) => a.totalDueMinor))}`],
    [
      'calls',
      `Hors total — tâches d’appel (montants ouverts)${apart((a) => a.stepKind !== 'courtesy' && a.channel === 'call_task')}`,
    ],
    ['courtesy', `Hors total — prévenances (factures à échoir)${apart((a) => a.stepKind === 'courtesy')}`],
  ];
  for (const [key, text] of expected) expect((await totalRow(key).textContent()) ?? '').toBe(text);
  // The demo's reminders claim interest and indemnities: each line says something.
  expect(sum((a) => a.interestMinor)).toBeGreaterThan(0);
  expect(sum((a) => a.indemnityMinor)).toBeGreaterThan(0);
}

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
      // Nothing previewed yet: the page invites to preview, the button does not say « nothing to send ».
      const sendButton = page.getByTestId('dunning-send-selected');
      expect(await sendButton.textContent()).toBe('Envoyer la sélection');
      expect(await sendButton.isDisabled()).toBe(true);
      expect((await page.getByTestId('dunning-preview-invite').textContent()) ?? '').toContain(
        'cliquez sur «\u00a0Aperçu\u00a0»',
      );
      await page.getByRole('button', { name: 'Aperçu' }).click();
      await page.getByTestId('dunning-run').waitFor();
      expect(await page.getByTestId('dunning-preview-invite').count()).toBe(0);
      await expectGrandTotal((await previewDunningRun(ctx())).actions);
      await page.screenshot({ path: join(ARTIFACTS, 'run-review.png') });
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
      // The grand total follows the selection.
      expect((await totalRow('actions').textContent()) ?? '').toBe(`Relances${now}`);
      // Another date typed (or one that reads as none) without a new preview: nothing can be sent.
      const previewed = await dateField.inputValue();
      await dateField.fill('15/07/2026');
      await page.getByTestId('dunning-preview-stale').waitFor();
      expect(await sendButton.isDisabled()).toBe(true);
      await dateField.fill('15/07/20');
      expect(await sendButton.isDisabled()).toBe(true);
      await dateField.fill(previewed);
      await expect.poll(() => sendButton.isDisabled()).toBe(false);
      expect(await page.getByTestId('dunning-preview-stale').count()).toBe(0);
      await mainText();
    },
    TEST_LIMIT,
  );

  it(
    'says beside an invoice why the account’s notice or a catch-up took it past its next step, and shows the policy’s settings',
    async () => {
      await page.goto(`${fixture.baseUrl}/dunning/run`);
      const dateField = page.getByLabel('Date');
      await expect.poll(() => dateField.inputValue(), SLOW).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      await page.getByRole('button', { name: 'Aperçu' }).click();
      await page.getByTestId('dunning-run').waitFor();
      // Guérin Négoce, put on notice on 5 May (its history): its invoices due since join that notice.
      await page.getByLabel('Client (nom ou code)').fill('Guérin Négoce');
      const raised = page.getByTestId('dunning-run-item-raised');
      await expect.poll(() => raised.count(), SLOW).toBe(11);
      expect(await raised.first().textContent()).toBe(
        'portée au niveau de la mise en demeure déjà adressée le 05/05/2026',
      );
      // SARL Dupont Frères, never reminded: a catch-up letter, each invoice saying how late it is.
      await page.getByLabel('Client (nom ou code)').fill('Dupont Frères');
      await expect.poll(() => raised.count(), SLOW).toBe(14);
      expect(await raised.first().textContent()).toMatch(
        /^relance de rattrapage\u00a0: facture en retard de \d+ jours$/,
      );
      await page.screenshot({ path: join(ARTIFACTS, 'run-review-raised.png'), fullPage: true });
      await mainText();
      await page.goto(`${fixture.baseUrl}/dunning/policies`);
      const settings = page.getByTestId('dunning-policy-escalation');
      await settings.waitFor();
      for (const name of ['Mise en demeure étendue au compte', 'Rattrapage selon le retard'])
        expect(await settings.getByLabel(name).isChecked()).toBe(true);
      // Editable: a setting turned off goes with the draft (checked here, not saved: the other tests
      // plan with the demo's policy).
      const catchUp = settings.getByLabel('Rattrapage selon le retard');
      await catchUp.uncheck();
      expect(await catchUp.isChecked()).toBe(false);
      const checked = page.waitForRequest(
        (request) => request.method() === 'POST' && request.url().endsWith('/api/dunning/policies/validate'),
      );
      await page.getByRole('button', { name: 'Vérifier' }).click();
      const draft = (await checked).postDataJSON();
      expect(draft.catchUpByAge).toBe(false);
      expect(draft.accountFloor).not.toBe(false);
      await page.screenshot({ path: join(ARTIFACTS, 'policies-escalation.png'), fullPage: true });
    },
    TEST_LIMIT,
  );

  it(
    'says there is nothing to send only after a preview that found nothing',
    async () => {
      const nothingDue = '2000-01-03';
      expect((await previewDunningRun(ctx(), { asOf: nothingDue })).actions).toEqual([]);
      await page.goto(`${fixture.baseUrl}/dunning/run`);
      const dateField = page.getByLabel('Date');
      await expect.poll(() => dateField.inputValue(), SLOW).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      await dateField.fill('03/01/2000');
      await expect.poll(() => dateField.inputValue()).toBe('03/01/2000');
      await page.getByRole('button', { name: 'Aperçu' }).click();
      await page.getByText('Aucune relance due à cette date.').waitFor();
      const sendButton = page.getByTestId('dunning-send-selected');
      expect(await sendButton.textContent()).toBe('Aucune relance à envoyer');
      expect(await sendButton.isDisabled()).toBe(true);
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
      expect((await dialog.textContent()) ?? '').toContain('Envoyer avec des intérêts incomplets\u00a0?');
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
      // Before the shipped table (2014 on): the run's interest, read by other files, stays as it is.
      await form.getByLabel('Semestre').fill('2012H1');
      await form.getByLabel('Taux BCE (%)').fill('2,4');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      // The table names the half-year in words; the code is what the form takes.
      const row = admin.getByRole('row', { name: /1er semestre 2012/ });
      await row.waitFor(SLOW);
      expect((await row.textContent()) ?? '').toMatch(/2,40\s%[\s\S]*12,40\s%/);
    },
    TEST_LIMIT,
  );
});
