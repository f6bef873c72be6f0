/**
 * The writing half of a spreadsheet import, inside its transaction: checks against the
 * company's data (customers, currencies, references, matched amounts, amount bounds), the
 * set-based upsert, and the allocation of payments. Problems are collected, never thrown, so
 * that the whole file is rejected with every bad row.
 */
import type { Kysely } from 'kysely';
import { computeDueDate } from '#core/ledger/payment-terms';
import type { LedgerDocument } from '#core/types';
import { captureImportedLimitChanges, recordImportedLimitChanges } from '#db/credit/limit-import';
import {
  CUSTOMER_UPSERT,
  customerColumnsOf,
  DOCUMENT_UPSERT,
  INVOICE_UPSERT,
  invoiceColumnsOf,
  keepStoredChannels,
  ORDER_UPSERT,
  type WithLine,
} from '#db/imports/entity-columns';
import {
  companyAmountTotals,
  findCustomerTerms,
  findKindConflicts,
  findOverAllocated,
} from '#db/imports/import-checks';
import { stageRows, type UpsertCounts, upsertStaged } from '#db/imports/upsert';
import type { Database } from '#db/infra/schema';
import { type ImportEntity, type ImportError, type ImportNotice, placeProblem } from '#importers/parse-file';
import { type Problem, problem } from '#importers/problems';
import { translator } from '#text/catalogue';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import {
  isAmountWithinBounds,
  isTotalWithinBounds,
  MAX_AMOUNT_MINOR,
  MAX_COMPANY_TOTAL_MINOR,
} from './amount-bounds.ts';
import { openFileDisputes } from './import-disputes.ts';
import { allocateImportedPayments, type PaymentToAllocate } from './import-payments.ts';

type ParsedDoc = Omit<LedgerDocument, 'dueDate'> & {
  dueDate: string | null;
  line: number;
  invoiceRefs?: string[];
  disputedOn?: string;
  unknownChannel?: string;
};

export interface WriteCounts extends UpsertCounts {
  entity: ImportEntity;
  file: string;
  rows: number;
  allocations: number;
  unappliedPayments: number;
  /** Invoices of the file said to be disputed on which a dispute was opened (none twice). */
  disputesOpened: number;
}

const TOTAL_PROBLEMS = {
  documents: 'company_documents_total_too_large',
  orders: 'company_orders_total_too_large',
  limits: 'company_credit_limits_total_too_large',
} as const;

/** Holds one import's transaction and the problems found while writing. */
export class ImportWriter {
  readonly errors: ImportError[] = [];
  /** What the user should know about the written file (disputed invoices left alone). */
  readonly notices: ImportNotice[] = [];
  private readonly trx: Kysely<Database>;
  private readonly ctx: AppContext;
  private readonly fileName: string;

  constructor(trx: Kysely<Database>, ctx: AppContext, fileName: string) {
    this.trx = trx;
    this.ctx = ctx;
    this.fileName = fileName;
  }

  private problem(line: number, column: string | null, value: string | null, found: Problem): void {
    this.errors.push(placeProblem(this.fileName, line, column, value, found));
  }

