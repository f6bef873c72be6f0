/**
 * The dunning's follow-up as a person reads it, in French, on Bricolage du Parc (C00006), which no
 * other file of the fork touches: the customer file's open items say the last step each invoice
 * reached in words (« Relance 2 », never `reminder_2`), when and how, and « Transmis au
 * contentieux » on the invoice handed over to a lawyer; the promises to pay page, reached from the
 * navigation, lists the customer's promises (name and code linking to its file, instalments, total,
 * status in words) and filters them by status; with none recorded, it says where a promise is
 * recorded (the agenda), and lists the imported history's promises below, read-only, a page at a
 * time, each with its status as the ledger tells it. What each row must say is worded here from the API's answer with
 * the catalogue, since the other files may send a run before this one.
 * Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPromise } from '#app/dunning/promises';
import { handOver, savePartner } from '#app/legal/handover';
import { label, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import type { OpenItem } from '../../src/http/schemas/customers.ts';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';
import { pageApi } from './page-api.ts';
import { RAW_CODES, rawCodesIn } from './page-text.ts';

const CODE = 'C00006';
const HANDED = 'F2026-001223';
const CODES = [
  ...RAW_CODES,
  'reminder_1',
  'reminder_2',
  'formal_notice',
  'courtesy',
  'call_task',
  'broken',
  'kept',
];
const t = translator('fr');
const money = (minor: number) => formatMoney('fr', minor, 'EUR');
const spaced = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const SLOW = { timeout: 120_000 };
/** The event numbers of the imported lines a table shows, in its order. */
const rowIds = (table: Locator) =>
  table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));
