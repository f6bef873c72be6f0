import { describe, expect, it } from 'vitest';
import type { FecImportSummary } from '#app/fec/import-fec';
import { fecSummaryLines, importSummaryLines } from './import-print.ts';

const fec: FecImportSummary = {
  file: '552100554FEC20261231.txt',
  dryRun: true,
  currency: 'EUR',
  encoding: 'utf-8',
  firstDate: '2026-01-01',
  lastDate: '2026-12-31',
  lines: 12_345,
  entries: 4_000,
  customers: 2,
  documents: { invoices: 3, creditNotes: 1, payments: 2, other: 0 },
  allocations: 4,
  openItems: 1,
  reconciliation: {
    asOf: '2026-12-31',
    controlBalanceMinor: 123_456_78,
    sumOpenItemsMinor: 123_456_78,
    customersWithDifference: [],
  } as unknown as FecImportSummary['reconciliation'],
  changes: {
    customersInserted: 1,
    documentsInserted: 6,
    documentsUpdated: 0,
    documentsUnchanged: 0,
    allocationsInserted: 4,
    allocationsReversed: 0,
  },
  journals: {},
  warnings: [],
};

describe('the human output of encours import', () => {
  it('reads like French: labels, grouped figures, French dates and euros, no minor units', () => {
    const text = fecSummaryLines(fec, 'fr').join('\n');
    expect(text).toContain(
      'Simulation : rien n’a été enregistré. 552100554FEC20261231.txt (utf-8) : 12 345 lignes',
    );
    expect(text).toContain('du 01/01/2026 au 31/12/2026');
    expect(text).toContain('Preuve au 31/12/2026 : comptes clients 123 456,78 €');
    expect(text).toContain('rapproché au centime près');
    expect(text).not.toMatch(/12345678|2026-12-31/);
    const english = fecSummaryLines(fec, 'en').join('\n');
    expect(english).toContain('Proof as of 31/12/2026: customer accounts €123,456.78');
  });

  it('says what a spreadsheet import wrote, with the payments’ matching', () => {
    const summary = {
      entity: 'payments' as const,
      file: 'reglements.csv',
      dryRun: false,
      rows: 1_200,
      inserted: 1_199,
      updated: 1,
      unchanged: 0,
      allocations: 1,
      unappliedPayments: 2,
      disputesOpened: 0,
      notices: [],
    };
    expect(importSummaryLines(summary, 'fr')).toEqual([
      'reglements.csv : 1 200 lignes — 1 199 nouvelles, 1 modifiée, 0 inchangée ; 1 lettrage, 2 règlements non affectés',
    ]);
  });
});
