/**
 * Business-grade exports through the document port, over HTTP: PDF text (headings, French
 * amounts and dates, page numbers, repeated headers, no JSON, codes or minor units), the printable
 * customer file, and CSV with formula injection neutralised and French number conventions. The PDFs
 * are read back as text by poppler's pdftotext: skipped when it is absent (.ci/run installs poppler-utils).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import type { LedgerDocument } from '#core/types';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { customer } from '../scenarios/ledger-builder.ts';
import { HAS_POPPLER, pdfPageTexts, plainSpaces } from '../support/poppler.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { PASSWORD, type Session, signIn } from './http-fixture.ts';

const INJECTED = '=HYPERLINK("http://evil.example","Cliquez")';
const CUSTOMERS = 70;
let database: TestDatabase;
let app: ApiServer;
let session: Session;

const invoice = (code: string, ref: string, amountMinor: number, dueDate: string): LedgerDocument => ({
  kind: 'invoice',
  source: 't',
  externalRef: ref,
  customerCode: code,
  issueDate: '2026-01-15',
  dueDate,
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

beforeAll(async () => {
  database = await openTestDatabase();
  const customers = Array.from({ length: CUSTOMERS }, (_, i) =>
    customer(`K${String(i + 1).padStart(3, '0')}`, {
      name: i === 0 ? INJECTED : `Établissements Martin ${i + 1}`,
      customerType: i % 2 ? 'wholesaler' : 'sme',
      paymentTerms: i % 3 ? 'net:30' : 'eom:45',
      // The injected name has no limit, so that the anomalies name it too.
      creditLimitMinor: i === 0 ? null : 500_000,
      siren: '552100554',
      contacts: [{ name: 'Anne Roux', role: 'Comptable', email: 'anne@exemple.fr', phone: '01 02 03 04 05' }],
    }),
  );
  await loadDataset(
    { ...database.context('EXP'), actor: 'test' },
    {
      company: { code: 'EXP', name: 'Exports SA', currency: 'EUR', asOf: '2026-04-30' },
      customers,
      documents: [
        ...customers.map((c, i) => invoice(c.code, `F${i + 1}`, 123_456 + i * 1000, '2026-02-14')),
        {
          ...invoice('K002', 'AV1', -1250, '2026-03-01'),
          kind: 'credit_note',
          issueDate: '2026-03-01',
        },
      ],
      allocations: [],
      orders: [],
      events: [],
      users: [{ email: 'claire@exp.test', role: 'credit_manager', salesperson: null, name: 'Claire' }],
    },
  );
  app = await buildServer(database.runtime, { webRoot: null });
  session = await signIn(app, 'claire@exp.test', PASSWORD);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url, headers: session.headers });

/** The text of each page as laid out, no-break spaces as spaces, blank pages left out. */
function pdfPages(pdf: Buffer): string[] {
  return pdfPageTexts(pdf, { layout: true })
    .map(plainSpaces)
    .filter((page) => page.trim() !== '');
}

/** What a person must never read in a document: JSON, raw codes, amounts in cents. */
function expectReadable(text: string): void {
  expect(text).not.toMatch(/[{}]|"\w+":/);
  expect(text).not.toMatch(
    /\b(customer_type|net:30|eom:45|wholesaler|not_due|over_limit|warning|critical)\b/,
  );
  expect(text).not.toMatch(/Minor\b|\bundefined\b|\bnull\b|NaN/);
  // 1 234,56 € is printed, never 123456.
  expect(text).not.toMatch(/\b1234\d\d\b/);
}

