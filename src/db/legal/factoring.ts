/** Factoring contracts, batches and their invoices (migration 0021). */
import { type Kysely, sql } from 'kysely';
import type { FactoringTerms } from '#core/legal/factoring';
import type { AssignmentRule, ExcludedInvoice, FactoringCandidate } from '#core/legal/factoring-selection';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface ContractRow extends FactoringTerms {
  contractId: number;
  code: string;
  version: number;
  effectiveFrom: string;
  factorName: string;
  factorIban: string | null;
  factorBic: string | null;
  currency: string;
  factorCollects: boolean;
  rule: AssignmentRule;
  createdAt: Date;
  createdBy: string;
}

export type NewContract = Omit<ContractRow, 'contractId' | 'version' | 'createdAt'>;

const CONTRACT_COLUMNS = sql`contract_id as "contractId", code, version, effective_from as "effectiveFrom",
  factor_name as "factorName", factor_iban as "factorIban", factor_bic as "factorBic", currency,
  with_recourse as "withRecourse", recourse_days as "recourseDays", advance_rate_bps as "advanceRateBps",
  commission_bps as "commissionBps", min_commission_minor as "minCommissionMinor",
  financing_rate_bps as "financingRateBps", day_count_basis as "dayCountBasis",
  collection_delay_days as "collectionDelayDays", reserve_rate_bps as "reserveRateBps",
  fee_per_invoice_minor as "feePerInvoiceMinor", fee_per_batch_minor as "feePerBatchMinor",
  fees_vat_rate_bps as "feesVatRateBps", factor_collects as "factorCollects", rule,
  created_at as "createdAt", created_by as "createdBy"`;

