/**
 * The credit and dunning pages added by the follow-ups of issues 11 and 12, in French, in one
 * browser: the customer's risk panel (limit history, group exposure) and the risk map; the dunning
 * templates page with its live preview; the run preview with one invoice paused and resumed; the
 * manual reminder form of the agenda with interest and indemnity claimed. Each page is read as a
 * person reads it (labels, no raw code, no amount in minor units) and photographed to /tmp.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLimit } from '#app/credit/limits';
import { generateDemoDataset } from '#app/demo/demo';
import { getAgenda } from '#app/dunning/agenda';
import { type BrowserFixture, HAS_CHROMIUM, openBrowserFixture, USERS } from './browser-fixture.ts';
import { type MinorAmounts, minorUnitsShown, RAW_CODES, rawCodesIn, watchMinorAmounts } from './page-text.ts';

/** Codes of the credit and dunning domains that only the catalogue may turn into words. */
const CODES = [
  ...RAW_CODES,
  'permanent',
  'temporary',
  'group_over_limit',
  'call_task',
  'registered_letter',
  'formal_notice',
  'not_claimed',
  'rate_missing',
  'promise_pending',
  'net_balance_not_positive',
  'insolvency_proceedings',
];
const SCREENSHOTS = '/tmp/encours-credit-dunning';
const escaped = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

let fixture: BrowserFixture;
let page: Page;
let watched: MinorAmounts;
let groupHead: string;
let groupName: string;

/** A loaded shared machine answers slowly: limits, not timings. */
const SLOW = { timeout: 120_000 };
const TEST_LIMIT = 300_000;

interface ReadOptions {
  codes?: readonly string[];
  /** The caller already waited for what the page shows (Playwright never sees a page whose frame
   *  shows a srcdoc e-mail as network-idle). */
  settled?: boolean;
  /** Photograph the screen around this element instead of the whole (long) page. */
  focus?: Locator;
}

/** The page's text checked as a person reads it, then photographed. */
async function readPage(name: string, options: ReadOptions = {}): Promise<string> {
  if (!options.settled) await page.waitForLoadState('networkidle', SLOW);
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads, not hidden style text
  const text = await page.locator('main').innerText();
  expect(rawCodesIn(text, options.codes ?? CODES)).toEqual([]);
  expect(minorUnitsShown(text, await watched.read())).toEqual([]);
  await options.focus?.scrollIntoViewIfNeeded();
  const path = `${SCREENSHOTS}-${name}.png`;
  await page.screenshot({ path, fullPage: options.focus === undefined, ...SLOW });
  return text;
}