async function workbookOf(url: string): Promise<ExcelJS.Workbook> {
  const response = await get(url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
  return workbook;
}

async function pdfOf(url: string): Promise<string[]> {
  const response = await get(url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return pdfPages(response.rawPayload);
}

describe.skipIf(!HAS_POPPLER)('PDF exports', () => {
  it('prints the aged balance with labels, euros, French dates and repeated headers', async () => {
    const pages = await pdfOf('/api/reports/aging?asOf=2026-04-30&format=pdf');
    const all = pages.join('\n');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('Exports SA');
    expect(pages[0]).toContain('Balance âgée');
    expect(pages[0]).toContain('Au 30/04/2026');
    expect(pages[0]).toContain('Regroupement : Client');
    expect(pages[0]).toContain(`Page 1 / ${pages.length}`);
    expect(pages[1]).toContain('Non échu');
    expect(pages[1]).toContain(`Page 2 / ${pages.length}`);
    expect(all).toContain('1 234,56 €');
    // A credit with the minus sign, as the screen shows it (the CSV keeps the hyphen: below).
    expect(all).toContain('\u221212,50 €');
    expectReadable(all.replace(INJECTED, ''));
  });

  it('groups the aged balance by customer type in words', async () => {
    const [page] = await pdfOf('/api/reports/aging?asOf=2026-04-30&by=customer_type&format=pdf');
    expect(page).toContain('Regroupement : Type de client');
    expect(page).toMatch(/Grossiste/);
    expectReadable(page ?? '');
  });

  it('prints every column of the risk table, with level and rule, and the action of each rule once', async () => {
    const pages = await pdfOf('/api/reports/risk-table?asOf=2026-04-30&format=pdf');
    const all = pages.join('\n');
    for (const heading of ['Niveau', 'Règle appliquée', 'Action recommandée', 'Plafond', 'Utilisation'])
      expect(all).toContain(heading);
    expect(all).toContain('Action recommandée selon la règle appliquée');
    // The table's header repeats, and its rows are one line each: 70 customers on two pages.
    expect(pages[1]).toContain('Règle appliquée');
    const customerLines = all.split('\n').filter((line) => /^\s*K\d{3}\s/.test(line));
    expect(customerLines).toHaveLength(CUSTOMERS);
    expect(pages.length).toBeLessThanOrEqual(3);
    expectReadable(all.replace(INJECTED, ''));
  });

  it('prints the anomalies as sentences and tables, never JSON', async () => {
    const all = (await pdfOf('/api/reports/anomalies?asOf=2026-04-30&format=pdf')).join('\n');
    expect(all).toContain('Anomalies du portefeuille clients');
    expect(all).toMatch(/Critique|À surveiller|Information/);
    expectReadable(all.replace(INJECTED, ''));
  });

  it('prints the KPIs with French decimals, the DSO definitions and charts', async () => {
    const all = (await pdfOf('/api/reports/kpis?to=2026-04-30&format=pdf')).join('\n');
    expect(all).toContain('DSO (méthode simple)');
    expect(all).toContain('DSO par épuisement');
    expect(all).toMatch(/\d+,\d j/);
    expect(all).toContain('Période du 01/05/2025 au 30/04/2026');
    expect(all).not.toMatch(/\b\d+\.\d+\b/);
    expectReadable(all);
  });

  it('names the best possible DSO as the web and the CLI do, and prints the losses the CLI prints', async () => {
    const all = plainSpaces((await pdfOf('/api/reports/kpis?to=2026-04-30&format=pdf')).join('\n'));
    expect(all).toContain('Meilleur DSO possible');
    expect(all).not.toContain('DSO optimal');
    // Key figures are laid out in a grid: labels on one line, their values on the next.
    expect(all).toContain('Pertes sur créances');
    expect(all).toContain('Écarts de règlement passés en charge');
  });

  it('notes under the KPIs’ monthly table the base of its overdue shares, which « Encours fin » is not', async () => {
    const pages = await pdfOf('/api/reports/kpis?to=2026-04-30&format=pdf');
    const last = (pages.at(-1) ?? '').replace(/\s+/g, ' ');
    expect(last).toContain(
      'Part échue et part > 90 j : échu (depuis plus de 90 jours pour la seconde) ÷ factures ouvertes en ' +
        'fin de mois, avant déduction des avoirs et règlements non affectés (que l’encours fin déduit).',
    );
    const english = (await pdfOf('/api/reports/kpis?to=2026-04-30&format=pdf&lang=en')).join(' ');
    expect(english.replace(/\s+/g, ' ')).toContain(
      'Overdue share and share > 90 d: overdue (over 90 days, for the second) ÷ open invoices at the end of the month',
    );
  });

  it('prints the cross-tab with labelled rows and columns', async () => {
    const all = (
      await pdfOf('/api/reports/crosstab?asOf=2026-04-30&rows=customer_type&columns=bucket&format=pdf')
    ).join('\n');
    expect(all).toContain('Tri croisé : Type de client × Tranche d’âge');
    expect(all).toContain('Grossiste');
    expectReadable(all);
  });

  it('prints the customer file', async () => {
    const pages = await pdfOf('/api/customers/K002/file.pdf?asOf=2026-04-30');
    const all = pages.join('\n');
    expect(all).toContain('Fiche client — Établissements Martin 2');
    expect(all).toContain('30 jours nets');
    expect(all).toContain('Grossiste');
    expect(all).toContain('5 000,00 €');
    // Available = limit − exposure (1 244,56 € invoiced, 12,50 € credited), as the risk panel says.
    expect(all).toMatch(/Disponible[\s\S]*3 767,94 €/);
    // Two usages, each named (the web file's gauge reads the balance's): 1 232,06 € of 5 000,00 €.
    expect(all).toMatch(/Solde \/ plafond[\s\S]*24,6/);
    expect(all).toContain('Engagement / plafond');
    expect(all).toContain('Comportement de paiement');
    expect(all).toContain('Anne Roux');
    expect(all).toContain('14/02/2026');
    expectReadable(all);
    expect((await get('/api/customers/NOPE/file.pdf')).statusCode).toBe(404);
  });
});

describe('CSV and XLSX exports', () => {
  it('neutralises a formula in a name and keeps French numbers numeric', async () => {
    const response = await get('/api/reports/aging?asOf=2026-04-30&format=csv');
    const text = response.rawPayload.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]?.split(';')[0]).toBe('Code');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Cliquez"")"`);
    expect(text).not.toMatch(/[;\n]=HYPERLINK/);
    const k002 = lines.find((line) => line.startsWith('K002;')) ?? '';
    expect(k002.split(';')).toContain('-12,50');
    expect(text).toContain('1234,56');
  });

  it('writes English CSV with commas', async () => {
    const text = (
      await get('/api/reports/risk-table?asOf=2026-04-30&format=csv&lang=en')
    ).rawPayload.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^Code,Customer,Salesperson,Outstanding/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Cliquez"")"`);
  });

  it('neutralises the formula in the anomalies export too', async () => {
    const text = (await get('/api/reports/anomalies?asOf=2026-04-30&format=csv')).rawPayload.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Cliquez"")"`);
    expect(text).not.toMatch(/(^|[;\n])"?=HYPERLINK/m);
  });

  it('serves typed XLSX', async () => {
    const response = await get('/api/reports/risk-table?asOf=2026-04-30&format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [sheet] = (await workbookOf('/api/reports/risk-table?asOf=2026-04-30&format=xlsx')).worksheets;
    expect(sheet?.name).toBe('Niveaux de risque');
  });

  it('names every tab within 31 characters, between words', async () => {
    const names = [];
    for (const url of [
      '/api/reports/anomalies?asOf=2026-04-30&format=xlsx',
      '/api/reports/crosstab?asOf=2026-04-30&rows=customer_type&columns=payment_terms&format=xlsx',
      '/api/reports/kpis?to=2026-04-30&format=xlsx',
    ])
      names.push(...(await workbookOf(url)).worksheets.map((sheet) => sheet.name));
    expect(names).toEqual([
      'Anomalies',
      'Type de client × Conditions',
      'Indicateurs',
      'Évolution mensuelle',
      'Ventes par type de client',
    ]);
  });

  it('writes the anomalies’ evidence as typed cells, amounts as numbers in euros', async () => {
    const sheet = (await workbookOf('/api/reports/anomalies?asOf=2026-04-30&format=xlsx')).worksheets[0];
    const header = sheet?.getRow(3).values as unknown[];
    expect(header).not.toContain('Éléments');
    const balance = header.indexOf('Encours');
    expect(balance).toBeGreaterThan(5);
    // K002's outstanding (1 244,56 € invoiced, 12,50 € credited) is the evidence of a finding.
    const k002 = sheet
      ?.getRows(4, (sheet?.rowCount ?? 3) - 3)
      ?.find((row) => row.getCell(4).value === 'K002');
    const cell = k002?.getCell(balance);
    expect(cell?.value).toBe(1232.06);
    expect(cell?.numFmt).toContain('€');
  });

  it('leads the KPI workbook with the headline figures, as numbers', async () => {
    const [figures, monthly] = (await workbookOf('/api/reports/kpis?to=2026-04-30&format=xlsx')).worksheets;
    expect(figures?.getRow(3).values).toEqual([undefined, 'Indicateur', 'Valeur', 'Définition']);
    const dso = figures?.getRow(4);
    expect(dso?.getCell(1).value).toBe('DSO (méthode simple)');
    expect(typeof dso?.getCell(2).value).toBe('number');
    expect(dso?.getCell(2).numFmt).toBe('#,##0.0 "j"');
    const cei = figures
      ?.getRows(4, 12)
      ?.find((row) => row.getCell(1).value === 'Efficacité du recouvrement (CEI)');
    expect(cei?.getCell(2).numFmt).toBe('0.0%');
    expect(monthly?.getRow(3).getCell(1).value).toBe('Mois');
  });

  it('names the base of the KPI workbook’s overdue shares: the open invoices, before credits', async () => {
    const report = (await get('/api/reports/kpis?to=2026-04-30')).json();
    const [figures] = (await workbookOf('/api/reports/kpis?to=2026-04-30&format=xlsx')).worksheets;
    const rows = figures?.getRows(4, 12) ?? [];
    const row = (label: string) => rows.find((r) => r.getCell(1).value === label);
    // Every invoice is past due and a 12,50 € credit note is open: 100 % of the open invoices are
    // overdue, more than the net encours (which deducts the credit note), so « de l’encours » was wrong.
    expect(report.overdueShare).toBe(1);
    expect(report.endingOverdueMinor).toBeGreaterThan(report.endingReceivablesMinor);
    const overdue = row('Part échue des factures ouvertes');
    expect(overdue?.getCell(2).value).toBe(report.overdueShare);
    expect(overdue?.getCell(3).value).toBe(
      'Échu ÷ factures ouvertes en fin de période, avant déduction des avoirs et règlements non affectés (que l’encours fin déduit).',
    );
    expect(String(row('Part échue depuis plus de 90 jours')?.getCell(3).value)).toContain(
      '÷ factures ouvertes en fin de période, avant déduction des avoirs',
    );
    expect(rows.map((r) => String(r.getCell(1).value)).filter((label) => label.includes('encours'))).toEqual(
      [],
    );
  });

  it('names the base of the monthly table’s overdue shares in their headers, in CSV and XLSX', async () => {
    const report = (await get('/api/reports/kpis?to=2026-04-30')).json();
    const april = report.monthly.at(-1);
    // April: every invoice overdue, a 12,50 € credit note open. Beside « Encours fin » (net of it), a
    // bare « Part échue » of 100 % read as a share of that encours, which the overdue exceeds.
    expect(april.overdueShare).toBe(1);
    expect(april.endingOverdueMinor).toBeGreaterThan(april.endingReceivablesMinor);
    const csv = (await get('/api/reports/kpis?to=2026-04-30&format=csv')).rawPayload.toString('utf8');
    const headers = csv.slice(1).split('\r\n')[0]?.split(';') ?? [];
    expect(headers.slice(2, 3)).toEqual(['Encours fin']);
    expect(headers.slice(-2)).toEqual([
      'Part échue des factures ouvertes',
      'Part > 90 j des factures ouvertes',
    ]);
    const english = (await get('/api/reports/kpis?to=2026-04-30&format=csv&lang=en')).rawPayload.toString(
      'utf8',
    );
    expect(english.slice(1).split('\r\n')[0]?.split(',').slice(-2)).toEqual([
      'Overdue share of open invoices',
      'Share > 90 d of open invoices',
    ]);
    const [, monthly] = (await workbookOf('/api/reports/kpis?to=2026-04-30&format=xlsx')).worksheets;
    const header = ((monthly?.getRow(3).values ?? []) as unknown[]).slice(-2);
    expect(header).toEqual(['Part échue des factures ouvertes', 'Part > 90 j des factures ouvertes']);
    // April's row: the overdue share of its open invoices, a number under its header.
    const columns = monthly?.getRow(3).cellCount ?? 0;
    expect(monthly?.getRow(3 + report.monthly.length).getCell(columns - 1).value).toBe(1);
  });
});
