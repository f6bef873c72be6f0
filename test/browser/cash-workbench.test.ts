/**
 * The cash workbench after a camt.053 import, in Chromium: while the matching job the import queued
 * waits, the page says so (not « Aucune suggestion »), and once the job has run the list comes back
 * by itself; the applied receipt names the invoice it settled and how (automatic, its confidence);
 * « Annuler le lettrage » asks first, saying what reopens, and the receipt waits again with its
 * suggestion; the correction dialog finds a customer by name and offers its open invoices; the bank
 * reconciliation compares only the day the statement covers, as a table; in English a confidence
 * reads "99%". The file reverses what it applied, so the demo's balances stay as other files read them.
 * Screenshots go to test-artifacts/. Skipped when /usr/bin/chromium is absent.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '#app/context';
import { getCustomerFile } from '#app/customers/customers';
import { createJobRunner } from '#app/jobs/runner';
import {
  ARTIFACTS,
  type BrowserFixture,
  HAS_CHROMIUM,
  openBrowserFixture,
  USERS,
} from './browser-fixture.ts';

const CUSTOMER = 'C00289';
const spaced = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

let fixture: BrowserFixture;
let invoice: { ref: string; openMinor: number };
let page: Page;

const amountText = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/** One day's statement: the customer paying its invoice by reference, and a payer nobody knows. */
function statement(name: string): string {
  const entry = (ref: string, minor: number, payer: string, text: string) =>
    `<Ntry><Amt Ccy="EUR">${amountText(minor)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-06-30</Dt></BookgDt>
<AcctSvcrRef>${ref}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${payer}</Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
  const total = invoice.openMinor + 12_345;
  const balance = (code: string, minor: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amountText(minor)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-30</Dt></Dt></Bal>`;
  return `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>BROWSER-0630</MsgId></GrpHdr><Stmt><Id>BROWSER-0630</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
${balance('OPBD', 0)}${balance('CLBD', total)}
${entry('BRW-1', invoice.openMinor, name.toUpperCase(), `REGLEMENT ${invoice.ref}`)}
${entry('BRW-2', 12_345, 'SCI DES LILAS', 'LOYER')}</Stmt></BkToCstmrStmt></Document>`;
}

/** Runs the matching job the import queued, as the server's worker would. */
async function runMatchJob(jobId: number): Promise<void> {
  const runtime = fixture.database.runtime;
  const runner = createJobRunner({
    db: runtime.handle.db,
    log: silentLogger,
    contextFor: (companyId, actor) => runtime.contextFor(companyId, actor),
  });
  await runner.runNext({ jobId });
}

const tab = (label: string) =>
  page
    .locator('label')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();

