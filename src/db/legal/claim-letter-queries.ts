/** What the claim-declaration letter needs: the claim task, its announcement, the debtor and the invoices. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface ClaimLetterRow {
  claimId: number;
  customerCode: string;
  customerName: string;
  siren: string | null;
  /** Null for a claim prepared from the customer's status or story. */
  announcementId: string | null;
  procedure: string;
  judgmentDate: string;
  /** Null when not known (the deadline was estimated from the judgment). */
  publicationDate: string | null;
  deadline: string;
  court: string | null;
  currency: string;
  principalMinor: number;
  interestMinor: number;
  secured: boolean;
  interestStatus: string;
  items: { documentRef: string; openMinor: number; interestMinor: number }[];
  mandataire: string | null;
  mandataireAddress: string | null;
}

export interface ClaimInvoiceRow {
  ref: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
}

export async function selectClaimLetter(
  db: Kysely<Database>,
  companyId: string,
  claimId: number,
): Promise<{ claim: ClaimLetterRow; invoices: ClaimInvoiceRow[] } | null> {
  const result = await sql<ClaimLetterRow>`
    select l.claim_id as "claimId", l.customer_code as "customerCode", c.name as "customerName", c.siren,
      l.announcement_id as "announcementId", l.procedure, l.judgment_date as "judgmentDate",
      l.publication_date as "publicationDate", l.deadline, a.court, l.currency,
      l.principal_minor as "principalMinor", l.interest_minor as "interestMinor", l.secured,
      l.interest_status as "interestStatus", l.items, l.mandataire,
      l.mandataire_address as "mandataireAddress"
    from legal_claims l
    join customers c on c.company_id = l.company_id and c.code = l.customer_code
    left join legal_announcements a on a.company_id = l.company_id and a.announcement_id = l.announcement_id
      and a.customer_code = l.customer_code
    where l.company_id = ${companyId} and l.claim_id = ${claimId}`.execute(db);
  const claim = result.rows[0];
  if (!claim) return null;
  const refs = claim.items.map((item) => item.documentRef);
  const invoices = await sql<ClaimInvoiceRow>`
    select external_ref as ref, issue_date as "issueDate", due_date as "dueDate", amount_minor as "amountMinor"
    from documents where company_id = ${companyId} and customer_code = ${claim.customerCode}
      and external_ref = any(${refs}::text[]) and amount_minor > 0`.execute(db);
  return { claim, invoices: invoices.rows };
}
