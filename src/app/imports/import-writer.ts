/**
 * The writing half of a spreadsheet import, inside its transaction: checks against the
 * company's data (customers, currencies, references, matched amounts, amount bounds), the
 * set-based upsert, and the allocation of payments. Problems are collected, never thrown, so
 * that the whole file is rejected with every bad row.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate } from '#core/calendar';
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
import { companyAmountTotals, findKindConflicts, findOverAllocated } from '#db/imports/import-checks';
import { stageRows, type UpsertCounts, upsertStaged } from '#db/imports/upsert';
import type { Database } from '#db/infra/schema';
import { shareTheLoop } from '#importers/event-loop';
import type { ImportEntity, ImportError, ImportNotice } from '#importers/parse-file';
import { problem } from '#importers/problems';
import { translator } from '#text/catalogue';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { isTotalWithinBounds, MAX_COMPANY_TOTAL_MINOR } from './amount-bounds.ts';
import { openFileDisputes } from './import-disputes.ts';
import { allocateImportedPayments, type PaymentToAllocate } from './import-payments.ts';
import {
  checkAmounts,
  checkCustomers,
  EVERY_VALUE,
  ProblemList,
  type ValuesRead,
} from './import-row-checks.ts';

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
  /** What the user should know about the written file (disputed invoices left alone). */
  readonly notices: ImportNotice[] = [];
  private readonly trx: Kysely<Database>;
  private readonly ctx: AppContext;
  private readonly fileName: string;
  private readonly problems: ProblemList;

  /** `columnNames`: each field → the header naming it in problems (the parser's). */
  constructor(
    trx: Kysely<Database>,
    ctx: AppContext,
    fileName: string,
    columnNames: Readonly<Record<string, string>> = {},
  ) {
    this.trx = trx;
    this.ctx = ctx;
    this.fileName = fileName;
    this.problems = new ProblemList(fileName, columnNames);
  }

  get errors(): readonly ImportError[] {
    return this.problems.errors;
  }

  /**
   * The checks against the company's data of a file the parser rejected, on the values that did
   * read (`read`): its customers, amount bounds, computed due dates and references. Nothing is
   * written but the staged rows, which the transaction's rollback drops.
   */
  async check(entity: ImportEntity, records: readonly { line: number }[], read: ValuesRead): Promise<void> {
    if (entity === 'customers') {
      const customers = records as WithLine<{ creditLimitMinor: number | null; currency: string }>[];
      await checkAmounts(
        this.problems,
        customers,
        'creditLimit',
        (customer) => customer.creditLimitMinor,
        read,
      );
      return;
    }
    if (entity === 'orders') {
      const orders = records as WithLine<{ customerCode: string; currency: string; amountMinor: number }>[];
      await checkAmounts(this.problems, orders, 'amount', (order) => order.amountMinor, read);
      await checkCustomers(this.trx, this.ctx.companyId, this.problems, orders, read);
      return;
    }
    const documents = await this.prepareDocuments(records as ParsedDoc[], false, read);
    await this.checkReferences(documents, entity === 'invoices' ? INVOICE_UPSERT : DOCUMENT_UPSERT);
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
      await checkAmounts(this.problems, customers, 'creditLimit', (customer) => customer.creditLimitMinor);
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
      await checkAmounts(this.problems, orders, 'amount', (order) => order.amountMinor);
      await checkCustomers(this.trx, this.ctx.companyId, this.problems, orders);
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
    const documents = await this.prepareDocuments(parsedDocs, withChannel, EVERY_VALUE);
    await this.checkReferences(documents, spec);
    const empty = { ...base, inserted: 0, updated: 0, unchanged: 0 };
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
      this.problems.add(over.line, 'amount', over.ref, problem('amount_below_matched', matched));
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
      (line, field, value, found) => this.problems.add(line, field, value, found),
    );
    return { ...base, ...counts, ...allocated };
  }

  /**
   * The documents to stage: amounts within bounds, customers known in the same currency, due
   * dates (computed from the customer's terms when empty) not before issue. Of a rejected file,
   * only the values that read are checked and only the rows that read whole are staged.
   */
  private async prepareDocuments(
    parsedDocs: readonly ParsedDoc[],
    withChannel: boolean,
    read: ValuesRead,
  ): Promise<WithLine<LedgerDocument>[]> {
    await checkAmounts(this.problems, parsedDocs, 'amount', (doc) => doc.amountMinor, read);
    const customers = await checkCustomers(this.trx, this.ctx.companyId, this.problems, parsedDocs, read);
    const documents: WithLine<LedgerDocument>[] = [];
    for (const [index, doc] of parsedDocs.entries()) {
      await shareTheLoop(index);
      const terms = customers.get(doc.customerCode)?.terms;
      // A date that did not read is a placeholder, whichever line its problem is on (a column
      // mixing day-first and month-first dates is reported on the header).
      const datesRead =
        read.value(doc.line, 'issueDate') &&
        read.value(doc.line, 'dueDate') &&
        (doc.dueDate === null || isValidIsoDate(doc.dueDate));
      if (terms === undefined || !datesRead || !isValidIsoDate(doc.issueDate)) continue;
      const dueDate = doc.dueDate ?? computeDueDate(doc.issueDate, terms);
      if (dueDate < doc.issueDate) {
        const early = problem('due_before_issue', { issueDate: doc.issueDate });
        this.problems.add(doc.line, 'dueDate', dueDate, early);
        continue;
      }
      if (!read.row(doc.line) || this.problems.hasLine(doc.line)) continue;
      const { invoiceRefs: _refs, unknownChannel: _unknown, channel, ...document } = doc;
      const kept = withChannel ? { channel: channel ?? null } : {};
      documents.push({ ...document, ...kept, source: doc.source || 'import', dueDate });
    }
    return documents;
  }

  /** Staged, the documents whose reference is already another kind's are refused. */
  private async checkReferences(
    documents: readonly WithLine<LedgerDocument>[],
    spec: typeof DOCUMENT_UPSERT,
  ): Promise<void> {
    await stageRows(this.trx, 'stage_rows', documents, spec.columns);
    for (const conflict of await findKindConflicts(this.trx, this.ctx.companyId, 'stage_rows')) {
      const clash = problem('reference_kind_conflict', { kind: conflict.detail });
      this.problems.add(conflict.line, 'externalRef', conflict.ref, clash);
    }
  }

  /** After the upsert, inside the transaction: the company's total stays within its bound. */
  private async checkCompanyTotal(which: keyof typeof TOTAL_PROBLEMS, currency = 'EUR'): Promise<void> {
    const total = await companyAmountTotals(this.trx, this.ctx.companyId, which);
    if (isTotalWithinBounds(total)) return;
    const params = { limitMinor: MAX_COMPANY_TOTAL_MINOR, currency };
    this.problems.add(0, null, null, problem(TOTAL_PROBLEMS[which], params));
  }
}
