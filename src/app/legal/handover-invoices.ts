/**
 * The invoices a hand-over takes — the customer's overdue invoices on the day but those whose formal
 * notice still gives time to pay (left out, and said so), or the ones named, each open and overdue —
 * with the late interest and the 40 € indemnity owed on them that day.
 */
import type { Kysely } from 'kysely';
import { claimForInvoice, type InterestPeriod, type Settlement } from '#core/dunning/late-interest';
import { noticePendingInvoices } from '#core/legal/handover-selection';
import type { CurrencyCode, IsoDate } from '#core/types';
import { selectDunningCustomers, selectDunningInvoices } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { listOpenItems } from '#db/ledger/ledger-queries';
import type { FileInvoiceRow } from '#db/legal/handover-queries';
import { wordedDate } from '#text/error-words';
import type { AppContext } from '../context.ts';
import { clauseOf, INSOLVENCY_STATUSES, loadRates } from '../dunning/plan-data.ts';
import { readSettings } from '../dunning/settings.ts';
import { DomainError } from '../errors.ts';
import { fileChasing, formalNoticeDeadline } from './handover-chasing.ts';

export interface ClaimedInvoice {
  documentId: number;
  documentRef: string;
  dueDate: IsoDate;
  openMinor: number;
  interestMinor: number;
  indemnityMinor: number;
  /** How the interest was computed (days, rate, amount), for the letter. */
  periods: InterestPeriod[];
}

/** What an invoice's late interest is computed on: its amount, less each payment from its own day. */
export interface InterestBasis {
  amountMinor: number;
  settlements: readonly Settlement[];
}

/**
 * The interest basis of each invoice of the customer open at `date`, read as the dunning run reads
 * it (the same rows its letters are made from), so that a hand-over or a claim declaration gives
 * the interest a reminder or a formal notice of that day gives: each period on what was still
 * open in it, a partial payment counted from the day after it.
 */
export async function interestBases(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  date: IsoDate,
): Promise<Map<number, InterestBasis>> {
  const rows = await selectDunningInvoices(db, companyId, date, [customerCode]);
  return new Map(
    rows.map((row) => [row.documentId, { amountMinor: row.amountMinor, settlements: row.settlements }]),
  );
}

/**
 * Late interest (at the customer's clause and the company's rate mode) and the 40 € indemnity owed
 * on each open invoice at `date`; none of the indemnity under a collective procedure. The interest
 * is the dunning letters' (`claimForInvoice` on the invoice's amount and its payments), not the
 * open amount over every day of delay.
 */
export async function claimsAt(
  db: Kysely<Database>,
  companyId: string,
  customer: { code: string; status: string },
  items: readonly {
    documentId: number;
    documentRef: string;
    dueDate: IsoDate;
    openMinor: number;
    currency: string;
  }[],
  date: IsoDate,
): Promise<ClaimedInvoice[]> {
  const [terms] = await selectDunningCustomers(db, companyId, date, [customer.code]);
  const interestTerms = {
    rates: await loadRates(db),
    clause: terms ? clauseOf(terms) : ({ kind: 'legal' } as const),
    mode: (await readSettings(db, companyId)).rateMode as never,
  };
  const bases = await interestBases(db, companyId, customer.code, date);
  return items.map((item) => {
    // An invoice the dunning state does not read (none open at the date) keeps its open amount.
    const basis = bases.get(item.documentId) ?? { amountMinor: item.openMinor, settlements: [] };
    const claim = claimForInvoice(
      {
        ...basis,
        dueDate: item.dueDate,
        asOf: date,
        currency: item.currency as CurrencyCode,
        debtorInInsolvency: INSOLVENCY_STATUSES.has(customer.status),
      },
      interestTerms,
      { claimInterest: true, claimIndemnity: true },
    );
    const computed = claim.interest.status === 'computed' ? claim.interest : null;
    return {
      documentId: item.documentId,
      documentRef: item.documentRef,
      dueDate: item.dueDate,
      openMinor: item.openMinor,
      interestMinor: computed?.interestMinor ?? 0,
      indemnityMinor: claim.indemnity.status === 'due' ? claim.indemnity.amountMinor : 0,
      periods: computed?.periods ?? [],
    };
  });
}

/** The invoices a hand-over left out for one formal notice whose deadline had not passed. */
export interface LeftOutInvoices {
  noticeDate: IsoDate;
  deadline: IsoDate;
  invoices: { documentRef: string; dueDate: IsoDate; openMinor: number }[];
  totalMinor: number;
}

/** What a hand-over takes, and what it leaves out (by default: the invoices under a notice still running). */
export interface HandedSelection {
  invoices: FileInvoiceRow[];
  leftOut: LeftOutInvoices[];
}

export interface HandedChoice {
  /** Invoice references; none: every invoice of the customer overdue on the day. */
  refs?: readonly string[] | undefined;
  /** Take, with the others, the overdue invoices whose formal notice still gives time to pay. */
  includePendingNotice?: boolean | undefined;
}

/** The invoices asked for: the ones named, or the overdue ones with or without those under a notice. */
export function choiceOf(input: {
  invoices?: readonly string[] | undefined;
  includePendingNotice?: boolean | undefined;
}): HandedChoice {
  return { refs: input.invoices, includePendingNotice: input.includePendingNotice };
}

