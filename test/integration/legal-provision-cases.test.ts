/**
 * The provision for doubtful debts knows its cases as the rest of Encours does, at the date, and
 * takes off only the VAT an invoice carries (what the demo walk found, with the demo's figures):
 * - a customer in receivership known from its status and the story line of the judgment (no
 *   BODACC announcement), as the payment predictions know it: 100 % net of VAT, from that line on;
 * - an invoice named by an imported 'dispute' event of the story, as the dunning state knows it:
 *   the dispute rate from the event's date;
 * - an export invoice (customer in the United Kingdom) carries no VAT: provisioned on its whole
 *   amount, and the line says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { getProvision } from '#app/legal/provisions';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { cliOutput } from '../support/cli-output.ts';
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
    });
  // 91 days past due at the date: 25 % of 1 000,00 HT.
  b.invoice('A1', '2026-03-01', '2026-03-31', eur(1_200), 'A-OLD');
  // 15 days past due, in dispute from the imported story of 1 June: 50 % of 1 000,00 HT.
  b.invoice('A1', '2026-05-16', '2026-06-15', eur(1_200), 'A-DISP');
  b.event('A1', 'dispute', '2026-06-01', 'A-DISP', 'Livraison incomplète contestée');
  // Issued before the judgment of 12 May, told by the story on 14 May; 20 days past due.
  b.invoice('D1', '2026-04-10', '2026-06-10', eur(2_400), 'D-1');
  b.event('D1', 'insolvency', '2026-05-14', null, 'Jugement d’ouverture de redressement judiciaire');
  // An export: 546 days past due, no VAT on it.
  b.invoice('E1', '2024-11-30', '2024-12-31', 1_320_539, 'F2024-003543');
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
    expect(report.byBasis).toEqual({ age: 1_345_539, collective_procedure: 200_000, dispute: 50_000 });
    expect(report.totalMinor).toBe(1_595_539);
    expect(lineOf(report.lines, 'D-1')).toMatchObject({
      basis: 'collective_procedure',
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

  it('knows neither the procedure nor the dispute before the story tells them', async () => {
    const report = await getProvision(database.context(COMPANY, AS_OF), { asOf: '2026-05-13' });
    // D-1 and A-DISP are not yet due; A-OLD is 43 days past due: only the export is provisioned.
    expect(report.byBasis).toEqual({ age: 1_320_539, collective_procedure: 0, dispute: 0 });
    const movements = await getProvision(database.context(COMPANY, AS_OF), {
      asOf: AS_OF,
      from: '2026-05-31',
    });
    // At 31 May the procedure is known (14 May), the dispute (1 June) is not.
    expect(movements.movements).toMatchObject({
      openingMinor: 1_520_539,
      allowanceMinor: 75_000,
      reversalMinor: 0,
      usedMinor: 0,
      closingMinor: 1_595_539,
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
    expect(text).toContain('dont litige : 500,00 €');
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
    expect(report.byBasis).toEqual({ age: 1_320_539, collective_procedure: 400_000, dispute: 0 });
  });
});
