/**
 * A P90 at the horizon — a year after the cut-off, where the invoices as old never seen paid are
 * laid — is where the calculation stops, not the end of a range: the prediction says so
 * (`p90AtHorizon`), and then one chance in ten or more is indeed of no payment before it.
 */
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../calendar.ts';
import { BEYOND_HISTORY_DAYS } from './age-terms.ts';
import { CUTOFF, invoice } from './aged-book.fixture.ts';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from './forecaster.ts';
import type { InvoiceRecord } from './types.ts';

/**
 * Six customers paying within a week, and two whose invoices reach 230 days past due: seven in ten
 * are paid then, three in ten never — enough paid within a year for a payment to be expected.
 */
function book(): InvoiceRecord[] {
  const records: InvoiceRecord[] = [];
  for (let month = 0; month < 24; month += 1)
    for (let k = 0; k < 8; k += 1) {
      const due = addDays('2024-01-15', month * 30 + k);
      if (k < 6) records.push(invoice(`C${k}`, due, 2 + k));
      else records.push(invoice(`C${k}`, due, month % 10 < 7 ? 230 : null));
    }
  return records;
}

const horizon = addDays(CUTOFF, BEYOND_HISTORY_DAYS);

function predict(customerCode: string, dueDate: string) {
  const open = invoice(customerCode, dueDate, null);
  const forecaster = trainForecaster([...book(), open], [], CUTOFF, DEFAULT_FORECAST_OPTIONS);
  return predictWith(forecaster, open, open.amountMinor);
}

describe('a P90 at the horizon', () => {
  it('is marked on an invoice expected to be paid whose range would end on the horizon', () => {
    const p = predict('C6', '2026-01-01');
    expect(p.paymentExpected).toBeUndefined();
    expect([p.predictedDate, p.p90Date, horizon]).toEqual(['2026-08-19', '2027-06-30', '2027-06-30']);
    expect(p.p90AtHorizon).toBe(true);
    // Three in ten of the equally likely dates are the never-paid share, laid on the horizon.
    const atHorizon = p.candidateDays.filter((day) => day >= toDayNumber(horizon)).length;
    expect(atHorizon / p.candidateDays.length).toBeGreaterThanOrEqual(0.1);
  });

  it('marks exactly the P90s at or after the horizon, each with one chance in ten or more beyond it', () => {
    const ages = ['2025-09-01', '2025-12-01', '2026-01-01', '2026-03-01', '2026-05-01', '2026-06-20'];
    const marked: boolean[] = [];
    for (const code of ['C1', 'C6'])
      for (const due of ages) {
        const p = predict(code, due);
        const beyond = p.candidateDays.filter((day) => day >= toDayNumber(horizon)).length;
        expect(p.p90AtHorizon === true).toBe(p.p90Date >= horizon);
        if (p.p90AtHorizon) expect(beyond / p.candidateDays.length).toBeGreaterThanOrEqual(0.1);
        else expect(p.p90AtHorizon).toBeUndefined();
        marked.push(p.p90AtHorizon === true);
      }
    // Both kinds are met: C1 pays within a week (its ordinary invoice of 20 June is no horizon case).
    expect([marked.includes(true), marked.includes(false)]).toEqual([true, true]);
  });
});
