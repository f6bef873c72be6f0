import { describe, expect, it } from 'vitest';
import type { BacktestAnswer } from '#app/forecast/backtest';
import { backtestText } from './backtest-text.ts';

const bins = (counts: number[]) =>
  counts.map((invoices, bin) => ({
    fromProbability: bin / 10,
    toProbability: (bin + 1) / 10,
    invoices,
    meanPredicted: invoices ? bin / 10 + 0.05 : null,
    observedLateRate: invoices ? 0.5 : null,
  }));

const noCoverage = {
  invoices: 0,
  paidByP50: { invoices: 0, paid: 0, share: null },
  paidByP90: { invoices: 0, paid: 0, share: null },
  paidWithin13Weeks: { invoices: 0, expected: null, actual: null },
};

function result(invoices: number, balanced: number | null): BacktestAnswer {
  const figure = (value: number) => (invoices ? value : null);
  return {
    modelVersion: 'm',
    asOf: '2026-06-30',
    defaultRange: true,
    from: '2025-06-01',
    to: '2026-05-31',
    cutoffs: ['2026-04-30', '2026-05-31'],
    invoices,
    invoicesByCutoff: [invoices, 0],
    distinctInvoices: Math.ceil(invoices / 2),
    paidLongLate: { days: 180, evaluations: 0, invoices: 0, modelErrorShare: invoices ? 0 : null },
    lateBaseRate: figure(0.9),
    methods: [
      { method: 'model', maeDays: figure(15.87), lateAccuracy: figure(0.917), balancedAccuracy: balanced },
      {
        method: 'dueDate',
        maeDays: figure(30.16),
        lateAccuracy: figure(0.086),
        balancedAccuracy: figure(0.5),
      },
    ],
    calibration: bins(invoices ? [0, 0, 0, 0, 0, 1, 0, 0, 0, invoices - 1] : Array(10).fill(0)),
    brierScore: figure(0.063),
    uncalibrated: {
      lateAccuracy: figure(0.9),
      brierScore: figure(0.07),
      calibration: bins(Array(10).fill(0)),
    },
    censoredOn: '2026-06-30',
    coverage: [
      {
        bucket: 'd91_180',
        invoices: 53,
        paidByP50: { invoices: 53, paid: 3, share: 0.057 },
        paidByP90: { invoices: 32, paid: 4, share: 0.125 },
        paidWithin13Weeks: { invoices: 53, expected: 0.95, actual: 0.189 },
      },
      { bucket: 'all', ...noCoverage },
    ],
  };
}

describe('backtestText', () => {
  it('says « aucune facture à évaluer » and leaves the figures empty when nothing was scored', () => {
    const text = backtestText(result(0, null), 'fr');
    expect(text).toContain('2 dates de coupure, 0 facture évaluée');
    expect(text).toContain('Aucune facture à évaluer');
    expect(text).not.toMatch(/\b0,0\b/);
    expect(text).not.toContain('Exactitude équilibrée du modèle');
    expect(text).not.toContain('Calibration');
    expect(backtestText(result(0, null), 'en')).toContain('No invoice to score');
  });

  it('writes the French plural and the range used', () => {
    expect(backtestText(result(1, 0.7), 'fr')).toContain('1 facture évaluée');
    const two = backtestText(result(2, 0.7), 'fr');
    expect(two).toContain('2 factures évaluées');
    expect(two).toContain('coupures du 30/04/2026 au 31/05/2026');
    expect(two).toContain('les 12 fins de mois avant la date de référence du 30/06/2026');
    const given = backtestText({ ...result(2, 0.7), defaultRange: false }, 'en');
    expect(given).toContain('Range asked for: 01/06/2025 to 31/05/2026.');
  });

  it('states the base rate and the balanced accuracy in words, with one word for accuracy', () => {
    const weak = backtestText(result(100, 0.563), 'fr');
    expect(weak).toContain('90,0 % des factures évaluées ont été payées en retard');
    expect(weak).toContain('le modèle distingue peu mieux que « toujours en retard »');
    expect(weak).toContain('Exactitude retard / à l’heure');
    expect(weak).not.toContain('Justesse');
    expect(backtestText(result(100, 0.5), 'en')).toContain('no better than “always late”');
    expect(backtestText(result(100, 0.62), 'fr')).toContain('distingue les retards des paiements à l’heure');
  });

  it('shows the calibration bins with invoices and the coverage by age', () => {
    const text = backtestText(result(100, 0.62), 'fr');
    expect(text).toMatch(/50 % – 60 %\s+1\s+55,0 %\s+50,0 %/);
    expect(text).toMatch(/90 % – 100 %\s+99\s+95,0 %\s+50,0 %/);
    expect(text).not.toMatch(/0 % – 10 %/);
    expect(text).toMatch(/91–180 j\s+53\s+5,7 % \(3 sur 53\)\s+12,5 % \(4 sur 32\)\s+95,0 %\s+18,9 %/);
    expect(text).toContain('issues connues jusqu’au 30/06/2026');
    expect(text).toMatch(/Toutes\s+0\s+—\s+—\s+—\s+—/);
  });

  it('says the count is of evaluations, and how much of the error invoices paid very late make', () => {
    const quiet = backtestText(result(100, 0.62), 'fr');
    expect(quiet).toContain(
      'Une facture ouverte à plusieurs dates de coupure est évaluée à chacune : ces 100 évaluations portent sur 50 factures.',
    );
    expect(quiet).not.toContain('plus de 180 jours');
    // The demo after its June statement: 37 invoices paid over 180 days late, scored 433 times.
    const late = { days: 180, evaluations: 433, invoices: 37, modelErrorShare: 0.37 };
    const text = backtestText({ ...result(8_506, 0.574), distinctInvoices: 3_118, paidLongLate: late }, 'fr');
    expect(text).toContain('ces 8 506 évaluations portent sur 3 118 factures.');
    expect(text).toContain(
      '37 factures payées plus de 180 jours après l’échéance comptent pour 433 évaluations et 37 % de l’erreur du modèle : un encaissement de vieilles créances fait monter l’erreur moyenne sans que le modèle ait changé.',
    );
    const en = backtestText({ ...result(8_506, 0.574), distinctInvoices: 3_118, paidLongLate: late }, 'en');
    expect(en).toContain('these 8,506 evaluations are of 3,118 invoices.');
    expect(en).toContain(
      '37 invoices paid more than 180 days after the due date count for 433 evaluations and 37%',
    );
    // A result stored before these figures existed says nothing of them.
    const { distinctInvoices: _, paidLongLate: __, ...stored } = result(100, 0.62);
    expect(backtestText(stored, 'fr')).not.toContain('évaluée à chacune');
  });
});
