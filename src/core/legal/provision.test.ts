import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROVISION_RATES,
  invoiceVatRateBps,
  type ProvisionItem,
  provisionCases,
  provisionLine,
  provisionMovements,
  validateProvisionRates,
} from './provision.ts';

const item = (over: Partial<ProvisionItem>): ProvisionItem => ({
  documentId: 1,
  customerCode: 'C1',
  ref: 'F1',
  issueDate: '2025-12-31',
  dueDate: '2026-01-31',
  openMinor: 120_000,
  currency: 'EUR',
  cases: [],
  postJudgment: false,
  vatRateBps: 2_000,
  ...over,
});

describe('provisionLine', () => {
  it('provisions by age on the amount net of VAT', () => {
    // 181 days past due → 50 % of 1 000,00 HT.
    const line = provisionLine(item({}), '2026-07-31', DEFAULT_PROVISION_RATES);
    expect(line).toMatchObject({
      daysPastDue: 181,
      basis: 'age',
      rateBps: 5_000,
      netMinor: 100_000,
      provisionMinor: 50_000,
    });
    expect(provisionLine(item({}), '2026-03-31', DEFAULT_PROVISION_RATES).provisionMinor).toBe(0);
  });

  it('takes the case rate when it is worse: 100 % HT in a collective procedure', () => {
    const line = provisionLine(
      item({ cases: ['dispute', 'collective_procedure'] }),
      '2026-02-10',
      DEFAULT_PROVISION_RATES,
    );
    expect(line).toMatchObject({ basis: 'collective_procedure', rateBps: 10_000, provisionMinor: 100_000 });
  });

  it('takes off only the VAT the invoice carries: none on an export', () => {
    // 1 320,54 € to a customer in the United Kingdom, 546 days past due: 100 % of the whole amount.
    const exported = provisionLine(
      item({ openMinor: 1_320_539, dueDate: '2024-12-31', vatRateBps: 0 }),
      '2026-06-30',
      DEFAULT_PROVISION_RATES,
    );
    expect(exported).toMatchObject({
      daysPastDue: 546,
      vatRateBps: 0,
      netMinor: 1_320_539,
      provisionMinor: 1_320_539,
    });
    const domestic = provisionLine(
      item({ openMinor: 1_320_539, dueDate: '2024-12-31' }),
      '2026-06-30',
      DEFAULT_PROVISION_RATES,
    );
    expect(domestic).toMatchObject({ vatRateBps: 2_000, netMinor: 1_100_449, provisionMinor: 1_100_449 });
  });

  it('charges the company rate in the French VAT territory only', () => {
    expect(invoiceVatRateBps('FR', 2_000)).toBe(2_000);
    expect(invoiceVatRateBps('MC', 2_000)).toBe(2_000); // Monaco shares the French VAT territory
    expect(invoiceVatRateBps('fr ', 550)).toBe(550);
    for (const country of ['GB', 'DE', 'ES', 'CH', 'US', 'RE', 'GP'])
      expect(invoiceVatRateBps(country, 2_000)).toBe(0);
  });

  it('checks the configured rates', () => {
    expect(validateProvisionRates(DEFAULT_PROVISION_RATES)).toEqual([]);
    expect(
      validateProvisionRates({
        ...DEFAULT_PROVISION_RATES,
        byAge: [
          { minDaysPastDue: 90, rateBps: 12_000 },
          { minDaysPastDue: 60, rateBps: 0 },
        ],
      }),
    ).toEqual(['byAge[0].rateBps', 'byAge[1].minDaysPastDue']);
  });
});

