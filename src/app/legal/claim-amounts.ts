/**
 * What a claim declares, as the watch computes it for a BODACC opening and a person prepares it
 * from the customer's status or story: the invoices open on the judgment date (issued by then),
 * with the interest run up to that day under the customer's terms (L622-28 stops it there).
 */
import type { Kysely } from 'kysely';
import { type ClaimAmounts, claimAmounts } from '#core/legal/claims';
import type { IsoDate } from '#core/types';
import { selectCompany } from '#db/companies/company-queries';
import { selectDunningCustomers } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { listOpenItems } from '#db/ledger/ledger-queries';
import { clauseOf, loadRates } from '../dunning/plan-data.ts';
import { readSettings } from '../dunning/settings.ts';
import { interestBases } from './handover-invoices.ts';

export async function claimAmountsAt(
  db: Kysely<Database>,
  companyId: string,
  customer: { code: string; currency: string },
  judgmentDate: IsoDate,
  secured: boolean,
): Promise<ClaimAmounts> {
  const open = await listOpenItems(db, companyId, customer.code, judgmentDate);
  const [terms] = await selectDunningCustomers(db, companyId, judgmentDate, [customer.code]);
  const settings = await readSettings(db, companyId);
  const bases = await interestBases(db, companyId, customer.code, judgmentDate);
  return claimAmounts({
    judgmentDate,
    currency: customer.currency,
    secured,
    items: open
      .filter((item) => item.openMinor > 0 && item.currency === customer.currency)
      .map((item) => ({
        documentRef: item.externalRef,
        dueDate: item.dueDate,
        openMinor: item.openMinor,
        interestBasis: bases.get(item.documentId),
      })),
    interestTerms: {
      rates: await loadRates(db),
      clause: terms ? clauseOf(terms) : { kind: 'legal' },
      mode: settings.rateMode as never,
    },
  });
}

/** The amounts' part of a stored claim, the same whether the watch or a person records it. */
export function claimRowAmounts(amounts: ClaimAmounts, secured: boolean) {
  return {
    currency: amounts.currency,
    principalMinor: amounts.principalMinor,
    interestMinor: amounts.interestMinor,
    secured,
    interestStatus: amounts.interestStatus,
    items: amounts.items,
  };
}

/** R622-24 gives two more months to a creditor outside metropolitan France: the company's address says (97x, 98x). */
export async function creditorOutsideMetropole(db: Kysely<Database>, companyId: string): Promise<boolean> {
  const company = await selectCompany(db, companyId);
  return /^9[78]/.test(company?.postalCode ?? '');
}