type OpenInvoice = { documentId: number; externalRef: string; dueDate: IsoDate; openMinor: number };

/** The open invoices among `open` whose latest formal notice still gives time to pay on `date`, by notice. */
async function underPendingNotice(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  open: readonly OpenInvoice[],
  date: IsoDate,
): Promise<LeftOutInvoices[]> {
  if (open.length === 0) return [];
  const byRef = new Map(open.map((item) => [item.externalRef, item]));
  const { reminders } = await fileChasing(
    db,
    companyId,
    customerCode,
    open.map((item) => ({
      documentId: item.documentId,
      documentRef: item.externalRef,
      dueDate: item.dueDate,
    })),
    date,
  );
  const notices = reminders
    .filter((r) => r.stepKind === 'formal_notice')
    .map((r) => ({ date: r.date, deadline: formalNoticeDeadline(r.date), refs: r.covered }));
  return noticePendingInvoices(date, [...byRef.keys()], notices).map((held) => {
    const invoices = held.refs.map((ref) => {
      const item = byRef.get(ref)!;
      return { documentRef: ref, dueDate: item.dueDate, openMinor: item.openMinor };
    });
    return {
      noticeDate: held.noticeDate,
      deadline: held.deadline,
      invoices,
      totalMinor: invoices.reduce((sum, invoice) => sum + invoice.openMinor, 0),
    };
  });
}

/** The customer's open invoices in its currency at `date`. */
async function openInvoices(
  db: Kysely<Database>,
  companyId: string,
  customer: { code: string; currency: string },
  date: IsoDate,
) {
  return (await listOpenItems(db, companyId, customer.code, date)).filter(
    (item) => item.kind === 'invoice' && item.openMinor > 0 && item.currency === customer.currency,
  );
}

/**
 * The invoices named, each open and overdue; or, by default, every overdue invoice but those whose
 * formal notice still gives time to pay (`leftOut`: the person takes them by naming them, or by
 * asking for them, `includePendingNotice`).
 */
export async function handedInvoices(
  ctx: AppContext,
  trx: Kysely<Database>,
  customer: { code: string; currency: string; status: string },
  choice: HandedChoice,
  date: IsoDate,
): Promise<HandedSelection> {
  const open = await openInvoices(trx, ctx.companyId, customer, date);
  const { refs } = choice;
  const overdue = refs?.length
    ? refs.map((ref) => {
        const item = open.find((candidate) => candidate.externalRef === ref);
        if (!item)
          throw new DomainError('invalid_input', {
            key: 'errors.legal.notOpenInvoice',
            params: { ref, customer: customer.code },
          });
        if (item.dueDate >= date)
          throw new DomainError('invalid_input', {
            key: 'errors.legal.notOverdue',
            params: { ref, date: wordedDate(date) },
          });
        return item;
      })
    : open.filter((item) => item.dueDate < date);
  const leftOut =
    refs?.length || choice.includePendingNotice
      ? []
      : await underPendingNotice(trx, ctx.companyId, customer.code, overdue, date);
  const left = new Set(leftOut.flatMap((group) => group.invoices.map((invoice) => invoice.documentRef)));
  const chosen = overdue.filter((item) => !left.has(item.externalRef));
  if (chosen.length === 0) throw nothingToHand(customer.code, leftOut);
  const claims = await claimsAt(
    trx,
    ctx.companyId,
    customer,
    chosen.map((item) => ({ ...item, documentRef: item.externalRef })),
    date,
  );
  return {
    invoices: claims.map(({ periods: _periods, openMinor, ...claim }) => ({
      ...claim,
      handedMinor: openMinor,
    })),
    leftOut,
  };
}

/** No overdue invoice; or every one under a notice still running, which the person may take all the same. */
function nothingToHand(customer: string, leftOut: readonly LeftOutInvoices[]): DomainError {
  const last = leftOut.at(-1);
  if (!last)
    return new DomainError('invalid_input', { key: 'errors.legal.noOverdueInvoice', params: { customer } });
  return new DomainError('invalid_input', {
    key: 'errors.legal.onlyPendingNotice',
    params: {
      customer,
      count: leftOut.reduce((sum, group) => sum + group.invoices.length, 0),
      notice: wordedDate(last.noticeDate),
      deadline: wordedDate(last.deadline),
    },
  });
}

/**
 * What a hand-over of the whole customer left out on its day for a formal notice still running:
 * the invoices then overdue that are not in the file and whose latest notice gave time to pay past
 * that day. A file of chosen invoices left nothing out: the person chose.
 */
export async function leftOutOfFile(
  ctx: AppContext,
  file: {
    customerCode: string;
    currency: string;
    scope: string;
    handedOverOn: IsoDate;
    invoices: readonly { documentRef: string }[];
  },
): Promise<LeftOutInvoices[]> {
  if (file.scope !== 'customer') return [];
  const inFile = new Set(file.invoices.map((invoice) => invoice.documentRef));
  const date = file.handedOverOn;
  const others = (
    await openInvoices(ctx.db, ctx.companyId, { code: file.customerCode, currency: file.currency }, date)
  ).filter((item) => item.dueDate < date && !inFile.has(item.externalRef));
  return underPendingNotice(ctx.db, ctx.companyId, file.customerCode, others, date);
}
