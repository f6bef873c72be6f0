/**
 * A run's letters found again, in French: the credit manager sends the reference date's reminders
 * to one customer from the run page; the run stays on screen after a reload (its id in the address),
 * with its print batch and the customer's letter as a PDF; the history of runs lists it newest first
 * and opens it; the customer's timeline links its reminder to the same letter, and the customer page
 * downloads the printable customer file. The run sends to one customer only, chosen among those no
 * other file of the fork looks at, and dated the reference date, as the agenda's own sending is.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const TEST_LIMIT = 300_000;
/** Customers the other browser files read or write: this run leaves them alone. */
const LOOKED_AT_ELSEWHERE = new Set(['C00001', 'C00006', 'C00009', 'C00105', 'C00149', 'C00162', 'C00289']);
const CODES = [...RAW_CODES, 'registered_letter', 'formal_notice', 'call_task', 'reminder_2', 'sent'];

let fixture: BrowserFixture;
let page: Page;
const ctx = () => fixture.database.context('CB2C');

async function mainText(): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a person reads
  const text = await page.locator('main').innerText();
  expect(rawCodesIn(text, CODES)).toEqual([]);
  return text;
}

/** The letter's link opens a PDF. */
async function expectPdf(href: string | null): Promise<void> {
  expect(href).toMatch(/^\/api\/(dunning\/letters\/\d+(\?lang=fr)?|customers\/[^/]+\/file\.pdf\?.*)$/);
  const response = await page.request.get(`${fixture.baseUrl}${href}`);
  expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
}

describe.skipIf(!HAS_CHROMIUM)('a run’s letters found again, in French', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    page = await fixture.signIn(USERS.credit_manager, '/dunning/run');
    page.setDefaultTimeout(SLOW.timeout);
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it(
    'sends one customer’s letter, finds it after a reload, in the history and in the timeline',
    async () => {
      const preview = await previewDunningRun(ctx());
      const lettered = preview.actions.filter(
        (a) =>
          (a.channel === 'letter' || a.channel === 'registered_letter') &&
          !LOOKED_AT_ELSEWHERE.has(a.customerCode),
      );
      const chosen = lettered.at(-1);
      if (!chosen) throw new Error('the demo company sends letters on its reference date');
      const day = formatDate('fr', preview.asOf);

      await page.getByTestId('dunning-history').waitFor();
      await page.getByRole('button', { name: 'Aperçu' }).click();
      await page.getByTestId('dunning-run').waitFor();
      await page.getByRole('button', { name: 'Tout désélectionner' }).click();
      await page.getByLabel('Client (nom ou code)').fill(chosen.customerCode);
      await page
        .getByRole('checkbox', { name: `Sélectionner ${chosen.customerName}` })
        .first()
        .check();
      await page.getByTestId('dunning-send-selected').click();

      // Sent: the run is read back under its own address.
      await page.waitForURL(/\/dunning\/run\?run=\d+$/);
      const runId = Number(new URL(page.url()).searchParams.get('run'));
      await page.getByTestId('dunning-run-sent').waitFor();
      // A call task sends nothing: the banner counts it apart (« 1 relance envoyée, aucune tâche
      // d’appel »), and the sent run shows the preview's totals.
      expect((await page.getByTestId('dunning-run-sent').textContent()) ?? '').toMatch(
        /^(\d+ relances? envoyées?), (aucune tâche d’appel|\d+ tâches? d’appel créées?)$/,
      );
      await page.getByTestId('dunning-run-grand-total').waitFor();
      await page.reload();
      const record = page.getByTestId('dunning-run-record');
      await record.waitFor();
      expect(await page.getByTestId('dunning-run-sent').count()).toBe(0);
      expect((await record.getByRole('heading').first().textContent()) ?? '').toBe(`Campagne du ${day}`);
      expect((await record.textContent()) ?? '').toContain('par Claire Moreau.');
      await expectPdf(await record.getByTestId('dunning-batch-file').first().getAttribute('href'));
      const row = record.getByTestId('dunning-run-record-action').filter({ hasText: chosen.customerName });
      const letter = row.getByTestId('dunning-letter-link');
      await letter.waitFor();
      const letterHref = await letter.getAttribute('href');
      await expectPdf(letterHref);
      await mainText();
      await page.screenshot({ path: `${ARTIFACTS}/dunning-run-record.png`, fullPage: true });

      // The history lists it first, by the person who sent it, and opens it again.
      await page.goto(`${fixture.baseUrl}/dunning/run`);
      const latest = page.getByTestId('dunning-history-run').first();
      await latest.waitFor();
      // The sender shows by e-mail until the users' names arrive (a second request): wait for them.
      await latest.getByText('Claire Moreau').first().waitFor();
      await latest.getByRole('link', { name: `Ouvrir la campagne du ${day}` }).click();
      await page.waitForURL(new RegExp(`\\?run=${runId}$`));
      const reopened = page
        .getByTestId('dunning-run-record-action')
        .filter({ hasText: chosen.customerName })
        .getByTestId('dunning-letter-link');
      expect(await reopened.getAttribute('href')).toBe(letterHref);
      await page.getByTestId('dunning-history').screenshot({ path: `${ARTIFACTS}/dunning-history.png` });

      // The customer's timeline: the run's reminder links to the same letter.
      await page.goto(`${fixture.baseUrl}/customers/${chosen.customerCode}`);
      const reminder = page
        .getByTestId('timeline')
        .locator('.mantine-Timeline-item')
        .filter({ hasText: `REL-${preview.asOf.replaceAll('-', '')}-${chosen.customerCode}` });
      const fromTimeline = reminder.getByRole('link', { name: 'Voir la lettre (PDF)' });
      await fromTimeline.waitFor();
      expect(await fromTimeline.getAttribute('href')).toBe(letterHref);
      await reminder.screenshot({ path: `${ARTIFACTS}/dunning-timeline-letter.png` });

      // The printable customer file, as of the page's date, in the language on screen.
      const file = page.getByRole('link', { name: 'Fiche client (PDF)' });
      await expectPdf(await file.getAttribute('href'));
      expect(await file.getAttribute('href')).toContain(`asOf=${preview.asOf}&lang=fr`);
    },
    TEST_LIMIT,
  );
});
