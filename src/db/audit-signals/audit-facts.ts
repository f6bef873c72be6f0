/**
 * The facts internal-audit signals are detected on, for one period: who created which credit,
 * customer, refund, order and limit, who applied which payment and receipt, and which bank details
 * changed. One read each, set-based; the detection itself is pure (core/audit-signals).
 */
import { type Kysely, sql } from 'kysely';
import type {
  AuditFacts,
  BankDetailChange,
  CreditFact,
  CustomerCreation,
  DutyFact,
  PaymentApplication,
  ReceiptApplication,
  RefundFact,
} from '#core/audit-signals/facts';
import { importOriginAt } from '../imports/import-origin.ts';
import type { Database } from '../infra/schema.ts';

/** Instants become business dates in the companies' zone (they are all French for now). */
const dayOf = (column: string) => sql.raw(`(${column} at time zone 'Europe/Paris')::date`);

/**
 * The column's user when it names a user of the company, else null: the CLI, the demo loader and
 * scheduled jobs are not people, and a bulk load by one of them creates customers, documents and
 * allocations alike without anyone having done each.
 */
const personOf = (companyId: string, column: string) =>
  sql`case when exists (select 1 from users u where u.company_id = ${companyId} and u.email = ${sql.raw(column)})
           then ${sql.raw(column)} end`;

export interface Period {
  from: string;
  to: string;
}

async function credits(db: Kysely<Database>, companyId: string, p: Period): Promise<CreditFact[]> {
  const result = await sql<CreditFact>`
    select external_ref as "documentRef", kind, customer_code as "customerCode", issue_date as "issueDate",
      -amount_minor as "amountMinor", currency, ${personOf(companyId, 'd.created_by')} as "createdBy",
      ${importOriginAt(companyId, sql.ref('d.created_at'))} as "importOrigin"
      from documents d
     where company_id = ${companyId} and kind in ('credit_note', 'write_off')
       and issue_date between ${p.from} and ${p.to}
     order by issue_date, external_ref`.execute(db);
  return result.rows;
}

/** Payments applied by the user who created the customer (the candidates; the core confirms). */
async function creatorApplications(
  db: Kysely<Database>,
  companyId: string,
  p: Period,
): Promise<{ creations: CustomerCreation[]; applications: PaymentApplication[] }> {
  const result = await sql<PaymentApplication & { createdBy: string; createdOn: string }>`
    select pay.external_ref as "paymentRef", inv.external_ref as "invoiceRef", c.code as "customerCode",
      a.created_by as "appliedBy", a.allocation_date as "appliedOn", a.amount_minor as "amountMinor",
      inv.currency, c.created_by as "createdBy", ${dayOf('c.created_at')} as "createdOn"
      from allocations a
      join documents pay on pay.company_id = a.company_id and pay.document_id = a.credit_document_id
      join documents inv on inv.company_id = a.company_id and inv.document_id = a.debit_document_id
      join customers c on c.company_id = pay.company_id and c.code = pay.customer_code
     where a.company_id = ${companyId} and a.reverses_allocation_id is null and pay.kind = 'payment'
       and a.allocation_date between ${p.from} and ${p.to}
       and a.created_by = c.created_by and ${personOf(companyId, 'a.created_by')} is not null
       and not exists (select 1 from allocations r
                        where r.company_id = a.company_id and r.reverses_allocation_id = a.allocation_id)
     order by a.allocation_date, a.allocation_id`.execute(db);
  const creations = new Map<string, CustomerCreation>();
  for (const row of result.rows)
    creations.set(row.customerCode, {
      customerCode: row.customerCode,
      createdBy: row.createdBy,
      createdOn: row.createdOn,
    });
  const applications = result.rows.map(({ createdBy: _by, createdOn: _on, ...application }) => application);
  return { creations: [...creations.values()], applications };
}

/** Bank details changed on the customer file, or a new IBAN taught as the customer's. */
async function bankDetailChanges(
  db: Kysely<Database>,
  companyId: string,
  p: Period,
): Promise<BankDetailChange[]> {
  const result = await sql<BankDetailChange>`
    select entity_key as "customerCode", ${dayOf('at')} as "changedOn", actor as "changedBy"
      from audit_log
     where company_id = ${companyId} and entity = 'customer'
       and (after ? 'iban' or after ? 'bic' or after ? 'bankDetails')
       and ${dayOf('at')} <= ${p.to}
    union all
    select customer_code, last_confirmed_on, taught_by
      from cash_payers
     where company_id = ${companyId} and payer_kind = 'iban' and confirmations = 1
       and last_confirmed_on <= ${p.to}`.execute(db);
  return result.rows;
}

