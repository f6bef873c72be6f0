/**
 * The late interest of a legal file is the dunning letters' on the same invoice and date: an invoice
 * of 1 051,27 € partly paid (400,00 € on 13 October 2025) carries its interest on 1 051,27 € up to
 * the payment day and on the 651,27 € left after it — not on 651,27 € over the whole delay. The
 * formal notice of that day (computed by the dunning planner), the hand-over and the package's
 * cover letter give the same figure, worked out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { handOver, savePartner } from '#app/legal/handover';
import { buildHandoverPackage } from '#app/legal/handover-package';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const AS_OF = '2026-06-30';
let database: TestDatabase;
const ctx = (): AppContext => database.context('LHI', AS_OF);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LHI').addCustomer('P1', { name: 'Négoce Perrin' });
  b.invoice('P1', '2025-08-26', '2025-09-25', 105_127, 'P1-1');
  b.invoice('P1', '2026-03-02', '2026-04-01', eur(800), 'P1-2');
  b.payment('P1', '2025-10-13', [['P1-1', eur(400)]]);
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset(AS_OF));
}, 120_000);
afterAll(async () => database?.close());

/**
 * 26/09/2025–13/10/2025: 18 days on 1 051,27 €; 14/10/2025–30/06/2026: 260 days on 651,27 €; both
 * half-years at 2,15 % + 10 points: (105 127 × 18 + 65 127 × 260) × 1 215 / (10 000 × 365)
 * = 6 266,51 → 62,67 €. The open amount over the 278 days would give 60,27 €.
 */
const PARTLY_PAID_INTEREST_MINOR = 6_267;
/** 800,00 € × 90 days (2 April–30 June) × 12,15 % / 365 = 23,967 → 23,97 €. */
const UNPAID_INTEREST_MINOR = 2_397;

describe('the interest of a legal file', () => {
  it('is the dunning letter’s, partial payments counted', async () => {
    // The formal notice of each invoice on the day claims its interest as the letter prints it.
    const noticeInterest = async (ref: string) => {
      const notice = await recordManualReminder(ctx(), {
        customerCode: 'P1',
        documentRefs: [ref],
        channel: 'registered_letter',
        stepCode: 'formal_notice',
        doneOn: AS_OF,
        claimInterest: true,
      });
      return notice.actions[0]?.interestTotalMinor;
    };
    expect(await noticeInterest('P1-1')).toBe(PARTLY_PAID_INTEREST_MINOR);
    expect(await noticeInterest('P1-2')).toBe(UNPAID_INTEREST_MINOR);

    const { partnerId } = await savePartner(ctx(), CABINET_DURAND);
    // Asked for: by default a hand-over leaves out the invoices whose notice still runs.
    const file = await handOver(ctx(), {
      customerCode: 'P1',
      partnerId,
      date: AS_OF,
      includePendingNotice: true,
    });
    expect(file.invoices.map((i) => [i.documentRef, i.handedMinor, i.interestMinor])).toEqual([
      ['P1-1', 65_127, PARTLY_PAID_INTEREST_MINOR],
      ['P1-2', eur(800), UNPAID_INTEREST_MINOR],
    ]);

    const model = await buildHandoverPackage(ctx(), { fileId: file.fileId, date: AS_OF });
    expect(model.items.map((i) => [i.documentRef, i.interestMinor])).toEqual([
      ['P1-1', PARTLY_PAID_INTEREST_MINOR],
      ['P1-2', UNPAID_INTEREST_MINOR],
    ]);
    expect(model.totals.interestMinor).toBe(PARTLY_PAID_INTEREST_MINOR + UNPAID_INTEREST_MINOR);
    // The statement shows the two periods of the partly paid invoice, each on what was open in it.
    const periods = model.items[0]?.periods.map((p) => [p.from, p.to, p.days, p.openMinor]);
    expect(periods).toEqual([
      ['2025-09-26', '2025-10-13', 18, 105_127],
      ['2025-10-14', '2025-12-31', 79, 65_127],
      ['2026-01-01', '2026-06-30', 181, 65_127],
    ]);
  });
});