/** The line dates (dd/mm/yyyy) a table shows, as YYYY-MM-DD, in its order. */
const lineDays = async (table: Locator) =>
  (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((text) =>
    spaced(text).split('/').reverse().join('-'),
  );

let fixture: BrowserFixture;
const ctx = () => fixture.database.context('CB2C');

/** What the « Dernière relance » cell must read for an open item, from the API's fields. */
function expectedCell(item: OpenItem): string {
  const step = item.lastDunningStep;
  const parts: string[] = [];
  if (step) {
    const kind = label('fr', 'dunningStepKind', step.stepKind);
    const number = /(\d+)$/.exec(step.stepCode)?.[1];
    // An imported reminder after the due date standing for the courtesy step is a reminder.
    const lateCourtesy =
      step.source === 'imported' && step.stepKind === 'courtesy' && step.sentOn > item.dueDate;
    const call = step.stepKind === 'reminder' && step.stepChannel === 'call_task';
    parts.push(
      lateCourtesy
        ? label('fr', 'dunningStepKind', 'reminder')
        : call
          ? t('dunningReview.step.call')
          : number
            ? t('dunningFollowUp.step.numbered', { kind, number })
            : kind,
    );
    const day = formatDate('fr', step.sentOn);
    parts.push(
      step.channel === null
        ? step.cappedBefore
          ? t('dunningFollowUp.step.importedCapped', { date: day, before: step.cappedBefore })
          : step.stepKind === 'formal_notice'
            ? t('dunningFollowUp.step.importedNotice', { date: day })
            : t('dunningFollowUp.step.imported', { date: day })
        : t('dunningFollowUp.step.sent', { date: day, channel: label('fr', 'dunningChannel', step.channel) }),
    );
  }
  // A badge reads in capitals (Mantine's style).
  if (item.handedOver) parts.push(t('dunningFollowUp.openItems.handedOver').toLocaleUpperCase('fr'));
  return spaced(parts.join(' '));
}

describe.skipIf(!HAS_CHROMIUM)('the dunning follow-up, in French', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('shows each open invoice’s last step in words, and the one handed over', async () => {
    const partner = await savePartner(ctx(), {
      name: 'Cabinet Roux',
      kind: 'lawyer',
      email: 'contentieux@roux-avocats.example',
      addressLines: ['Maître Anne Roux', '3 place Bellecour', '69002 Lyon'],
      amicableCommissionBps: 1_000,
      judicialCommissionBps: 1_800,
      fileFeeMinor: 0,
      judicialFeeMinor: 0,
      currency: 'EUR',
    });
    await handOver(ctx(), { customerCode: CODE, partnerId: partner.partnerId, invoices: [HANDED] });

    const page = await fixture.signIn(USERS.credit_manager, `/customers/${CODE}`);
    const table = page.getByTestId('open-items');
    await table.locator('tbody tr').first().waitFor();
    const file = await pageApi(fixture.baseUrl, page).get<{ openItems: OpenItem[] }>(
      `/api/customers/${CODE}`,
    );
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.indexOf('Dernière relance');
    expect(column).toBeGreaterThan(0);

    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(file.openItems.length);
    const cells: Record<string, string> = {};
    for (const [index, item] of file.openItems.entries()) {
      const cell = rows.nth(index).locator('td').nth(column);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines, as a person reads them
      cells[item.externalRef] = spaced(await cell.innerText());
    }
    expect(cells).toEqual(
      Object.fromEntries(file.openItems.map((item) => [item.externalRef, expectedCell(item)])),
    );
    // The imported reminder of 5 June (or a run's step, if another file sent one) is worded.
    expect(cells['F2026-001100']).toMatch(/^(Relance|Appel|Mise en demeure|Prévenance|Transmission)/);
    // The imported reminder of 5 June stands for the default policy's call (level 4): « Appel ».
    const first = file.openItems.find((item) => item.externalRef === 'F2026-001100');
    if (first?.lastDunningStep?.source === 'imported' && first.lastDunningStep.level === 4)
      expect(cells['F2026-001100']).toMatch(/^Appel niveau déduit de la relance du 05\/06\/2026/);
    expect(cells[HANDED]).toContain('TRANSMIS AU CONTENTIEUX');
    expect(spaced(await table.getByTestId('handed-over').textContent())).toBe('Transmis au contentieux');
    expect(await table.getByTestId('handed-over').count()).toBe(1);
    expect(rawCodesIn(spaced(await table.textContent()), CODES)).toEqual([]);

    await page.setViewportSize({ width: 1440, height: 900 });
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: join(ARTIFACTS, 'open-items-follow-up.png') });
    await page.context().close();
  });

  it('says an imported formal notice by registered letter is known from the history', async () => {
    // Guérin Négoce: its story's latest line, of 5 May 2026, is a « mise en demeure en recommandé avec AR ».
    const guerin = 'C00162';
    const page = await fixture.signIn(USERS.credit_manager, `/customers/${guerin}`);
    const table = page.getByTestId('open-items');
    await table.locator('tbody tr').first().waitFor();
    const file = await pageApi(fixture.baseUrl, page).get<{ openItems: OpenItem[] }>(
      `/api/customers/${guerin}`,
    );
    const column = (await table.locator('thead th').allTextContents()).indexOf('Dernière relance');
    const rows = table.locator('tbody tr');
    const index = file.openItems.findIndex((item) => item.externalRef === 'F2025-003393');
    const item = file.openItems[index];
    expect(item).toBeDefined();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines, as a person reads them
    const cell = spaced(await rows.nth(index).locator('td').nth(column).innerText());
    expect(cell).toBe(expectedCell(item as OpenItem));
    // Unless another file's run sent Guérin a notice meanwhile, the cell says where the notice is known from.
    if (item?.lastDunningStep?.source === 'imported')
      expect(cell).toMatch(
        /^Mise en demeure en recommandé avec AR le 05\/05\/2026, selon l’historique importé \(accusé de réception non conservé dans Encours\)/,
      );
    await page.context().close();
  });

  it('with no promise recorded, says where one is recorded and lists the imported ones below', async () => {
    // The fixture is shared with other files that may record promises: the list is answered empty.
    // The imported history's promises (`/promises/imported`) are the demo's own: 317 story lines.
    const page = await fixture.signIn(USERS.collector, '/dunning/promises', async (p) => {
      await p.route(/\/api\/dunning\/promises(\?|$)/, (route) => route.fulfill({ json: [] }));
    });
    const empty = page.getByTestId('promises-empty');
    await empty.waitFor();
    // The sentence about the imported ones waits for their list, which answers after the empty one.
    const imported = page.getByTestId('imported-promise-table');
    await imported.waitFor();
    const text = spaced(await empty.textContent());
    expect(text).toContain('Aucune promesse de paiement enregistrée dans Encours.');
    expect(text).toContain('depuis l’agenda de relance');
    expect(text).toContain('Les promesses de l’historique importé sont listées plus bas, en lecture seule');
    expect(text).not.toContain('chronologie de chaque client');

    // The count is over every page; the table shows the first page of 25.
    expect(spaced(await page.getByTestId('imported-promise-count').textContent())).toBe(
      '317 promesses importées',
    );
    expect(await imported.locator('tbody tr').count()).toBe(25);
    const kept = spaced(await imported.getByTestId('imported-promise-3552').textContent());
    for (const part of [
      'Bazar du Plateau (C00127)',
      '10/06/2026',
      '29/06/2026',
      money(397_482),
      'Tenue',
      'Importée',
      'Promesse de règlement de 3 974,82 € pour le 29/06/2026',
    ])
      expect(kept).toContain(spaced(part));
    // Only a payment of the day of the call would cover it: the reason is said under the status.
    const unverifiable = spaced(await imported.getByTestId('imported-promise-3527').textContent());
    for (const part of ['Non vérifiable', 'seul un règlement du jour de l’appel la couvrirait'])
      expect(unverifiable).toContain(part);
    expect(rawCodesIn(spaced(await imported.textContent()), [...CODES, 'unverifiable', 'same_day'])).toEqual(
      [],
    );
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'promises-imported.png') });

    // The page numbers under the table: the second page holds the next 25 lines, the last the rest.
    const section = page.getByTestId('imported-promises');
    const pageButton = (n: number) => section.getByRole('button', { name: String(n), exact: true });
    const firstIds = await rowIds(imported);
    const firstDays = await lineDays(imported);
    await pageButton(2).click();
    await imported.getByTestId('imported-promise-3552').waitFor({ state: 'detached' });
    const secondIds = await rowIds(imported);
    expect(secondIds).toHaveLength(25);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    // Newest first across the pages: the second page starts no later than the first one ends.
    const secondDays = await lineDays(imported);
    expect((secondDays[0] ?? '') <= (firstDays.at(-1) ?? '')).toBe(true);
    await pageButton(13).click();
    await expect.poll(() => imported.locator('tbody tr').count(), SLOW).toBe(317 - 12 * 25);
    await page.screenshot({ path: join(ARTIFACTS, 'promises-imported-last-page.png'), fullPage: true });

    // The status filter reads both lists: no recorded promise is broken, 269 imported ones are; a
    // change of status goes back to the first page.
    await page.getByLabel('État').selectOption({ label: 'Non tenue' });
    await expect
      .poll(async () => spaced(await page.getByTestId('imported-promise-count').textContent()), SLOW)
      .toBe('269 promesses importées');
    expect(await imported.locator('tbody tr').count()).toBe(25);
    expect(await section.locator('[aria-current="page"]').textContent()).toBe('1');
    const statuses = await imported.locator('tbody tr td:nth-child(6)').allTextContents();
    expect(
      new Set(
        statuses.map((text) =>
          spaced(text)
            .replace(/Importée$/, '')
            .trim(),
        ),
      ),
    ).toEqual(new Set(['Non tenue']));
    await empty.getByRole('link', { name: 'Ouvrir l’agenda de relance' }).click();
    await page.waitForURL(/\/dunning\/agenda$/);
    await page.context().close();
  });

  it('lists the promises to pay from the navigation and filters them by status', async () => {
    const pending = await recordPromise(ctx(), {
      customerCode: CODE,
      instalments: [
        { dueDate: '2026-07-15', amountMinor: 30_000 },
        { dueDate: '2026-07-31', amountMinor: 40_000 },
      ],
      note: 'Virement promis par le comptable',
    });
    // Made on 1 June for the 10th: no payment came since 18 May, so it is broken by 30 June.
    const broken = await recordPromise(ctx(), {
      customerCode: CODE,
      madeOn: '2026-06-01',
      instalments: [{ dueDate: '2026-06-10', amountMinor: 50_000 }],
    });

    const page = await fixture.signIn(USERS.collector, NAV_START);
    await page.getByRole('navigation').getByRole('link', { name: 'Promesses de paiement' }).click();
    await page.waitForURL(/\/dunning\/promises$/);
    const table = page.getByTestId('dunning-promises');
    await table.waitFor();

    const pendingRow = table.getByTestId(`promise-${pending.promiseId}`);
    const brokenRow = table.getByTestId(`promise-${broken.promiseId}`);
    const pendingText = spaced(await pendingRow.textContent());
    for (const part of [
      'Bricolage du Parc (C00006)',
      'Virement promis par le comptable',
      '30/06/2026',
      `15/07/2026 : ${money(30_000)}`,
      `31/07/2026 : ${money(40_000)}`,
      money(70_000),
      'En cours',
      'Toutes les factures ouvertes',
    ])
      expect(pendingText).toContain(spaced(part));
    const brokenText = spaced(await brokenRow.textContent());
    for (const part of ['01/06/2026', `10/06/2026 : ${money(50_000)}`, 'Non tenue'])
      expect(brokenText).toContain(spaced(part));
    expect(await pendingRow.getByRole('link', { name: 'Bricolage du Parc' }).getAttribute('href')).toBe(
      `/customers/${CODE}`,
    );
    expect(rawCodesIn(spaced(await table.textContent()), CODES)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'promises.png'), fullPage: true });

    await page.getByLabel('État').selectOption({ label: 'Non tenue' });
    await pendingRow.waitFor({ state: 'detached' });
    expect(await brokenRow.isVisible()).toBe(true);
    const statuses = await table.locator('tbody tr td:nth-child(6)').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses.map(spaced))).toEqual(new Set(['Non tenue']));
    expect(spaced(await page.getByTestId('promise-count').textContent())).toMatch(/^\d+ promesses?$/);

    await brokenRow.getByRole('link', { name: 'Bricolage du Parc' }).click();
    await page.getByTestId('customer-name').waitFor();
    expect(spaced(await page.getByTestId('customer-name').textContent())).toBe('Bricolage du Parc (C00006)');
    await page.context().close();
  });
});