/** A refund pays money back: a positive adjustment debits the customer for the amount paid out. */
async function refunds(db: Kysely<Database>, companyId: string, p: Period): Promise<RefundFact[]> {
  const result = await sql<RefundFact>`
    select external_ref as "documentRef", customer_code as "customerCode", issue_date as "issueDate",
      amount_minor as "amountMinor", currency, ${personOf(companyId, 'd.created_by')} as "createdBy"
      from documents d
     where company_id = ${companyId} and kind = 'adjustment' and amount_minor > 0
       and issue_date between ${p.from} and ${p.to}
     order by issue_date, external_ref`.execute(db);
  return result.rows;
}

/** Orders released and limits approved by the person who checked or requested them. */
async function duties(db: Kysely<Database>, companyId: string, p: Period): Promise<DutyFact[]> {
  const result = await sql<DutyFact>`
    select 'order' as kind, order_ref as ref, customer_code as "customerCode", ${dayOf('checked_at')} as date,
      amount_minor as "amountMinor", currency, checked_by as "createdBy", resolved_by as "decidedBy"
      from credit_order_decisions
     where company_id = ${companyId} and status = 'released' and resolved_by = checked_by
       and ${personOf(companyId, 'checked_by')} is not null
       and ${dayOf('checked_at')} between ${p.from} and ${p.to}
    union all
    select 'limit', request_id::text, customer_code, ${dayOf('requested_at')},
      requested_minor, currency, requested_by, decided_by
      from credit_limit_requests
     where company_id = ${companyId} and status = 'approved' and decided_by = requested_by
       and ${personOf(companyId, 'requested_by')} is not null
       and ${dayOf('requested_at')} between ${p.from} and ${p.to}`.execute(db);
  return result.rows;
}

/** Applied receipts whose payer (IBAN) is known for other customers than the one applied. */
async function receipts(db: Kysely<Database>, companyId: string, p: Period): Promise<ReceiptApplication[]> {
  const result = await sql<Omit<ReceiptApplication, 'payerHistory'> & { payerHistory: unknown }>`
    select coalesce(t.bank_ref, t.tx_key) as "transactionRef", t.counterparty_iban as payer,
      t.customer_code as "customerCode", t.booking_date as "bookingDate", t.amount_minor as "amountMinor",
      t.currency,
      (select d.decided_by from cash_decisions d
        where d.company_id = t.company_id and d.transaction_id = t.transaction_id
          and d.decision in ('auto', 'accepted', 'corrected')
        order by d.decision_id desc limit 1) as "appliedBy",
      (select jsonb_agg(jsonb_build_object('customerCode', h.customer_code, 'confirmations', h.confirmations))
         from cash_payers h
        where h.company_id = t.company_id and h.payer_kind = 'iban' and h.payer_value = t.counterparty_iban)
        as "payerHistory"
      from bank_transactions t
     where t.company_id = ${companyId} and t.direction = 'receipt' and t.status = 'applied'
       and t.counterparty_iban is not null and t.customer_code is not null
       and t.booking_date between ${p.from} and ${p.to}
       and exists (select 1 from cash_payers h
                    where h.company_id = t.company_id and h.payer_kind = 'iban'
                      and h.payer_value = t.counterparty_iban and h.customer_code <> t.customer_code)
     order by t.booking_date, t.transaction_id`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    appliedBy: row.appliedBy ?? '',
    payerHistory: (row.payerHistory ?? []) as ReceiptApplication['payerHistory'],
  }));
}

export async function readAuditFacts(
  db: Kysely<Database>,
  companyId: string,
  period: Period,
): Promise<AuditFacts> {
  const { creations, applications } = await creatorApplications(db, companyId, period);
  return {
    credits: await credits(db, companyId, period),
    customerCreations: creations,
    paymentApplications: applications,
    bankDetailChanges: await bankDetailChanges(db, companyId, period),
    refunds: await refunds(db, companyId, period),
    duties: await duties(db, companyId, period),
    receipts: await receipts(db, companyId, period),
  };
}

export async function selectAuditThresholds(db: Kysely<Database>, companyId: string): Promise<unknown> {
  const row = await db
    .selectFrom('audit_signal_settings')
    .select('thresholds')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.thresholds ?? null;
}

export async function upsertAuditThresholds(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  thresholds: unknown,
): Promise<void> {
  await db
    .insertInto('audit_signal_settings')
    .values({ company_id: companyId, thresholds: JSON.stringify(thresholds), updated_by: actor })
    .onConflict((oc) =>
      oc.column('company_id').doUpdateSet({
        thresholds: JSON.stringify(thresholds),
        updated_by: actor,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