  /** `fields`: the fields the file has a column for; existing customers keep the others. */
  async write(
    entity: ImportEntity,
    records: readonly { line: number }[],
    fields: readonly string[],
  ): Promise<WriteCounts> {
    const base = {
      entity,
      file: this.fileName,
      rows: records.length,
      allocations: 0,
      unappliedPayments: 0,
      disputesOpened: 0,
    };
    const empty = { ...base, inserted: 0, updated: 0, unchanged: 0 };
    if (entity === 'customers') {
      const customers = records as WithLine<{ creditLimitMinor: number | null; currency: string }>[];
      this.checkAmounts(customers, 'creditLimit', (customer) => customer.creditLimitMinor);
      if (this.errors.length > 0) return empty;
      await stageRows(this.trx, 'stage_rows', records as never[], CUSTOMER_UPSERT.columns);
      // The limit history is complete whatever the path: what the file changes is written to it.
      const fileHasLimits = fields.includes('creditLimit');
      await captureImportedLimitChanges(this.trx, this.ctx.companyId, 'stage_rows', fileHasLimits);
      const counts = await upsertStaged(
        this.trx,
        this.ctx.companyId,
        this.ctx.actor,
        'stage_rows',
        CUSTOMER_UPSERT,
        customerColumnsOf(fields),
      );
      await recordImportedLimitChanges(this.trx, this.ctx.companyId, this.ctx.actor, {
        validFrom: await defaultAsOf({ ...this.ctx, db: this.trx }),
        reason: translator('fr')('credit.limit.reason.import', { file: this.fileName }),
      });
      await this.checkCompanyTotal('limits', customers[0]?.currency);
      return { ...base, ...counts };
    }
    if (entity === 'orders') {
      const orders = records as WithLine<{ customerCode: string; currency: string; amountMinor: number }>[];
      this.checkAmounts(orders, 'amount', (order) => order.amountMinor);
      await this.checkCustomers(orders);
      if (this.errors.length > 0) return empty;
      await stageRows(this.trx, 'stage_rows', records as never[], ORDER_UPSERT.columns);
      const counts = await upsertStaged(
        this.trx,
        this.ctx.companyId,
        this.ctx.actor,
        'stage_rows',
        ORDER_UPSERT,
      );
      await this.checkCompanyTotal('orders', orders[0]?.currency);
      return { ...base, ...counts };
    }
    return this.writeDocuments(base, records as ParsedDoc[], fields);
  }

  private async writeDocuments(
    base: Omit<WriteCounts, keyof UpsertCounts>,
    parsedDocs: ParsedDoc[],
    fields: readonly string[],
  ): Promise<WriteCounts> {
    const isInvoices = base.entity === 'invoices';
    // One cell that is no channel word (a sales channel column) leaves the column out, as
    // yes-no-column.ts does for a "Litige" column of comments, rather than refusing every row.
    const withChannel =
      isInvoices && fields.includes('channel') && !parsedDocs.some((doc) => doc.unknownChannel !== undefined);
    const unknown = parsedDocs.find((doc) => doc.unknownChannel !== undefined);
    if (isInvoices && unknown !== undefined && fields.includes('channel'))
      this.notices.push({
        code: 'channel_column_left_out',
        params: { line: unknown.line, value: unknown.unknownChannel ?? '' },
      });
    const spec = isInvoices ? INVOICE_UPSERT : DOCUMENT_UPSERT;
    this.checkAmounts(parsedDocs, 'amount', (doc) => doc.amountMinor);
    const customers = await this.checkCustomers(parsedDocs);
    const documents: WithLine<LedgerDocument>[] = [];
    for (const doc of parsedDocs) {
      const terms = customers.get(doc.customerCode)?.terms;
      if (terms === undefined) continue;
      const dueDate = doc.dueDate ?? computeDueDate(doc.issueDate, terms);
      if (dueDate < doc.issueDate) {
        this.problem(doc.line, 'dueDate', dueDate, problem('due_before_issue', { issueDate: doc.issueDate }));
        continue;
      }
      const { invoiceRefs: _refs, unknownChannel: _unknown, channel, ...document } = doc;
      const kept = withChannel ? { channel: channel ?? null } : {};
      documents.push({ ...document, ...kept, source: doc.source || 'import', dueDate });
    }
    const empty = { ...base, inserted: 0, updated: 0, unchanged: 0 };
    if (this.errors.length > 0) return empty;
    await stageRows(this.trx, 'stage_rows', documents, spec.columns);
    for (const conflict of await findKindConflicts(this.trx, this.ctx.companyId, 'stage_rows')) {
      this.problem(
        conflict.line,
        'externalRef',
        conflict.ref,
        problem('reference_kind_conflict', { kind: conflict.detail }),
      );
    }
    if (this.errors.length > 0) return empty;
    if (withChannel) await keepStoredChannels(this.trx, this.ctx.companyId, 'stage_rows');
    const counts = await upsertStaged(
      this.trx,
      this.ctx.companyId,
      this.ctx.actor,
      'stage_rows',
      spec,
      isInvoices ? invoiceColumnsOf(withChannel) : undefined,
    );
    await this.checkCompanyTotal('documents', documents[0]?.currency);
    const currencyByLine = new Map(documents.map((doc) => [doc.line, doc.currency]));
    for (const over of await findOverAllocated(this.trx, this.ctx.companyId, 'stage_rows')) {
      const matched = { matchedMinor: Number(over.detail), currency: currencyByLine.get(over.line) ?? 'EUR' };
      this.problem(over.line, 'amount', over.ref, problem('amount_below_matched', matched));
    }
    if (this.errors.length > 0) return { ...base, ...counts };
    if (base.entity === 'invoices') {
      const invoices = parsedDocs.map((doc) => ({ ...doc, source: doc.source || 'import' }));
      const disputes = await openFileDisputes(this.ctx, this.trx, this.fileName, invoices);
      if (disputes.skippedSettled > 0)
        this.notices.push({ code: 'disputes_skipped_settled', params: { count: disputes.skippedSettled } });
      return { ...base, ...counts, disputesOpened: disputes.opened };
    }
    if (base.entity !== 'payments') return { ...base, ...counts };
    const payments: PaymentToAllocate[] = parsedDocs.map((doc) => ({
      line: doc.line,
      source: doc.source || 'import',
      externalRef: doc.externalRef,
      customerCode: doc.customerCode,
      issueDate: doc.issueDate,
      invoiceRefs: doc.invoiceRefs ?? [],
    }));
    const allocated = await allocateImportedPayments(
      this.trx,
      this.ctx,
      payments,
      (line, column, value, found) => this.problem(line, column, value, found),
    );
    return { ...base, ...counts, ...allocated };
  }