describe.skipIf(!HAS_CHROMIUM)('credit and dunning pages in French', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    const demo = generateDemoDataset();
    const situations = demo.manifest.situations;
    groupHead = situations.find((s) => s.kind === 'customer_group')?.customerCode ?? '';
    groupName = demo.customers.find((c) => c.code === groupHead)?.name ?? '';
    // A limit change with a reason, so the history has a line to show.
    await setLimit(
      { ...fixture.database.context('CB2C'), actor: USERS.credit_manager },
      { customerCode: groupHead, amountMinor: 9_876_500, reason: 'Revue du groupe après bilan' },
    );
    page = await fixture.signIn(USERS.credit_manager);
    page.setDefaultTimeout(SLOW.timeout);
    watched = watchMinorAmounts(page);
    // Building the web app and loading the demo take minutes on a loaded machine: a limit, not a timing.
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it(
    'shows the risk panel with the limit history and the group, and the risk map',
    async () => {
      await page.goto(`${fixture.baseUrl}/customers/${groupHead}`);
      await page.getByTestId('limit-history').getByRole('table').waitFor();
      await page.getByTestId('risk-group').waitFor();
      const text = await readPage('risk-panel');
      expect(text).toContain('Historique de la limite');
      expect(text).toContain('Revue du groupe après bilan');
      expect(text).toContain('98\u202f765,00\u00a0€');
      expect(text).toContain('Permanente');
      // The group by its name, not its parent's code.
      expect(text).toContain(`Groupe\u00a0: ${groupName}`);
      expect(text).not.toContain(`groupe ${groupHead}`);

      await page.goto(`${fixture.baseUrl}/risk`);
      await page.getByTestId('risk-map').waitFor();
      const map = await readPage('risk-map');
      expect(map).toContain('Carte des risques par classe');
      expect(map).toContain('Part assurée');
      // The class's insured ÷ exposure, not the covers' « quotité garantie » (90 % in the demo).
      expect(map).toContain('Part assurée de l’exposition');
      expect(map).not.toContain('Quotité');
      // Not the risk table's population: the orders not yet invoiced count here, as exposure.
      expect(map.replace(/\u00a0/g, ' ')).toMatch(
        /Clients comptés : ceux qui ont une pièce ouverte ou une commande non facturée au 30\/06\/2026 \(\d+ clients\)/,
      );
    },
    TEST_LIMIT,
  );

  it(
    'previews a template on the sample reminder',
    async () => {
      await page.goto(`${fixture.baseUrl}/dunning/templates`);
      const templates = page.getByTestId('dunning-templates');
      await templates.waitFor();
      await templates
        .getByRole('row', { name: /Relance.*E-mail/ })
        .first()
        .click();
      const preview = page.getByTestId('dunning-template-preview');
      // The e-mail is rendered in a frame: its text is the sample reminder's, amounts in euros.
      const frame = preview.frameLocator('iframe[title="email"]');
      await expect.poll(() => frame.locator('body').textContent(), SLOW).toContain('1\u202f200,00\u00a0€');
      // A template's code (dunning.formal_notice…) is the name the company's policy gives its step,
      // shown as such like a customer code; the step kinds and channels beside it are in words.
      const text = await readPage('templates', {
        codes: CODES.filter((code) => code !== 'formal_notice'),
        settled: true,
      });
      expect(text).toContain('Modèles de relance');
      expect(text).toContain('Aperçu');
      // A letter is previewed as its PDF in a frame (a blob: URL the page's policy must allow:
      // refused, the frame shows the browser's error page instead).
      await templates
        .getByRole('row', { name: /Mise en demeure.*Courrier/ })
        .first()
        .click();
      await preview.locator('iframe[title="letter"]').waitFor(SLOW);
      await expect
        .poll(() => page.frames().map((frame) => frame.url().split(':')[0]), SLOW)
        .toContain('blob');
    },
    TEST_LIMIT,
  );

  it(
    'pauses one invoice from the run preview, shows why it is left out, and resumes it',
    async () => {
      await page.goto(`${fixture.baseUrl}/dunning/run`);
      await page.getByRole('button', { name: 'Aperçu' }).click();
      const run = page.getByTestId('dunning-run');
      await run.waitFor();
      const first = run.getByRole('button', { name: 'Suspendre' }).first();
      const line = await first.locator('xpath=..').textContent();
      const invoice = line?.split(' · ')[0]?.trim() ?? '';
      await first.click();
      const form = page.getByTestId('pause-form');
      await form.getByLabel('Motif de la suspension').fill('Avoir en préparation');
      // Typed day first, as every date of the interface (not the browser's « mm/dd/yyyy » picker).
      await form.getByLabel('Jusqu’au').fill('31/07/2026');
      await form.getByRole('button', { name: 'Suspendre' }).click();
      const resume = page
        .getByRole('row', { name: escaped(invoice) })
        .getByRole('button', { name: 'Reprendre' });
      await resume.waitFor();
      const text = await readPage('run-paused', { focus: resume });
      expect(text).toContain('Avoir en préparation (jusqu’au 31/07/2026)');
      await resume.click();
      await expect.poll(() => resume.count(), SLOW).toBe(0);
    },
    TEST_LIMIT,
  );

  it(
    'records a reminder made by hand with its interest and indemnity',
    async () => {
      const agenda = await getAgenda(fixture.database.context('CB2C'));
      // Not Guérin Négoce nor Dupont Frères: the run review's file reads their raised invoices,
      // which a reminder recorded today would step already.
      const entry = agenda.entries.find(
        (e) =>
          !['C00149', 'C00162'].includes(e.customerCode) &&
          e.plannedActions.some((a) => a.stepKind === 'reminder' || a.stepKind === 'formal_notice'),
      );
      expect(entry).toBeDefined();
      await page.goto(`${fixture.baseUrl}/dunning/agenda`);
      // Each customer's collector by name, never by e-mail.
      const table = page.getByTestId('dunning-agenda');
      await table.waitFor();
      expect(await table.textContent()).not.toContain('@');
      const row = page
        .getByTestId('dunning-agenda')
        .getByRole('row', { name: escaped(entry?.customerName ?? '') });
      await row.getByRole('button', { name: 'Noter une relance faite hors Encours' }).click();
      await row.getByLabel('Canal').selectOption({ label: 'Courrier' });
      await row.getByLabel('Intérêts de retard et indemnité de 40 €').selectOption({ label: 'Réclamés' });
      await row.getByRole('button', { name: 'Enregistrer' }).click();
      const notice = page.getByRole('alert').filter({ hasText: 'Relance enregistrée' });
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(
        /Relance enregistrée\u00a0: [\d\u202f]+,\d{2}\u00a0€ à régler, dont intérêts de retard [\d\u202f]+,\d{2}\u00a0€ et indemnité forfaitaire [\d\u202f]+,\d{2}\u00a0€/,
      );
      await readPage('manual-reminder', { focus: notice });
    },
    TEST_LIMIT,
  );
});
