/**
 * The provision for doubtful debts knows its cases as the rest of Encours does, at the date, and
 * takes off only the VAT an invoice carries (what the demo walk found, with the demo's figures):
 * - a customer in receivership known from its status and the story line of the judgment (no
 *   BODACC announcement), as the payment predictions know it: 100 % net of VAT, from that line on;
 * - an invoice named by an imported 'dispute' event of the story, as the dunning state knows it:
 *   the dispute rate from the event's date;
 * - an export invoice (customer in the United Kingdom) carries no VAT: provisioned on its whole
 *   amount, and the line says so;
 * - invoices the customer in receivership was issued after its judgment are post-judgment claims
 *   (C. com. L622-17): the ordinary rule, not the procedure's 100 %, and the line says so;
 * - an invoice in dollars is totalled apart: the euro figures are those of the euro lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { listClaims } from '#app/legal/claims';
import { getProvision } from '#app/legal/provisions';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { cliOutput } from '../support/cli-output.ts';
import { ledgerDocument } from '../support/ledger-document.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const COMPANY = 'PRV';
const AS_OF = '2026-06-30';
let database: TestDatabase;

function books() {
  const b = new LedgerBuilder(COMPANY)
    .addCustomer('A1', { name: 'Alpha SARL' })
    .addCustomer('D1', { name: 'Traiteur Durand', status: 'receivership' })
    .addCustomer('E1', {
      name: 'Alpen Handel Ltd',
      customerType: 'export',
      vatNumber: 'GB813188890',
      address: { line1: null, line2: null, postalCode: null, city: 'London', country: 'GB' },
    })
    .addCustomer('U1', {
      name: 'Acme Corp',
      customerType: 'export',
      currency: 'USD',
      address: { line1: null, line2: null, postalCode: null, city: 'Boston', country: 'US' },
    });
  // 91 days past due at the date: 25 % of 1 000,00 HT.
  b.invoice('A1', '2026-03-01', '2026-03-31', eur(1_200), 'A-OLD');
  // 15 days past due, in dispute from the imported story of 1 June: 50 % of 1 000,00 HT.
  b.invoice('A1', '2026-05-16', '2026-06-15', eur(1_200), 'A-DISP');
  b.event('A1', 'dispute', '2026-06-01', 'A-DISP', 'Livraison incomplète contestée');
  // Issued before the judgment of 12 May, told by the story on 14 May; 20 days past due.
  b.invoice('D1', '2026-04-10', '2026-06-10', eur(2_400), 'D-1');
  b.event('D1', 'insolvency', '2026-05-14', null, 'Jugement d’ouverture de redressement judiciaire');
  // Supplies after the judgment (post-judgment claims): D-2 not yet 90 days past due, so nothing;
  // D-3 in dispute from 5 June: the dispute rate, 50 % of 500,00 HT.
  b.invoice('D1', '2026-05-20', '2026-06-19', eur(1_200), 'D-2');
  b.invoice('D1', '2026-05-25', '2026-06-24', eur(600), 'D-3');
  b.event('D1', 'dispute', '2026-06-05', 'D-3', 'Quantités contestées');
  // An export: 546 days past due, no VAT on it.
  b.invoice('E1', '2024-11-30', '2024-12-31', 1_320_539, 'F2024-003543');
  // In dollars, no VAT, 181 days past due: 50 % of 1 000,00 $, never added to the euros.
  b.documents.push({
    ...ledgerDocument('invoice', 'US-1', 'U1', '2025-12-01', '2025-12-31', 100_000, 'scenario'),
    currency: 'USD',
  });
  return b.dataset(AS_OF);
}

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...database.context(COMPANY, AS_OF), actor: 'test' }, books());
}, 120_000);

afterAll(async () => database?.close());

const lineOf = (lines: { ref: string }[], ref: string) => lines.find((line) => line.ref === ref);

describe('the provision for doubtful debts', () => {
  it('takes the procedure and dispute rates the story tells, and no VAT off an export', async () => {
    const report = await getProvision(database.context(COMPANY, AS_OF), { asOf: AS_OF });
    expect(report.byBasis).toEqual({ age: 1_345_539, collective_procedure: 200_000, dispute: 75_000 });
    expect(report.totalMinor).toBe(1_620_539);
    expect(lineOf(report.lines, 'D-1')).toMatchObject({
      basis: 'collective_procedure',
      postJudgment: false,
      rateBps: 10_000,
      vatRateBps: 2_000,
      netMinor: 200_000,
      provisionMinor: 200_000,
    });
    expect(lineOf(report.lines, 'A-DISP')).toMatchObject({
      daysPastDue: 15,
      basis: 'dispute',
      rateBps: 5_000,
      netMinor: 100_000,
      provisionMinor: 50_000,
    });
    expect(lineOf(report.lines, 'A-OLD')).toMatchObject({
      basis: 'age',
      rateBps: 2_500,
      provisionMinor: 25_000,
    });
    expect(lineOf(report.lines, 'F2024-003543')).toMatchObject({
      basis: 'age',
      rateBps: 10_000,
      vatRateBps: 0,
      netMinor: 1_320_539,
      provisionMinor: 1_320_539,
    });
  });

  it('leaves what was supplied after the judgment to the ordinary rule, as the claims do', async () => {
    const report = await getProvision(database.context(COMPANY, AS_OF), { asOf: AS_OF });
    // D-2 is a post-judgment claim 11 days past due: no provision (the procedure's rate took 1 000,00).
    expect(lineOf(report.lines, 'D-2')).toBeUndefined();
    expect(lineOf(report.lines, 'D-3')).toMatchObject({
      issueDate: '2026-05-25',
      cases: ['dispute'],
      postJudgment: true,
      basis: 'dispute',
      rateBps: 5_000,
      netMinor: 50_000,
      provisionMinor: 25_000,
    });
    // The claim to declare holds D-1 alone: the provision's 100 % reaches exactly what is declared.
    const [claim] = await listClaims(database.context(COMPANY, AS_OF), 'D1', 'fr', AS_OF);
    expect(claim?.items.map((item) => item.documentRef)).toEqual(['D-1']);
    const procedure = report.lines.filter((line) => line.basis === 'collective_procedure');
    expect(procedure.map((line) => line.ref)).toEqual(['D-1']);
  });

  it('totals each currency apart: the dollars never join the euros', async () => {
    const report = await getProvision(database.context(COMPANY, AS_OF), { asOf: AS_OF });
    expect(report.currency).toBe('EUR');
    expect(lineOf(report.lines, 'US-1')).toMatchObject({
      currency: 'USD',
      vatRateBps: 0,
      netMinor: 100_000,
      provisionMinor: 50_000,
    });
    expect(report.totals).toEqual([
      {
        currency: 'EUR',
        totalMinor: 1_620_539,
        byBasis: { age: 1_345_539, collective_procedure: 200_000, dispute: 75_000 },
      },
      { currency: 'USD', totalMinor: 50_000, byBasis: { age: 50_000, collective_procedure: 0, dispute: 0 } },
    ]);
    const movements = await getProvision(database.context(COMPANY, AS_OF), {
      asOf: AS_OF,
      from: '2026-05-31',
    });
    // At 31 May US-1 is 151 days past due: 25 %.
    expect(movements.movements?.totals).toEqual([
      {
        currency: 'EUR',
        openingMinor: 1_520_539,
        allowanceMinor: 100_000,
        reversalMinor: 0,
        usedMinor: 0,
        closingMinor: 1_620_539,
      },
      {
        currency: 'USD',
        openingMinor: 25_000,
        allowanceMinor: 25_000,
        reversalMinor: 0,
        usedMinor: 0,
        closingMinor: 50_000,
      },
    ]);
  });

  it('knows neither the procedure nor the dispute before the story tells them', async () => {
    const report = await getProvision(database.context(COMPANY, AS_OF), { asOf: '2026-05-13' });
    // D-1 and A-DISP are not yet due; A-OLD is 43 days past due: only the export is provisioned.
    expect(report.byBasis).toEqual({ age: 1_320_539, collective_procedure: 0, dispute: 0 });
    const movements = await getProvision(database.context(COMPANY, AS_OF), {
      asOf: AS_OF,
      from: '2026-05-31',
    });
    // At 31 May the procedure is known (14 May), the disputes (1 and 5 June) are not.
    expect(movements.movements).toMatchObject({
      openingMinor: 1_520_539,
      allowanceMinor: 100_000,
      reversalMinor: 0,
      usedMinor: 0,
      closingMinor: 1_620_539,
    });
  });

  it('says on each line whether the amount carries VAT', async () => {
    const { status, stdout } = await cliOutput(database.runtime, COMPANY, ['provision', '--as-of', AS_OF]);
    expect(status).toBe(0);
    const text = stdout.replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain(
      'E1 F2024-003543 : 13 205,39 € sans TVA, 546 j de retard, ancienneté 100 % de 13 205,39 € HT = 13 205,39 €',
    );
    expect(text).toContain(
      'D1 D-1 : 2 400,00 € TTC, 20 j de retard, procédure collective 100 % de 2 000,00 € HT = 2 000,00 €',
    );
    expect(text).toContain('dont litige : 750,00 €');
    expect(text).toContain(
      'D1 D-3 : 600,00 € TTC, 6 j de retard, litige 50 % de 500,00 € HT = 250,00 €\n' +
        '    Émise le 25/05/2026, après le jugement d’ouverture : créance postérieure (C. com., art. L. 622-17 et L. 641-13), provisionnée selon la règle ordinaire et non au taux de la procédure',
    );
    // Each currency its own total, and the dollar line in dollars.
    expect(text).toContain('Provision pour créances douteuses au 30/06/2026 : 16 205,39 €');
    expect(text).toContain('Provision pour créances douteuses au 30/06/2026 : 500,00 $US');
    expect(text).toContain(
      'U1 US-1 : 1 000,00 $US sans TVA, 181 j de retard, ancienneté 50 % de 1 000,00 $US HT',
    );
  });

  // Last: it adds a judgment to the books the tests above read.
  it('knows a procedure BODACC shows only by its conversion, undated but by its publication', async () => {
    // The watch reads a few months back: a receivership opened before shows by its conversion.
    await database
      .context(COMPANY)
      .db.insertInto('legal_announcements')
      .values({
        company_id: COMPANY,
        announcement_id: 'A-CONV',
        customer_code: 'A1',
        siren: '123456789',
        family: 'collective',
        procedure: 'liquidation',
        judgment_kind: 'conversion',
        judgment_date: null,
        publication_date: '2026-06-20',
        created_by: 'test',
      })
      .execute();
    const before = await getProvision(database.context(COMPANY, AS_OF), { asOf: '2026-06-19' });
    // The day before its publication: only D1's procedure (A-OLD, 80 days past due, not provisioned yet).
    expect(before.byBasis.collective_procedure).toBe(200_000);
    expect(lineOf(before.lines, 'A-OLD')).toBeUndefined();
    const report = await getProvision(database.context(COMPANY, AS_OF), { asOf: AS_OF });
    expect(lineOf(report.lines, 'A-OLD')).toMatchObject({
      basis: 'collective_procedure',
      provisionMinor: 100_000,
    });
    expect(lineOf(report.lines, 'A-DISP')).toMatchObject({
      basis: 'collective_procedure',
      provisionMinor: 100_000,
    });
    expect(report.byBasis).toEqual({ age: 1_320_539, collective_procedure: 400_000, dispute: 25_000 });
  });
});
