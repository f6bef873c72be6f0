/**
 * The cash page of the demo company before its first statement, in Chromium: it says what it does
 * and which formats it reads, and offers « Importer le relevé de démonstration (juin 2026) » with its
 * file to download; a collector, who may not import statements, reads the explanation only. One
 * click imports the month: the matching job runs, the panel goes, and the receipts come back by
 * themselves — most applied, the rest waiting with their proposals; a line linked to a payment
 * recorded before shows that payment, and undoing the link says it keeps it. The import applies a hundred
 * receipts, so this file works on a demo database and a server of its own, not the fork's shared
 * ones (other files read the demo's balances); it borrows the shared browser only.
 * Screenshots go to test-artifacts/. Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '#app/context';
import { createJobRunner } from '#app/jobs/runner';
import type { ApiServer } from '#http/api-types';
import { buildServer, WEB_DIST_DIR } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  PASSWORD,
  USERS,
} from './browser-fixture.ts';

const IMPORT_DEMO = 'Importer le relevé de démonstration (juin 2026)';

let fixture: BrowserFixture;
let database: TestDatabase;
let app: ApiServer;
let baseUrl: string;
const contexts: BrowserContext[] = [];

async function signInAt(email: string, path: string): Promise<Page> {
  const context = await fixture.browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale: 'fr-FR',
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}

describe.skipIf(!HAS_CHROMIUM)('the cash page of the demo before its first statement', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    database = await openDemoTestDatabase({ actor: 'system' });
    app = await buildServer(database.runtime, { webRoot: WEB_DIST_DIR });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  }, 900_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await app?.close();
    await database?.close();
    await fixture?.close();
  });

  it('explains itself to a collector, without the import they may not make', async () => {
    const page = await signInAt(USERS.collector, '/cash');
    const panel = page.getByTestId('cash-start');
    await panel.getByText('Aucun relevé bancaire importé').waitFor();
    expect(await panel.textContent()).toContain('camt.053 et camt.054 (ISO 20022), CFONB 120 et OFX');
    expect(await page.getByRole('button', { name: IMPORT_DEMO }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Importer un relevé/ }).count()).toBe(0);
    await page.getByText('EN', { exact: true }).click();
    await panel.getByText('No bank statement imported yet').waitFor();
    expect(await panel.textContent()).toContain(
      'matches the receipts of your bank statements to open invoices',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'cash-demo-collector-en.png') });
  });

  it('offers the demo statement, imports it at a click, and shows the receipts and proposals', async () => {
    const page = await signInAt(USERS.credit_manager, '/cash');
    const panel = page.getByTestId('cash-start');
    await panel.getByRole('button', { name: IMPORT_DEMO }).waitFor();
    expect(await panel.textContent()).toContain('rapproche les encaissements de vos relevés bancaires');
    expect(await page.getByText('Aucun encaissement.').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'cash-demo-before.png') });
    const link = panel.getByRole('link', { name: /Télécharger le fichier \(camt\.053\)/ });
    const download = page.waitForEvent('download');
    await link.click();
    expect((await download).suggestedFilename()).toBe('releve-demo-cb2c-2026-06.xml');

    const answer = page.waitForResponse((response) => response.url().includes('/demo-statement/import'));
    await panel.getByRole('button', { name: IMPORT_DEMO }).click();
    const imported = (await (await answer).json()) as { matchJobId: number | null };
    if (imported.matchJobId === null) throw new Error('the import queued no matching job');
    await page.getByText('486 mouvements importés, 0 déjà connus.').waitFor();
    await expect.poll(() => page.getByTestId('cash-start').count()).toBe(0);
    const runtime = database.runtime;
    await createJobRunner({
      db: runtime.handle.db,
      log: silentLogger,
      contextFor: (companyId, actor) => runtime.contextFor(companyId, actor),
    }).runNext({ jobId: imported.matchJobId });

    await page.getByText(/^Lettrage automatique terminé\u00a0: \d+ encaissements lettrés/).waitFor();
    const rows = page.getByTestId('cash-receipts').locator('tbody tr');
    // The list read again once the job ended: what waits is the few receipts it could not apply.
    await expect
      .poll(async () => [
        await rows.count(),
        await page.getByText('En attente du lettrage automatique…').count(),
      ])
      .toEqual([7, 0]);
    expect(await page.getByRole('button', { name: 'Accepter' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'cash-demo-after.png'), fullPage: true });
    await page
      .locator('label')
      .filter({ hasText: /^Lettrés$/ })
      .click();
    await expect.poll(() => rows.count()).toBeGreaterThan(100);
    await page.screenshot({ path: join(ARTIFACTS, 'cash-demo-applied.png') });

    // A line linked to a payment the ledger recorded before shows that payment and what it settles;
    // undoing the link keeps the payment, and says so.
    const linked = rows.filter({ hasText: 'MANDAT 21920 CENTRE HOSPITALIER D AMIENS F2026-001614' });
    const recorded = linked.getByTestId('cash-applied-recorded');
    expect(await recorded.textContent()).toMatch(
      /^Lié au règlement enregistré RG2026-001920F2026-001614 3\s077,57\s€$/,
    );
    const ref = 'RG2026-001920';
    await linked.getByRole('button', { name: 'Annuler le lettrage' }).click();
    const dialog = page.getByTestId('cash-reverse-confirm');
    await dialog.getByText(`son lien au règlement enregistré ${ref} sera défait`, { exact: false }).waitFor();
    expect(await dialog.textContent()).toContain('qu’il règle le reste\u00a0:');
    expect(await dialog.textContent()).not.toContain('sera annulé');
    await page.screenshot({ path: join(ARTIFACTS, 'cash-demo-reverse-recorded.png') });
    await dialog.getByRole('button', { name: 'Annuler le lettrage' }).click();
    await page
      .getByText(`Lien défait\u00a0: le règlement enregistré ${ref} est conservé`, { exact: false })
      .waitFor();
  }, 300_000);
});