describe('provisionCases', () => {
  const receivership = { procedure: 'receivership', since: '2025-12-15' };

  it('gives the procedure’s case to what the customer owed at its opening judgment', () => {
    for (const issueDate of ['2025-11-30', '2025-12-15'])
      expect(provisionCases({ issueDate, disputed: false }, receivership)).toEqual({
        cases: ['collective_procedure'],
        postJudgment: false,
      });
    // The judgment's date unknown (only the status says so): everything is before it, as for the claims.
    expect(
      provisionCases({ issueDate: '2026-06-01', disputed: true }, { procedure: 'liquidation', since: null }),
    ).toEqual({ cases: ['collective_procedure', 'dispute'], postJudgment: false });
  });

  it('leaves an invoice issued after the judgment to the ordinary rule (C. com. L622-17)', () => {
    expect(provisionCases({ issueDate: '2025-12-16', disputed: false }, receivership)).toEqual({
      cases: [],
      postJudgment: true,
    });
    // A post-judgment invoice in dispute takes the dispute rate, as any customer's.
    expect(provisionCases({ issueDate: '2025-12-16', disputed: true }, receivership)).toEqual({
      cases: ['dispute'],
      postJudgment: true,
    });
    expect(provisionCases({ issueDate: '2025-12-16', disputed: false }, undefined)).toEqual({
      cases: [],
      postJudgment: false,
    });
  });

  it('provisions a post-judgment invoice by its age, not at the procedure’s 100 %', () => {
    const supplied = { issueDate: '2025-12-31', disputed: false };
    // 181 days past due at the date: 50 % of 1 000,00 HT, where the procedure would take 100 %.
    const after = provisionLine(
      item({ ...provisionCases(supplied, { procedure: 'receivership', since: '2025-12-15' }) }),
      '2026-07-31',
      DEFAULT_PROVISION_RATES,
    );
    expect(after).toMatchObject({ basis: 'age', rateBps: 5_000, postJudgment: true, provisionMinor: 50_000 });
    const before = provisionLine(
      item({ ...provisionCases(supplied, { procedure: 'receivership', since: '2026-01-05' }) }),
      '2026-07-31',
      DEFAULT_PROVISION_RATES,
    );
    expect(before).toMatchObject({
      basis: 'collective_procedure',
      postJudgment: false,
      provisionMinor: 100_000,
    });
  });
});

describe('provisionMovements', () => {
  it('splits the change into allowance, reversal and provision used on write-off', () => {
    const rates = DEFAULT_PROVISION_RATES;
    const opening = [
      provisionLine(item({ documentId: 1, ref: 'F1' }), '2026-05-01', rates), // 25 % → 25 000
      provisionLine(item({ documentId: 2, ref: 'F2', openMinor: 60_000 }), '2026-05-01', rates), // 12 500
    ];
    const closing = [provisionLine(item({ documentId: 1, ref: 'F1' }), '2026-08-01', rates)]; // 50 % → 50 000
    const movements = provisionMovements(opening, closing, new Map([[2, 60_000]]));
    expect(movements).toEqual([
      {
        documentId: 1,
        customerCode: 'C1',
        ref: 'F1',
        currency: 'EUR',
        openingMinor: 25_000,
        allowanceMinor: 25_000,
        reversalMinor: 0,
        usedMinor: 0,
        closingMinor: 50_000,
      },
      {
        documentId: 2,
        customerCode: 'C1',
        ref: 'F2',
        currency: 'EUR',
        openingMinor: 12_500,
        allowanceMinor: 0,
        reversalMinor: 0,
        usedMinor: 12_500,
        closingMinor: 0,
      },
    ]);
  });

  it('nets what is written off of an export invoice of no VAT, as its provision was', () => {
    const rates = DEFAULT_PROVISION_RATES;
    const exported = item({ documentId: 3, ref: 'E1', openMinor: 60_000, vatRateBps: 0 });
    const opening = [provisionLine(exported, '2026-05-01', rates)]; // 25 % of 600,00 → 15 000
    const [movement] = provisionMovements(opening, [], new Map([[3, 16_000]]));
    // The 160,00 written off carry no VAT (133,33 if 20 % were taken off): 150,00 used, none reversed.
    expect(movement).toMatchObject({ openingMinor: 15_000, usedMinor: 15_000, reversalMinor: 0 });
  });
});
