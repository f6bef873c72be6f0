/**
 * The invoices each buyer cover in force no longer guarantees at a date: overdue invoices whose
 * threatened loss was not declared by the deadline of the cover insurer's policy
 * (`lapsedInvoices`). One read for any number of covered customers, so that the risk panel, the
 * order check's figures, the group line, the risk map and the insurance pages take the same
 * invoices off the insured part. No cover in force, no read.
 */
import type { Kysely } from 'kysely';
import { coverState } from '#core/credit/insurer-cover';
import { type LapsedInvoice, lapsedInvoices } from '#core/legal/insurance-claims';
import type { IsoDate } from '#core/types';
import type { CoverRow } from '#db/credit/cover-queries';
import type { Database } from '#db/infra/schema';
import { selectCurrentPolicies, selectOverdueInvoices } from '#db/legal/insurance-queries';
import { policyOf } from '../legal/insurance-policies.ts';

/** The lapsed invoices of each customer whose cover (among `covers`) is in force at `asOf`. */
export async function coverLapses(
  db: Kysely<Database>,
  companyId: string,
  asOf: IsoDate,
  covers: Iterable<CoverRow>,
): Promise<Map<string, LapsedInvoice[]>> {
  const active = [...covers].filter((cover) => coverState(cover, asOf) === 'active');
  const lapses = new Map<string, LapsedInvoice[]>();
  if (active.length === 0) return lapses;
  const [policies, invoices] = await Promise.all([
    selectCurrentPolicies(db, companyId),
    selectOverdueInvoices(
      db,
      companyId,
      asOf,
      active.map((cover) => cover.customerCode),
    ),
  ]);
  const coverOf = new Map(active.map((cover) => [cover.customerCode, cover]));
  for (const [code, cover] of coverOf) {
    // Without its insurer's policy there is no deadline: nothing is known to have lapsed.
    const policy = policyOf(policies, cover.insurer);
    if (!policy) continue;
    const own = invoices
      .filter((invoice) => invoice.customerCode === code && invoice.currency === cover.currency)
      .map((invoice) => ({ ...invoice, declaredOn: invoice.claimDeclaredOn }));
    const lapsed = lapsedInvoices(own, policy.threatenedLossDays, asOf);
    if (lapsed.length > 0) lapses.set(code, lapsed);
  }
  return lapses;
}

/** Σ open amounts of lapsed invoices: what `computeExposure` takes off the insurable exposure. */
export const lapsedMinor = (lapsed: readonly LapsedInvoice[] | undefined): number =>
  (lapsed ?? []).reduce((sum, invoice) => sum + invoice.openMinor, 0);
