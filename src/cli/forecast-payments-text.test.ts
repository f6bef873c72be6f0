import { describe, expect, it } from 'vitest';
import type { PaymentPredictions } from '#app/forecast/predictions';
import { predictionLines } from './forecast-payments-text.ts';

type Item = PaymentPredictions['items'][number];

const item = (documentRef: string, reasons: string[], extra: Partial<Item> = {}): Item => ({
  customerCode: 'C001',
  documentRef,
  dueDate: '2026-06-01',
  openMinor: 123_456,
  currency: 'EUR',
  predictedDate: '2026-07-06',
  p10Date: '2026-07-02',
  p90Date: '2026-07-21',
  probabilityLate: 0.8,
  probabilityOver30: 0.4,
  probabilityOver60: 0.1,
  expectedDelayDays: 20,
  reasons: reasons.map((message) => ({ code: 'already_overdue', figures: {}, message })),
  ...extra,
});

const answer = (items: Item[]): PaymentPredictions => ({
  asOf: '2026-06-30',
  currency: 'EUR',
  modelVersion: 'm-1',
  items,
});

describe('predict payments as text', () => {
  it('writes each invoice’s reasons on an indented line under its row', () => {
    const lines = predictionLines(
      answer([
        item('F1', ['Déjà échue depuis 29 jours', 'Délai de paiement accordé : 30 jours']),
        item('F2', []),
      ]),
      'fr',
    );
    expect(lines[0]).toBe('Prévision de paiement des factures ouvertes au 30/06/2026 (modèle m-1)');
    expect(lines[2]).toMatch(/^─/);
    expect(lines[3]).toMatch(/^C001 +F1 +01\/06\/2026 /);
    expect(lines[4]).toBe('    Raisons : Déjà échue depuis 29 jours ; Délai de paiement accordé : 30 jours');
    // An invoice without reasons has no reasons line: the next line is the next row.
    expect(lines[5]).toMatch(/^C001 +F2 +01\/06\/2026 /);
    expect(lines).toHaveLength(6);
  });

  it('keeps the columns aligned under the header and says when no payment is expected', () => {
    const lines = predictionLines(
      answer([item('F1', ['Overdue by 29 days'], { paymentExpected: false })]),
      'en',
    );
    expect(lines[1]?.indexOf('Predicted payment')).toBe(lines[3]?.indexOf('no payment expected'));
    expect(lines[3]).toContain('—');
    expect(lines[4]).toBe('    Reasons: Overdue by 29 days');
  });

  it('shows a P90 at the horizon as where the range stops, not as its end (C00162 F2026-000496)', () => {
    const atHorizon = { p10Date: '2026-07-27', p90Date: '2027-06-30', p90AtHorizon: true };
    const fr = predictionLines(answer([item('F1', [], atHorizon), item('F2', [])]), 'fr');
    expect(fr[3]).toContain('27/07/2026 – au-delà du 30/06/2027');
    expect(fr[3]).not.toContain('27/07/2026 – 30/06/2027');
    // A P90 within the horizon stays the end of the range.
    expect(fr[4]).toContain('02/07/2026 – 21/07/2026');
    expect(predictionLines(answer([item('F1', [], atHorizon)]), 'en')[3]).toContain(
      '27/07/2026 – beyond 30/06/2027',
    );
  });

  it('says so when nothing is open', () => {
    expect(predictionLines(answer([]), 'en')).toEqual([
      'Predicted payment of the invoices open on 30/06/2026 (model m-1)',
      'No invoice open at that date.',
    ]);
  });

  it('shows no model probability as a certainty and says when an invoice is already late (issue 14)', () => {
    const lines = predictionLines(
      answer([
        // 13 days late, 0.999 of passing 30 days late: « > 99 % », not « 100 % ».
        item('F1', [], { dueDate: '2026-06-17', probabilityLate: 1, probabilityOver30: 0.999 }),
        // Not due yet, 0.001 of paying late: « < 1 % », not « 0 % ».
        item('F2', [], { dueDate: '2026-07-31', probabilityLate: 0.001, probabilityOver30: 0 }),
        // 45 days late: past 30 days is a fact.
        item('F3', [], { dueDate: '2026-05-16', probabilityLate: 1, probabilityOver30: 1 }),
      ]),
      'fr',
    );
    expect(lines[1]).toMatch(/P\(retard\) +P\(> 30 j\)$/);
    expect(lines[3]).toMatch(/ déjà en retard +> 99 %$/);
    expect(lines[4]).toMatch(/ < 1 % +< 1 %$/);
    expect(lines[5]).toMatch(/ déjà en retard +déjà > 30 j$/);
    expect(lines.join('\n')).not.toMatch(/\b(100|0) %/);
  });
});
