/**
 * The Imports page in Chromium: a collector drops a bad invoices file and sees every bad row,
 * checks a good file in dry run (nothing written), then imports it. Screenshots go to
 * test-artifacts/. Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  NAV_START,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

let fixture: BrowserFixture;
let customerCode: string;

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByTestId('import-dropzone')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await expect.poll(() => page.getByTestId('import-file').textContent()).toContain(name);
}

async function countWebInvoices(): Promise<number> {
  const result = await fixture.database.runtime.handle.pool.query<{ n: string }>(
    `select count(*) as n from documents where company_id = 'CB2C' and external_ref like 'WEB-IMP-%'`,
  );
  return Number(result.rows[0]?.n);
}

describe.skipIf(!HAS_CHROMIUM)('Imports page in Chromium', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    const customers = await fixture.database.runtime.handle.pool.query<{ code: string }>(
      `select code from customers where company_id = 'CB2C' and currency = 'EUR' order by code limit 1`,
    );
    customerCode = customers.rows[0]?.code ?? '';
    expect(customerCode).not.toBe('');
    // The fork's first browser file opens what they share (test database, server, Chromium), and builds
    // the web app if stale: minutes on a loaded machine, a limit, not a timing.
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('lists every bad row, checks a good file in dry run, then imports it (collector)', async () => {
    // A collector imports payments only (import rights = field rights); invoices need the credit department.
    const collector = await fixture.signIn(USERS.collector, NAV_START);
    await collector.getByRole('link', { name: 'Imports' }).click();
    await collector.getByRole('radio', { name: 'Règlements' }).waitFor();
    expect(await collector.getByRole('radio', { name: 'FEC' }).count()).toBe(0);
    expect(await collector.getByRole('radio', { name: 'Factures' }).count()).toBe(0);
    await collector.close();
    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('radio', { name: 'Factures' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Factures' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: /Déposer un fichier/ }).waitFor();

    const header = 'N° facture;Code client;Date facture;Montant TTC\n';
    const bad =
      header +
      `WEB-IMP-B1;${customerCode};31/02/2026;100,00\n` +
      `WEB-IMP-B2;${customerCode};05/04/2026;dix\n` +
      `WEB-IMP-B3;${customerCode};06/04/2026;50,00\n` +
      `WEB-IMP-B4;${customerCode};07/04/2026;-20,00\n`;
    await chooseFile(page, 'factures-erreurs.csv', bad);
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-errors').waitFor();
    const rows = page.getByTestId('import-errors').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await page.getByTestId('import-error-count').textContent()).toBe('3 problèmes sur 3 lignes');
    const cells = async (index: number) =>
      (await rows.nth(index).locator('td').allTextContents()).slice(0, 3);
    expect(await cells(0)).toEqual(['2', 'Date facture', '31/02/2026']);
    expect(await cells(1)).toEqual(['3', 'Montant TTC', 'dix']);
    expect(await cells(2)).toEqual(['5', 'Montant TTC', '-20,00']);
    // The page sends its language with the upload: the reasons come back in French.
    const reasons = await rows.locator('td:nth-child(4)').allTextContents();
    expect(reasons).toEqual([
      'le 31/02/2026 n’existe pas',
      'montant invalide en EUR (ex. 1234,56 ou 1 234.56\u00a0; trop de décimales\u00a0?)',
      'montant de facture négatif\u00a0: importez-le comme avoir',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'imports-rejected-collector.png'), fullPage: true });
    expect(await countWebInvoices()).toBe(0);

    const good =
      header +
      `WEB-IMP-G1;${customerCode};05/04/2026;1 200,00\n` +
      `WEB-IMP-G2;${customerCode};06/04/2026;350,50\n`;
    // A slow uplink shows the progress indicator (upload progress events of XMLHttpRequest).
    const many = Array.from({ length: 800 }, (_, i) => `WEB-IMP-P${i};${customerCode};05/04/2026;10,00\n`);
    await chooseFile(page, 'factures-lot.csv', header + many.join(''));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 12_000,
    });
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-progress').waitFor();
    await page.screenshot({
      path: join(ARTIFACTS, 'imports-progress-collector.png'),
      fullPage: true,
      animations: 'disabled',
    });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await expect
      .poll(() => page.getByTestId('import-rows').textContent(), { timeout: 30_000 })
      .toBe('Lignes lues800');
    expect(await countWebInvoices()).toBe(0);

    await chooseFile(page, 'factures.csv', good);
    expect(await page.getByTestId('import-rejected').count()).toBe(0);
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-outcome').textContent()).toContain('rien n’a été enregistré');
    expect(await page.getByTestId('import-rows').textContent()).toBe('Lignes lues2');
    expect(await page.getByTestId('import-inserted').textContent()).toBe('Nouveaux2');
    await page.screenshot({ path: join(ARTIFACTS, 'imports-dry-run-collector.png'), fullPage: true });
    expect(await countWebInvoices()).toBe(0);

    await page.getByRole('button', { name: 'Importer' }).click();
    await expect.poll(() => page.getByTestId('import-outcome').textContent()).toContain('Import terminé');
    expect(await page.getByTestId('import-inserted').textContent()).toBe('Nouveaux2');
    expect(await page.getByTestId('import-unchanged').textContent()).toBe('Inchangés0');
    expect(await countWebInvoices()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'imports-done-collector.png'), fullPage: true });
    await page.context().close();
  });

  it('says how the dates were read, words a mixed column, and sends the chosen date order', async () => {
    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('radio', { name: 'Automatique' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Automatique' }).isChecked()).toBe(true);
    const header = 'N° facture;Code client;Date facture;Montant TTC;Litige\n';
    // 04/25/2026 reads only month first, so the whole column is read that way.
    const monthFirst =
      header +
      `WEB-DATE-M1;${customerCode};04/25/2026;100,00;oui\n` +
      `WEB-DATE-M2;${customerCode};04/03/2026;80,00;non\n`;
    await chooseFile(page, 'factures-us.csv', monthFirst);
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-notices').waitFor();
    expect(await page.getByTestId('import-notices').locator('li').allTextContents()).toEqual([
      'Colonne «\u00a0Date facture\u00a0»\u00a0: dates lues mois en premier (MM/JJ/AAAA), car le fichier en contient qui ne se lisent qu’ainsi (ligne 2\u00a0: 04/25/2026).',
    ]);
    expect(await page.getByTestId('import-disputes').textContent()).toBe('Litiges ouverts1');
    await page.screenshot({
      path: join(ARTIFACTS, 'imports-date-notice-credit-manager.png'),
      fullPage: true,
    });
    // The screen words the notice itself: switching to English words it again, without a new upload.
    await page.getByText('EN', { exact: true }).click();
    await expect
      .poll(() => page.getByTestId('import-notices').locator('li').allTextContents())
      .toEqual([
        'Column “Date facture”: dates read month first (MM/DD/YYYY), as the file has dates that can only be read that way (line 2: 04/25/2026).',
      ]);
    expect(await page.getByTestId('import-disputes').textContent()).toBe('Disputes opened1');
    await page.screenshot({ path: join(ARTIFACTS, 'imports-date-notice-english.png'), fullPage: true });
    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('radio', { name: 'Automatique' }).waitFor();

    const mixed =
      header +
      `WEB-DATE-X1;${customerCode};25/04/2026;10,00;\n` +
      `WEB-DATE-X2;${customerCode};04/26/2026;10,00;\n`;
    await chooseFile(page, 'factures-melange.csv', mixed);
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-errors').waitFor();
    // The screen's wording: the "Date order" choice, not the command line's --date-order.
    expect(await page.getByTestId('import-errors').locator('td:nth-child(4)').allTextContents()).toEqual([
      'la colonne «\u00a0Date facture\u00a0» mêle des dates jour en premier (1, dont ligne 2\u00a0: 25/04/2026) et mois en premier (1, dont ligne 3\u00a0: 04/26/2026)\u00a0; écrivez-les toutes dans le même ordre ou en AAAA-MM-JJ, ou choisissez l’ordre dans «\u00a0Ordre des dates\u00a0»',
    ]);
    // On the row where the second order shows, with its value: not the header line and « – ».
    const mixedRow = page.getByTestId('import-errors').locator('tbody tr').first();
    expect((await mixedRow.locator('td').allTextContents()).slice(0, 3)).toEqual([
      '3',
      'Date facture',
      '04/26/2026',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'imports-date-mixed-credit-manager.png'), fullPage: true });

    // Every date reads both ways: read day first by default, and said so.
    const ambiguous = header + `WEB-DATE-A1;${customerCode};05/04/2026;10,00;\n`;
    await chooseFile(page, 'factures-ambigues.csv', ambiguous);
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-notices').waitFor();
    expect(await page.getByTestId('import-notices').textContent()).toContain(
      'Colonne «\u00a0Date facture\u00a0»\u00a0: la date 05/04/2026 se lit dans les deux ordres\u00a0; elle a été lue jour en premier',
    );
    expect(await page.getByTestId('import-disputes').count()).toBe(0);
    await page.screenshot({
      path: join(ARTIFACTS, 'imports-date-assumed-credit-manager.png'),
      fullPage: true,
    });
    // The person says month first: the server reads it so, with nothing left to check.
    await page.getByRole('radio', { name: 'Mois/jour/année (MM/JJ/AAAA)' }).check();
    await page.getByRole('button', { name: 'Importer' }).click();
    await expect.poll(() => page.getByTestId('import-outcome').textContent()).toContain('Import terminé');
    expect(await page.getByTestId('import-notices').count()).toBe(0);
    const stored = await fixture.database.runtime.handle.pool.query<{ issue_date: string }>(
      `select issue_date::text as issue_date from documents where company_id = 'CB2C' and external_ref = 'WEB-DATE-A1'`,
    );
    expect(stored.rows.map((row) => row.issue_date)).toEqual(['2026-05-04']);
    await page.context().close();
  });

  it('lets a person skip an ERP file’s own columns, in words of the page, then check it again', async () => {
    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('radio', { name: 'Clients' }).check();
    const erp =
      'Code client;Raison sociale;Remarque;Téléphone standard\nWEB-ERP-1;Gamma;bon client;0102030405\n';
    await chooseFile(page, 'clients-erp.csv', erp);
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-errors').waitFor();
    const reasons = await page.getByTestId('import-errors').locator('td:nth-child(4)').allTextContents();
    // The page's words: its own choices, never a command-line flag nor a far-fetched « E-mail ».
    expect(reasons).toEqual([
      'colonne «\u00a0Remarque\u00a0» inconnue\u00a0; associez-la à un champ ou ignorez-la dans «\u00a0Colonnes non reconnues\u00a0», ou renommez-la dans le fichier',
      'colonne «\u00a0Téléphone standard\u00a0» inconnue (en-tête reconnu le plus proche\u00a0: «\u00a0Téléphone\u00a0»)\u00a0; associez-la à un champ ou ignorez-la dans «\u00a0Colonnes non reconnues\u00a0», ou renommez-la dans le fichier',
    ]);
    const columns = page.getByTestId('import-columns');
    // A choice per column: a field, or « Ignorer cette colonne ».
    for (const column of ['Remarque', 'Téléphone standard'])
      expect(await columns.getByLabel(`Colonne « ${column} »`).count(), column).toBe(1);
    await page.screenshot({
      path: join(ARTIFACTS, 'imports-unknown-columns-credit-manager.png'),
      fullPage: true,
    });
    await columns.getByRole('checkbox', { name: 'Ignorer les colonnes non reconnues' }).check();
    await columns.getByRole('button', { name: 'Vérifier à nouveau (simulation)' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-inserted').textContent()).toBe('Nouveaux1');
    // What was skipped is said, each column with the header it is near.
    expect(await page.getByTestId('import-notices').locator('li').allTextContents()).toEqual([
      'Colonne «\u00a0Remarque\u00a0» ignorée\u00a0: aucun champ n’y est lu.',
      'Colonne «\u00a0Téléphone standard\u00a0» ignorée (en-tête reconnu le plus proche\u00a0: «\u00a0Téléphone\u00a0»).',
    ]);
    const stored = await fixture.database.runtime.handle.pool.query(
      `select code from customers where company_id = 'CB2C' and code = 'WEB-ERP-1'`,
    );
    expect(stored.rows).toEqual([]);
    await page.context().close();
  });

  it('says which columns of an invoices file it read past, and refuses a near miss of an absent field', async () => {
    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('radio', { name: 'Factures' }).waitFor();
    const row = `WEB-COL-1;${customerCode};15/06/2026;1200,00;15/07/2026`;
    const remark = `N° facture;Code client;Date facture;Montant TTC;Échéance;Remarque interne\n${row};urgent\n`;
    await chooseFile(page, 'factures-remarque.csv', remark);
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-notices').waitFor();
    expect(await page.getByTestId('import-notices').locator('li').allTextContents()).toEqual([
      'Colonne «\u00a0Remarque interne\u00a0» ignorée\u00a0: aucun champ n’y est lu.',
    ]);

    const nearMiss = `N° facture;Code client;Date facture;Montant TTC;Echéances\n${row}\n`;
    await chooseFile(page, 'factures-echeances.csv', nearMiss);
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').locator('td:nth-child(4)').allTextContents()).toEqual([
      'colonne «\u00a0Echéances\u00a0» inconnue (en-tête reconnu le plus proche\u00a0: «\u00a0Échéance\u00a0»)\u00a0; associez-la à un champ ou ignorez-la dans «\u00a0Colonnes non reconnues\u00a0», ou renommez-la dans le fichier',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'imports-near-miss-column.png'), fullPage: true });
    // Told to ignore unknown columns, the page reads it past and says what it was near.
    const columns = page.getByTestId('import-columns');
    await columns.getByRole('checkbox', { name: 'Ignorer les colonnes non reconnues' }).check();
    await columns.getByRole('button', { name: 'Vérifier à nouveau (simulation)' }).click();
    await page.getByTestId('import-notices').waitFor();
    expect(await page.getByTestId('import-notices').locator('li').allTextContents()).toEqual([
      'Colonne «\u00a0Echéances\u00a0» ignorée (en-tête reconnu le plus proche\u00a0: «\u00a0Échéance\u00a0»).',
    ]);
    await page.context().close();
  });

  it('shows a file of many bad rows by kind and its first rows only', async () => {
    const page = await fixture.signIn(USERS.credit_manager, NAV_START);
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('radio', { name: 'Factures' }).waitFor();
    const rows = Array.from({ length: 450 }, (_, index) => `WEB-MANY-${index};NOPE;05/04/2026;10,00\n`);
    await chooseFile(
      page,
      'factures-inconnues.csv',
      `N° facture;Code client;Date facture;Montant TTC\n${rows.join('')}`,
    );
    await page.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-error-count').textContent()).toBe('450 problèmes sur 450 lignes');
    expect(await page.getByTestId('import-errors').locator('tbody tr').count()).toBe(200);
    expect(await page.getByTestId('import-errors-more').textContent()).toBe(
      '… et 250 autres problèmes, non listés ici\u00a0: voir le décompte par type ci-dessus',
    );
    expect(await page.getByTestId('import-error-groups').locator('tbody tr td').allTextContents()).toEqual([
      'Code client',
      '450',
      'ligne 2\u00a0: client inconnu\u00a0: NOPE (importez d’abord les clients)',
    ]);
    await page.screenshot({
      path: join(ARTIFACTS, 'imports-many-errors-credit-manager.png'),
      fullPage: true,
    });
    await page.context().close();
  });

  it('offers the FEC to the credit manager and hides the page from the director', async () => {
    const manager = await fixture.signIn(USERS.credit_manager, NAV_START);
    await manager.getByRole('link', { name: 'Imports' }).click();
    await manager.getByRole('radio', { name: 'FEC' }).check();
    const fec = [
      'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise',
      'VE|Ventes|1|20260105|411000|Clients|ZWEB1|Client Web|FW1|20260105|FW1|120,00|0,00|||||',
      'VE|Ventes|1|20260105|706000|Ventes|||FW1|20260105|FW1|0,00|120,00|||||',
    ].join('\r\n');
    await chooseFile(manager, 'FEC.txt', fec);
    await manager.getByRole('button', { name: 'Vérifier (simulation)' }).click();
    await manager.getByTestId('fec-reconciliation').waitFor();
    expect(await manager.getByTestId('fec-control').textContent()).toMatch(/120,00\s€/);
    expect(await manager.getByTestId('fec-open-items').textContent()).toMatch(/120,00\s€/);
    await manager.screenshot({
      path: join(ARTIFACTS, 'imports-fec-dry-run-credit-manager.png'),
      fullPage: true,
    });
    await manager.context().close();
    const director = await fixture.signIn(USERS.director, NAV_START);
    await director.getByRole('link', { name: 'Clients' }).waitFor();
    expect(await director.getByRole('link', { name: 'Imports' }).count()).toBe(0);
    await director.context().close();
  });
});
