/**
 * `separate_items`, what a reminder's templates say of the customer's overdue invoices it leaves
 * out: every one overdue at the date in the action's currency and not in the action, oldest first,
 * with what remains due on them; another customer's, another currency's, one due that day or one
 * paid are not counted.
 */
import { describe, expect, it } from 'vitest';
import type { PlannedAction, PlannedItem } from '#core/dunning/planner';
import type { DunningCustomerRow, DunningInvoiceRow } from '#db/dunning/dunning-state';
import { type ActionContext, templateVariables } from './action-variables.ts';

const AS_OF = '2026-06-30';

const row = (
  documentId: number,
  documentRef: string,
  dueDate: string,
  openMinor: number,
  extra: Partial<DunningInvoiceRow> = {},
): DunningInvoiceRow => ({
  documentId,
  documentRef,
  customerCode: 'C1',
  issueDate: '2026-01-01',
  dueDate,
  amountMinor: openMinor,
  openMinor,
  currency: 'EUR',
  level: 0,
  lastStepDate: null,
  formalNoticeDate: null,
  disputed: false,
  promiseDate: null,
  promiseAmountMinor: null,
  pausedUntil: null,
  pauseReason: null,
  pauseId: null,
  handedOver: false,
  settlements: [],
  ...extra,
});

const item = (invoice: DunningInvoiceRow): PlannedItem => ({
  invoiceId: String(invoice.documentId),
  dueDate: invoice.dueDate,
  openMinor: invoice.openMinor,
  daysLate: 20,
  fromLevel: 2,
  level: 3,
  stepCode: 'reminder_2',
  stepKind: 'reminder',
  interest: { status: 'not_claimed' },
  indemnityMinor: 0,
});

function context(rows: DunningInvoiceRow[], listed: DunningInvoiceRow[], lang: 'fr' | 'en' = 'fr') {
  const items = listed.map(item);
  const openTotalMinor = items.reduce((sum, i) => sum + i.openMinor, 0);
  const action: PlannedAction = {
    customerCode: 'C1',
    channel: 'letter',
    currency: 'EUR',
    policyCode: 'standard',
    policyVersion: 1,
    level: 3,
    stepCode: 'reminder_2',
    stepKind: 'reminder',
    templateCode: 'dunning.reminder_2',
    items,
    openTotalMinor,
    interestTotalMinor: 0,
    indemnityTotalMinor: 0,
    creditsMinor: 0,
    totalDueMinor: openTotalMinor,
    interestIncomplete: false,
  };
  const customer = { code: 'C1', name: 'Alpha SARL', language: lang } as DunningCustomerRow;
  const ctx: ActionContext = {
    lang,
    asOf: AS_OF,
    action,
    customer,
    invoices: new Map(rows.map((r) => [String(r.documentId), r])),
    sender: { name: 'Dupont SAS', addressLines: [] } as unknown as ActionContext['sender'],
    terms: { rates: [], clause: { kind: 'legal' }, mode: 'split_by_semester' },
    reference: 'REL-1',
  };
  return ctx;
}

const separate = (ctx: ActionContext) => templateVariables(ctx, [])['separate_items'];

describe('the overdue invoices a reminder leaves out', () => {
  const listed = row(1, 'F-1', '2026-06-10', 300_000);
  const onCall = row(2, 'F-2', '2026-05-20', 84_929);
  const disputed = row(3, 'F-3', '2026-06-05', 123_456, { disputed: true });
  const others = [
    row(4, 'F-4', AS_OF, 50_000), // due today: not overdue yet
    row(5, 'F-5', '2026-07-15', 70_000), // not due
    row(6, 'F-6', '2026-05-01', 90_000, { currency: 'USD' }), // another currency's document
    row(7, 'F-7', '2026-05-01', 10_000, { customerCode: 'C2' }), // another customer
  ];

  it('counts every other overdue invoice of the customer in the currency, oldest first', () => {
    const ctx = context([listed, onCall, disputed, ...others], [listed]);
    // 849,29 + 1 234,56 = 2 083,85
    expect(separate(ctx)).toEqual({
      count: 2,
      refs: 'F-2, F-3',
      listed: true,
      open: '2\u202f083,85\u00a0€',
      noticed: 0,
      // Why, in the customer's words: the dispute first, then what remains due without a reason.
      why: 'F-3 fait l’objet d’une contestation que nous examinons\u00a0; F-2 reste due, et nous vous remercions de la régler également',
    });
    expect(separate(context([listed, onCall], [listed], 'en'))).toEqual({
      count: 1,
      refs: 'F-2',
      listed: true,
      open: '€849.29',
      noticed: 0,
      why: 'it is still due, and we would ask you to settle it too',
    });
  });

  it('leaves out an invoice a factor collects: it is owed to the factor, who reminds of it', () => {
    const ctx = context([listed, onCall, disputed], [listed]);
    const factor = { contractCode: 'FAC-1', factorName: 'Factor SA', factorIban: null, factorBic: null };
    ctx.factors = new Map([
      ['2', { ...factor, factorCollects: true }],
      ['3', { ...factor, factorCollects: false }],
    ]);
    // F-2 is the factor's to collect; F-3, assigned but collected by us, still counts.
    expect(separate(ctx)).toEqual({
      count: 1,
      refs: 'F-3',
      listed: true,
      open: '1 234,56 €',
      noticed: 0,
      why: 'elle fait l’objet d’une contestation que nous examinons',
    });
  });

  it('is empty when the letter lists every overdue invoice, and names none beyond a few', () => {
    expect(separate(context([listed, ...others], [listed]))).toEqual({
      count: 0,
      refs: '',
      listed: true,
      open: '0,00\u00a0€',
      noticed: 0,
      why: '',
    });
    const many = Array.from({ length: 6 }, (_, i) => row(10 + i, `G-${i}`, `2026-06-0${i + 1}`, 10_000));
    expect(separate(context([listed, ...many], [listed]))).toMatchObject({
      count: 6,
      listed: false,
      open: '600,00\u00a0€',
      noticed: 0,
    });
  });
});
