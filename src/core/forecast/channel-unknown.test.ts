import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { predictWith, trainForecaster } from './forecaster.ts';
import { invoiceBuilders } from './invoice-book.fixture.ts';
import { openAt } from './predict.ts';
import { predictAt, restoreForecaster, storeForecaster } from './stored-model.ts';
import type { InvoicePrediction, InvoiceRecord } from './types.ts';

const CUTOFF = '2026-01-20';

const { invoice } = invoiceBuilders();

/**
 * Invoiced every month of 2025, electronic invoices paid 6 days sooner: MIXED on paper until June
 * and electronically from July, ONLINE always electronically, MOSTLY (another segment) on paper
 * but for one small electronic invoice. Each has three invoices open at the cut-off, not yet due:
 * one on paper, one electronic, one whose channel is unknown. NEW has no history, in a segment
 * with one (sme) and in one without (public): one open invoice of unknown channel each.
 */
function book() {
  const records: InvoiceRecord[] = [];
  for (let month = 0; month < 11; month += 1) {
    const issue = addDays('2025-01-03', month * 30);
    const late = month >= 6;
    records.push(
      invoice('MIXED', issue, late ? 4 : 10, { electronic: late }),
      invoice('ONLINE', issue, -3, { electronic: true }),
      invoice('MOSTLY', issue, 5, { customerType: 'wholesaler', electronic: false, amountMinor: 1_000_000 }),
    );
  }
  records.push(
    invoice('MOSTLY', '2025-05-01', -1, {
      customerType: 'wholesaler',
      electronic: true,
      amountMinor: 20_000,
    }),
  );
  for (const code of ['MIXED', 'ONLINE', 'MOSTLY'])
    for (const electronic of [false, true, null])
      records.push(
        invoice(code, '2026-01-12', null, {
          customerType: code === 'MOSTLY' ? 'wholesaler' : 'sme',
          electronic,
        }),
      );
  records.push(
    invoice('NEW', '2026-01-12', null, { electronic: null }),
    invoice('NEW', '2026-01-12', null, { customerType: 'public', electronic: null }),
  );
  return records;
}

const dayDiff = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Σ weight of the electronic paid invoices over Σ weight of all, weighted as the habits. */
function handShare(paid: readonly InvoiceRecord[]): number {
  const weight = (r: InvoiceRecord) => r.amountMinor * 0.5 ** (dayDiff(r.settledOn as string, CUTOFF) / 180);
  const sum = (rows: readonly InvoiceRecord[]) => rows.reduce((s, r) => s + weight(r), 0);
  return sum(paid.filter((r) => r.electronic)) / sum(paid);
}

/** A prediction without what names its invoice and without the channel's reason. */
const unnamed = (p: InvoicePrediction) => ({
  ...p,
  documentId: 0,
  documentRef: '',
  reasons: p.reasons.filter((r) => r.code !== 'channel'),
});

function predictions(records: InvoiceRecord[]) {
  const forecaster = trainForecaster(records, [], CUTOFF);
  const open = openAt(records, CUTOFF);
  const of = (code: string, electronic: boolean | null, type?: string) => {
    const record = open.find(
      (r) => r.customerCode === code && r.electronic === electronic && (!type || r.customerType === type),
    );
    if (!record) throw new Error(`no open invoice of ${code}`);
    return predictWith(forecaster, record, record.amountMinor);
  };
  return { forecaster, open, of };
}

describe('an open invoice whose channel is unknown', () => {
  const records = book();
  const paid = records.filter((r) => r.settledOn !== null);
  const { forecaster, open, of } = predictions(records);
  const effect = forecaster.model.electronicDelayDays;

  it('is predicted like an electronic one for a customer paid electronically only, a paper one not', () => {
    expect(effect).toBeLessThan(-4);
    expect(forecaster.model.electronicShares.customers.get('ONLINE')).toBe(1);
    const unknown = of('ONLINE', null);
    const electronic = of('ONLINE', true);
    const paper = of('ONLINE', false);
    expect(unnamed(unknown)).toEqual(unnamed(electronic));
    expect(unknown.expectedDelayDays).toBeCloseTo(paper.expectedDelayDays + effect, 0);
    expect(dayDiff(paper.predictedDate, unknown.predictedDate)).toBeLessThanOrEqual(-4);
    expect(unknown.reasons.find((r) => r.code === 'channel')?.figures).toEqual({
      channel: 'unknown',
      extraDays: Math.round(effect * 10) / 10,
      electronicSharePercent: 100,
    });
    expect(paper.reasons.some((r) => r.code === 'channel')).toBe(false);
  });

  it("gets its customer's electronic share of the effect, its segment's or the company's without history", () => {
    const shares = forecaster.model.electronicShares;
    const mixed = handShare(paid.filter((r) => r.customerCode === 'MIXED'));
    expect(mixed).toBeGreaterThan(0.5);
    expect(mixed).toBeLessThan(1);
    expect(shares.customers.get('MIXED')).toBeCloseTo(mixed, 12);
    const unknown = of('MIXED', null);
    expect(unknown.expectedDelayDays).toBeCloseTo(of('MIXED', false).expectedDelayDays + mixed * effect, 0);
    expect(unknown.reasons.find((r) => r.code === 'channel')?.figures).toEqual({
      channel: 'unknown',
      extraDays: Math.round(mixed * effect * 10) / 10,
      electronicSharePercent: Math.round(mixed * 100),
    });
    const sme = handShare(paid.filter((r) => r.customerType === 'sme'));
    expect(shares.segments.get('sme')).toBeCloseTo(sme, 12);
    expect(shares.company).toBeCloseTo(handShare(paid), 12);
    const segment = forecaster.model.segments.get('sme')?.delayDays as number;
    expect(of('NEW', null, 'sme').expectedDelayDays).toBeCloseTo(segment + sme * effect, 0);
    const company = forecaster.model.globalDelayDays;
    expect(of('NEW', null, 'public').expectedDelayDays).toBeCloseTo(company + handShare(paid) * effect, 0);
  });

  it('says nothing of the channel when its share of the effect rounds to 0 days', () => {
    const share = forecaster.model.electronicShares.customers.get('MOSTLY') as number;
    expect(share).toBeGreaterThan(0);
    expect(Math.abs(share * effect)).toBeLessThan(0.05);
    expect(of('MOSTLY', null).reasons.some((r) => r.code === 'channel')).toBe(false);
  });

  it('is predicted the same by the stored model, and as paper by one kept before the shares', () => {
    const stored = JSON.parse(JSON.stringify(storeForecaster(forecaster)));
    const restored = predictAt(restoreForecaster(stored), CUTOFF, forecaster.signals);
    expect(open.map((r) => predictWith(restored, r, r.amountMinor))).toEqual(
      open.map((r) => predictWith(forecaster, r, r.amountMinor)),
    );
    delete stored.electronicShares;
    delete stored.customers.electronicShare;
    const older = predictAt(restoreForecaster(stored), CUTOFF, forecaster.signals);
    for (const code of ['ONLINE', 'MIXED']) {
      const records = open.filter((r) => r.customerCode === code);
      const paper = records.find((r) => r.electronic === false) as InvoiceRecord;
      const unknown = records.find((r) => r.electronic === null) as InvoiceRecord;
      expect(unnamed(predictWith(older, unknown, 1))).toEqual(unnamed(predictWith(older, paper, 1)));
    }
  });
});
