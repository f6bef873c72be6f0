/**
 * The invoices a hand-over takes — the customer's overdue invoices on the day, or the ones named,
 * each open and overdue — with the late interest and the 40 € indemnity owed on them that day.
 */
import type { Kysely } from 'kysely';
import { claimForInvoice, type InterestPeriod, type Settlement } from '#core/dunning/late-interest';
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

export async function handedInvoices(
  ctx: AppContext,
  trx: Kysely<Database>,
  customer: { code: string; currency: string; status: string },
  refs: readonly string[] | undefined,
  date: IsoDate,
): Promise<FileInvoiceRow[]> {
  const open = (await listOpenItems(trx, ctx.companyId, customer.code, date)).filter(
    (item) => item.kind === 'invoice' && item.openMinor > 0 && item.currency === customer.currency,
  );
  const chosen = refs?.length
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
  if (chosen.length === 0)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.noOverdueInvoice',
      params: { customer: customer.code },
    });
  const claims = await claimsAt(
    trx,
    ctx.companyId,
    customer,
    chosen.map((item) => ({ ...item, documentRef: item.externalRef })),
    date,
  );
  return claims.map(({ periods: _periods, openMinor, ...claim }) => ({ ...claim, handedMinor: openMinor }));
}
