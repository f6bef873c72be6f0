/**
 * The invoices a hand-over takes — the customer's overdue invoices on the day, or the ones named,
 * each open and overdue — with the late interest and the 40 € indemnity owed on them that day.
 */
import type { Kysely } from 'kysely';
import { claimForInvoice, type InterestPeriod } from '#core/dunning/late-interest';
import type { CurrencyCode, IsoDate } from '#core/types';
import { selectDunningCustomers } from '#db/dunning/dunning-state';
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

/**
 * Late interest (at the customer's clause and the company's rate mode) and the 40 € indemnity owed
 * on each open invoice at `date`; none of the indemnity under a collective procedure.
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
  return items.map((item) => {
    const claim = claimForInvoice(
      {
        amountMinor: item.openMinor,
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