/** Serialises the batches of a company (until the transaction ends): an invoice is never assigned twice. */
export async function lockFactoring(db: Kysely<Database>, companyId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`factoring:${companyId}`}))`.execute(db);
}

/** Adds a version of a contract (the next number for its code); contracts are never updated. */
export async function insertContractVersion(
  db: Kysely<Database>,
  companyId: string,
  contract: NewContract,
): Promise<ContractRow> {
  await sql`select pg_advisory_xact_lock(hashtext(${`factoring:${companyId}:${contract.code}`}))`.execute(db);
  const result = await sql<ContractRow>`
    insert into factoring_contracts (company_id, code, version, effective_from, factor_name, factor_iban,
      factor_bic, currency, with_recourse, recourse_days, advance_rate_bps, commission_bps,
      min_commission_minor, financing_rate_bps, day_count_basis, collection_delay_days, reserve_rate_bps,
      fee_per_invoice_minor, fee_per_batch_minor, fees_vat_rate_bps, factor_collects, rule, created_by)
    select ${companyId}, ${contract.code}, coalesce(max(version), 0) + 1, ${contract.effectiveFrom},
      ${contract.factorName}, ${contract.factorIban}, ${contract.factorBic}, ${contract.currency},
      ${contract.withRecourse}, ${contract.recourseDays}, ${contract.advanceRateBps}, ${contract.commissionBps},
      ${contract.minCommissionMinor}, ${contract.financingRateBps}, ${contract.dayCountBasis},
      ${contract.collectionDelayDays}, ${contract.reserveRateBps}, ${contract.feePerInvoiceMinor},
      ${contract.feePerBatchMinor}, ${contract.feesVatRateBps}, ${contract.factorCollects},
      ${JSON.stringify(contract.rule)}::jsonb, ${contract.createdBy}
    from factoring_contracts where company_id = ${companyId} and code = ${contract.code}
    returning ${CONTRACT_COLUMNS}`.execute(db);
  return result.rows[0]!;
}

/** Every version, newest first; or the version of `code` in force on `asOf`. */
export async function selectContracts(
  db: Kysely<Database>,
  companyId: string,
  filter: { code?: string | undefined; inForceOn?: string | undefined; contractId?: number } = {},
): Promise<ContractRow[]> {
  const result = await sql<ContractRow>`
    select ${CONTRACT_COLUMNS} from factoring_contracts
    where company_id = ${companyId}
      ${filter.code === undefined ? sql`` : sql`and code = ${filter.code}`}
      ${filter.contractId === undefined ? sql`` : sql`and contract_id = ${filter.contractId}`}
      ${filter.inForceOn === undefined ? sql`` : sql`and effective_from <= ${filter.inForceOn}::date`}
    order by code, effective_from desc, version desc`.execute(db);
  return result.rows;
}

/**
 * Open invoices at the date with what the selection needs (customer type and status, whether a
 * credit note was allocated to it, whether it is in a batch still open); disputes come from the
 * dunning state, which owns them.
 */
export async function selectFactoringCandidates(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  refs?: readonly string[],
): Promise<Omit<FactoringCandidate, 'disputed'>[]> {
  const only = refs ? sql`and d.external_ref = any (${[...refs]}::text[])` : sql``;
  const result = await sql<Omit<FactoringCandidate, 'disputed'>>`
    select d.document_id as "documentId", d.external_ref as ref, d.customer_code as "customerCode",
      c.customer_type as "customerType", c.status as "customerStatus", d.currency,
      d.issue_date as "issueDate", o.due_date as "dueDate", d.amount_minor as "amountMinor",
      o.open_minor::int8 as "openMinor",
      exists (select 1 from allocations a join documents n on n.company_id = a.company_id
          and n.document_id = a.credit_document_id and n.kind = 'credit_note'
        where a.company_id = ${companyId} and a.debit_document_id = d.document_id
          and a.allocation_date <= ${asOf}::date) as "creditNoted",
      exists (select 1 from factoring_items i where i.company_id = ${companyId}
        and i.document_id = d.document_id and i.closed_as is distinct from 'charged_back') as assigned
    from (${openItemsAsOf({ companyId, asOf })}) o
    join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
    join customers c on c.company_id = d.company_id and c.code = d.customer_code
    where d.kind = 'invoice' and o.open_minor > 0 ${only}
    order by o.due_date, d.customer_code, d.external_ref`.execute(db);
  return result.rows;
}

export interface NewBatch {
  contractId: number;
  contractCode: string;
  batchDate: string;
  financingDate: string;
  currency: string;
  invoiceCount: number;
  grossMinor: number;
  reserveMinor: number;
  advanceMinor: number;
  commissionMinor: number;
  feesMinor: number;
  feesVatMinor: number;
  interestMinor: number;
  netFundsMinor: number;
  exclusions: unknown[];
  createdBy: string;
}

export interface NewItem {
  documentId: number;
  ref: string;
  customerCode: string;
  dueDate: string;
  amountMinor: number;
  reserveMinor: number;
  advanceMinor: number;
  commissionMinor: number;
  interestDays: number;
  interestMinor: number;
}

export async function insertBatch(
  db: Kysely<Database>,
  companyId: string,
  batch: NewBatch,
  items: readonly NewItem[],
): Promise<number> {
  const { batch_id: batchId } = await db
    .insertInto('factoring_batches')
    .values({
      company_id: companyId,
      contract_id: batch.contractId,
      contract_code: batch.contractCode,
      batch_date: batch.batchDate,
      financing_date: batch.financingDate,
      currency: batch.currency,
      invoice_count: batch.invoiceCount,
      gross_minor: batch.grossMinor,
      reserve_minor: batch.reserveMinor,
      advance_minor: batch.advanceMinor,
      commission_minor: batch.commissionMinor,
      fees_minor: batch.feesMinor,
      fees_vat_minor: batch.feesVatMinor,
      interest_minor: batch.interestMinor,
      net_funds_minor: batch.netFundsMinor,
      exclusions: JSON.stringify(batch.exclusions),
      created_by: batch.createdBy,
    })
    .returning('batch_id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('factoring_items')
    .values(
      items.map((item) => ({
        company_id: companyId,
        batch_id: batchId,
        document_id: item.documentId,
        document_ref: item.ref,
        customer_code: item.customerCode,
        due_date: item.dueDate,
        amount_minor: item.amountMinor,
        reserve_minor: item.reserveMinor,
        advance_minor: item.advanceMinor,
        commission_minor: item.commissionMinor,
        interest_days: item.interestDays,
        interest_minor: item.interestMinor,
      })),
    )
    .execute();
  return batchId;
}

export interface BatchRow extends Omit<NewBatch, 'exclusions'> {
  batchId: number;
  exclusions: ExcludedInvoice[];
  createdAt: Date;
}

export async function selectBatches(
  db: Kysely<Database>,
  companyId: string,
  filter: { batchId?: number | undefined; contractCode?: string | undefined } = {},
): Promise<BatchRow[]> {
  const result = await sql<BatchRow>`
    select batch_id as "batchId", contract_id as "contractId", contract_code as "contractCode",
      batch_date as "batchDate", financing_date as "financingDate", currency, invoice_count as "invoiceCount",
      gross_minor as "grossMinor", reserve_minor as "reserveMinor", advance_minor as "advanceMinor",
      commission_minor as "commissionMinor", fees_minor as "feesMinor", fees_vat_minor as "feesVatMinor",
      interest_minor as "interestMinor", net_funds_minor as "netFundsMinor", exclusions,
      created_at as "createdAt", created_by as "createdBy"
    from factoring_batches where company_id = ${companyId}
      ${filter.batchId === undefined ? sql`` : sql`and batch_id = ${filter.batchId}`}
      ${filter.contractCode === undefined ? sql`` : sql`and contract_code = ${filter.contractCode}`}
    order by batch_id desc`.execute(db);
  return result.rows;
}
