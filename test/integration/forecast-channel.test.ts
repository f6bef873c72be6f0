/**
 * The invoice's channel (documents.channel, migration 0056) from the database to the prediction:
 * read with the invoices, learned as the channel effect, given back to an electronic invoice with
 * its reason in words. The column is set by SQL here: the invoices import does not fill it yet.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { predictPayments } from '#app/forecast/predictions';
import { addDays } from '#core/calendar';
import type { LedgerDocument } from '#core/types';
import { selectForecastInvoices } from '#db/forecast/forecast-queries';
import { customer } from '../scenarios/ledger-builder.ts';
import { c1Document as doc } from '../support/ledger-document.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;

const AS_OF = '2026-04-10';
const AMOUNT = 100_000;

/**
 * One customer invoiced monthly from January 2025: the first six invoices (on paper) paid 10 days
 * after their due date, the next six (electronic) 4 days after; three invoices issued in April
 * 2026, not yet due, one of each channel and one whose channel is never said.
 */
function dataset() {
  const documents: LedgerDocument[] = [];
  const allocations: { debitRef: string; creditRef: string; amountMinor: number; allocationDate: string }[] =
    [];
  for (let month = 0; month < 12; month += 1) {
    const issue = addDays('2025-01-05', month * 30);
    const due = addDays(issue, 30);
    const paidOn = addDays(due, month < 6 ? 10 : 4);
    documents.push(
      doc('invoice', `F${month}`, issue, due, AMOUNT),
      doc('payment', `P${month}`, paidOn, paidOn, -AMOUNT),
    );
    allocations.push({
      debitRef: `F${month}`,
      creditRef: `P${month}`,
      amountMinor: AMOUNT,
      allocationDate: paidOn,
    });
  }
  documents.push(
    doc('invoice', 'PAPER', '2026-04-01', '2026-05-01', AMOUNT),
    doc('invoice', 'EDI', '2026-04-01', '2026-05-01', AMOUNT),
    doc('invoice', 'UNSAID', '2026-04-01', '2026-05-01', AMOUNT),
  );
  return {
    company: { code: 'CH', name: 'CH SA', currency: 'EUR', asOf: AS_OF },
    customers: [customer('C1', { name: 'Alpha' })],
    documents,
    allocations,
    reversals: [],
    orders: [],
    events: [],
    users: [],
  };
}

const ELECTRONIC = ['F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'EDI'];

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...database.context('CH'), actor: 'test' }, dataset());
});

afterAll(async () => {
  await database?.close();
});

async function setChannels(): Promise<void> {
  const { db } = database.context('CH');
  await sql`update documents set channel = case when external_ref in (${sql.join(ELECTRONIC)})
              then 'electronic' else 'paper' end
             where company_id = 'CH' and kind = 'invoice' and external_ref <> 'UNSAID'`.execute(db);
}

describe('the invoice channel in the predictions', () => {
  it('is unknown until said, and then changes the electronic invoice’s date only', async () => {
    const ctx = database.context('CH');
    const before = await predictPayments(ctx, { asOf: AS_OF });
    const [paperBefore, ediBefore, unsaidBefore] = ['PAPER', 'EDI', 'UNSAID'].map((ref) =>
      before.items.find((item) => item.documentRef === ref),
    );
    // No channel known: the two invoices are alike.
    expect(ediBefore?.predictedDate).toBe(paperBefore?.predictedDate);
    expect(unsaidBefore?.predictedDate).toBe(paperBefore?.predictedDate);
    expect(before.items.flatMap((item) => item.reasons).some((r) => r.code === 'channel')).toBe(false);

    await setChannels();
    const rows = await selectForecastInvoices(ctx.db, 'CH', AS_OF);
    expect(rows.filter((row) => row.electronic).map((row) => row.documentRef)).toEqual(ELECTRONIC);
    expect(rows.filter((row) => row.electronic === false)).toHaveLength(7);
    expect(rows.find((row) => row.documentRef === 'UNSAID')?.electronic).toBeNull();

    const after = await predictPayments(ctx, { asOf: AS_OF });
    const paper = after.items.find((item) => item.documentRef === 'PAPER');
    const edi = after.items.find((item) => item.documentRef === 'EDI');
    if (!paper || !edi) throw new Error('both open invoices predicted');
    // The habit is the paper invoices' delay (10 days), the electronic one 6 days sooner.
    expect(paper.expectedDelayDays).toBeGreaterThan(ediBefore?.expectedDelayDays ?? 0);
    expect(paper.expectedDelayDays - edi.expectedDelayDays).toBeCloseTo(6, 0);
    expect(edi.predictedDate < paper.predictedDate).toBe(true);
    const reason = edi.reasons.find((r) => r.code === 'channel');
    expect(reason?.figures).toEqual({ channel: 'electronic', extraDays: -6 });
    expect(reason?.message).toContain('électronique');
    expect(reason?.message).toContain('plus tôt');
    expect(paper.reasons.some((r) => r.code === 'channel')).toBe(false);
    // Channel never said: the customer's electronic share of the effect (its recent invoices, which
    // weigh more, were electronic), not the paper date.
    const unsaid = after.items.find((item) => item.documentRef === 'UNSAID');
    const figures = unsaid?.reasons.find((r) => r.code === 'channel')?.figures;
    const share = Number(figures?.electronicSharePercent) / 100;
    expect(figures?.channel).toBe('unknown');
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(1);
    expect(unsaid?.expectedDelayDays).toBeCloseTo(paper.expectedDelayDays - 6 * share, 0);
    expect(unsaid?.expectedDelayDays).toBeLessThan(paper.expectedDelayDays - 3);
    expect(unsaid?.expectedDelayDays).toBeGreaterThan(edi.expectedDelayDays);
    expect(unsaid?.reasons.find((r) => r.code === 'channel')?.message).toMatch(
      /^Canal d’envoi inconnu\u00a0: \d+\s% des factures payées de ce client .* plus tôt dans la date$/,
    );

    const english = await predictPayments(ctx, { asOf: AS_OF, lang: 'en' });
    const message = english.items
      .find((item) => item.documentRef === 'EDI')
      ?.reasons.find((r) => r.code === 'channel')?.message;
    expect(message).toBe(
      'Invoice sent electronically: electronic invoices were paid 6 days sooner than the others, counted in the date',
    );
  });

  it('refuses a channel other than paper or electronic', async () => {
    const { db } = database.context('CH');
    await expect(
      sql`update documents set channel = 'fax' where company_id = 'CH' and external_ref = 'PAPER'`.execute(
        db,
      ),
    ).rejects.toThrow(/documents_channel/);
  });
});