describe.skipIf(!HAS_CHROMIUM)('the cash workbench', () => {
  beforeAll(async () => {
    fixture = await openBrowserFixture();
    const file = await getCustomerFile(fixture.database.context('CB2C'), CUSTOMER);
    const open = file.openItems.filter((item) => item.kind === 'invoice' && item.openMinor > 0);
    const latest = open.at(-1);
    if (!latest) throw new Error(`${CUSTOMER} has no open invoice in the demo`);
    invoice = { ref: latest.externalRef, openMinor: latest.openMinor };
    page = await fixture.signIn(USERS.credit_manager, '/cash');
    await page.getByRole('button', { name: 'Lettrer automatiquement' }).waitFor();
    const upload = page.waitForResponse((response) => response.url().includes('/api/imports/bank'));
    await page.locator('input[type=file]').setInputFiles({
      name: 'releve.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(statement(String(file.customer['name']))),
    });
    const imported = (await (await upload).json()) as { matchJobId: number | null };
    if (imported.matchJobId === null) throw new Error('the import queued no matching job');
    await page.getByTestId('cash-matching').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'cash-matching.png') });
    expect(await page.getByText('Aucune suggestion').count()).toBe(0);
    expect(await page.getByText('En attente du lettrage automatique…').count()).toBe(2);
    await runMatchJob(imported.matchJobId);
  }, 900_000);
  afterAll(async () => {
    await fixture?.close();
  });

  it('comes back by itself once the matching job has run, and shows what was applied and how', async () => {
    await page.getByText(/Lettrage automatique terminé\u00a0: 1 encaissement lettré/).waitFor();
    expect(await page.getByTestId('cash-matching').count()).toBe(0);
    await expect.poll(() => page.getByText('Aucune suggestion').count()).toBe(1);
    await tab('Lettrés');
    const row = page.getByRole('row').filter({ hasText: invoice.ref });
    await row.getByTestId('cash-applied-how').waitFor();
    expect(spaced(await row.getByTestId('cash-applied-items').textContent())).toContain(invoice.ref);
    expect(spaced(await row.getByTestId('cash-applied-how').textContent())).toMatch(
      /^Automatique, confiance \d+ %/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'cash-applied.png') });
  });

  it('asks before reversing, says what reopens, and the receipt waits again with its suggestion', async () => {
    const row = page.getByRole('row').filter({ hasText: invoice.ref });
    await row.getByRole('button', { name: 'Annuler le lettrage' }).click();
    const dialog = page.getByTestId('cash-reverse-confirm');
    await dialog.waitFor();
    expect(spaced(await dialog.textContent())).toContain(invoice.ref);
    await page.screenshot({ path: join(ARTIFACTS, 'cash-reverse-confirm.png') });
    await dialog.getByRole('button', { name: 'Annuler le lettrage' }).click();
    await page
      .getByText('Lettrage annulé : l’encaissement est de nouveau à lettrer, avec 1 suggestion.')
      .waitFor();
    await tab('À lettrer');
    const waiting = page.getByRole('row').filter({ hasText: `REGLEMENT ${invoice.ref}` });
    await waiting.getByRole('button', { name: 'Accepter' }).waitFor();
    expect(await waiting.getByText('Aucune suggestion').count()).toBe(0);
  });

  it('finds a customer by name in the correction dialog and offers its open invoices', async () => {
    const waiting = page.getByRole('row').filter({ hasText: 'SCI DES LILAS' });
    await waiting.getByRole('button', { name: 'Corriger' }).click();
    await page.getByTestId('correct-customer').fill('françois distri');
    await page.getByRole('option').filter({ hasText: CUSTOMER }).click();
    expect(await page.getByTestId('correct-customer').inputValue()).toBe(CUSTOMER);
    await page.getByTestId('correct-items').click();
    await page.getByRole('option').filter({ hasText: invoice.ref }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'cash-correct-items.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('reconciles only the day the statement covers, the differences in a table', async () => {
    await tab('Rapprochements');
    const bank = page.getByTestId('cash-reconcile-bank');
    await bank.waitFor();
    expect(spaced(await bank.textContent())).toContain('du 30/06/2026 au 30/06/2026');
    const rows = page.getByTestId('cash-reconcile-differences').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const cell of await rows.locator('td:first-child').allTextContents())
      expect(cell).toBe('30/06/2026');
    expect(spaced(await page.getByTestId('cash-reconcile-totals').textContent())).toMatch(/^\d+ écarts? : /);
    await page.screenshot({ path: join(ARTIFACTS, 'cash-reconcile.png'), fullPage: true });
  });

  it('writes a confidence as English does: "99%"', async () => {
    await page.getByText('EN', { exact: true }).click();
    await tab('To apply');
    const waiting = page.getByRole('row').filter({ hasText: `REGLEMENT ${invoice.ref}` });
    await waiting.getByRole('button', { name: 'Accept' }).waitFor();
    expect(await waiting.locator('.mantine-Badge-label').first().textContent()).toMatch(/^\d+%$/);
    // The last message follows the language too.
    await page.getByText(/^Match reversed: the receipt waits to be applied again/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'cash-english.png') });
  });
});