  /** No single amount past the business bound (see amount-bounds.ts). */
  private checkAmounts<Row extends { line: number; currency: string }>(
    rows: readonly Row[],
    column: string,
    amountOf: (row: Row) => number | null,
  ): void {
    for (const row of rows) {
      const amountMinor = amountOf(row);
      if (isAmountWithinBounds(amountMinor)) continue;
      const params = { limitMinor: MAX_AMOUNT_MINOR, currency: row.currency };
      this.problem(row.line, column, String(amountMinor), problem('amount_too_large', params));
    }
  }

  /** After the upsert, inside the transaction: the company's total stays within its bound. */
  private async checkCompanyTotal(which: keyof typeof TOTAL_PROBLEMS, currency = 'EUR'): Promise<void> {
    const total = await companyAmountTotals(this.trx, this.ctx.companyId, which);
    if (isTotalWithinBounds(total)) return;
    const params = { limitMinor: MAX_COMPANY_TOTAL_MINOR, currency };
    this.problem(0, null, null, problem(TOTAL_PROBLEMS[which], params));
  }

  /** Every row's customer must exist, in the same currency; returns their payment terms. */
  private async checkCustomers(
    rows: readonly { line: number; customerCode: string; currency: string }[],
  ): Promise<Map<string, { terms: string; currency: string }>> {
    const codes = [...new Set(rows.map((row) => row.customerCode))];
    const found = await findCustomerTerms(this.trx, this.ctx.companyId, codes);
    for (const row of rows) {
      const customer = found.get(row.customerCode);
      if (!customer) {
        const unknown = problem('unknown_customer', { customerCode: row.customerCode });
        this.problem(row.line, 'customerCode', row.customerCode, unknown);
      } else if (customer.currency !== row.currency) {
        const params = { currency: row.currency, customerCurrency: customer.currency };
        this.problem(row.line, 'currency', row.currency, problem('currency_mismatch', params));
      }
    }
    return found;
  }
}
