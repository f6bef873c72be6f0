/**
 * `encours import ENTITY FILE`: parse the whole file, then write it in one transaction.
 * Any bad row rejects the whole file with a report of every problem; the same file twice
 * changes nothing; a changed row updates the record and leaves an audit entry.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { computeDueDate } from '#core/ledger/payment-terms';
import type { LedgerDocument } from '#core/types';
import { CUSTOMER_UPSERT, DOCUMENT_UPSERT, ORDER_UPSERT, type WithLine } from '#db/imports/entity-columns';
import { findKindConflicts, findOverAllocated } from '#db/imports/import-checks';
import { stageRows, type UpsertCounts, upsertStaged } from '#db/imports/upsert';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import type { Database } from '#db/infra/schema';
import {
  describeRejection,
  ENTITIES,
  type ImportEntity,
  type ImportError,
  type ImportLang,
  parseImportFile,
  placeProblem,
} from '#importers/parse-file';
import { type Problem, problem } from '#importers/problem-messages';

/** The entities a spreadsheet import accepts (re-exported for the shells). */
export const IMPORT_ENTITIES: readonly ImportEntity[] = ENTITIES;
export type { ImportEntity, ImportError, ImportLang };

import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { allocateImportedPayments, type PaymentToAllocate } from './import-payments.ts';

export interface ImportInput {
  entity: ImportEntity;
  filePath: string;
  dryRun?: boolean;
  mapping?: Record<string, string>;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Language of the problems of a rejected file: 'fr' (default) or 'en'. */
  lang?: ImportLang;
}

export interface ImportSummary extends UpsertCounts {
  entity: ImportEntity;
  file: string;
  dryRun: boolean;
  rows: number;
  allocations: number;
  unappliedPayments: number;
}

class DryRunRollback extends Error {
  readonly summary: ImportSummary;
  constructor(summary: ImportSummary) {
    super('dry run');
    this.summary = summary;
  }
}

export async function importFile(ctx: AppContext, input: ImportInput): Promise<ImportSummary> {
  const fileName = basename(input.filePath);
  const lang = input.lang ?? 'fr';
  const parsed = await parseImportFile(input.filePath, input.entity, {
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    lang,
  });
  if (!parsed.ok) throw rejection(fileName, parsed.errors, lang);
  const fileSha256 = await sha256(input.filePath);
  try {
    const summary = await ctx.db.transaction().execute(async (trx) => {
      const writer = new ImportWriter(trx, ctx, fileName, lang);
      const summary = await writer.write(input.entity, parsed.records as never[]);
      if (writer.errors.length > 0) throw rejection(fileName, writer.errors, lang);
      const result = { ...summary, dryRun: input.dryRun ?? false };
      if (input.dryRun) throw new DryRunRollback(result);
      await trx
        .insertInto('import_runs')
        .values({
          company_id: ctx.companyId,
          entity: input.entity,
          file_name: fileName,
          file_sha256: fileSha256,
          row_count: summary.rows,
          inserted: summary.inserted,
          updated: summary.updated,
          unchanged: summary.unchanged,
          actor: ctx.actor,
        })
        .execute();
      return result;
    });
    // Only large files move the statistics enough to matter; the embedded engine has no autovacuum.
    if (summary.rows >= 10_000) await refreshPlannerStatistics(ctx.db);
    return summary;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

function rejection(fileName: string, errors: readonly ImportError[], lang: ImportLang): DomainError {
  const lines = new Set(errors.map((error) => error.line)).size;
  return new DomainError('import_rejected', describeRejection(fileName, errors.length, lines, lang), {
    errors,
  });
}

async function sha256(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

type ParsedDoc = Omit<LedgerDocument, 'dueDate'> & {
  dueDate: string | null;
  line: number;
  invoiceRefs?: string[];
};

/** Holds one import's transaction and the problems found while writing. */
class ImportWriter {
  readonly errors: ImportError[] = [];
  private readonly trx: Kysely<Database>;
  private readonly ctx: AppContext;
  private readonly fileName: string;
  private readonly lang: ImportLang;

  constructor(trx: Kysely<Database>, ctx: AppContext, fileName: string, lang: ImportLang) {
    this.trx = trx;
    this.ctx = ctx;
    this.fileName = fileName;
    this.lang = lang;
  }

  private problem(line: number, column: string | null, value: string | null, found: Problem): void {
    this.errors.push(placeProblem(this.fileName, line, column, value, found, this.lang));
  }

  async write(
    entity: ImportEntity,
    records: readonly { line: number }[],
  ): Promise<Omit<ImportSummary, 'dryRun'>> {
    const base = { entity, file: this.fileName, rows: records.length, allocations: 0, unappliedPayments: 0 };
    if (entity === 'customers') {
      await stageRows(this.trx, 'stage_rows', records as never[], CUSTOMER_UPSERT.columns);
      return {
        ...base,
        ...(await upsertStaged(this.trx, this.ctx.companyId, this.ctx.actor, 'stage_rows', CUSTOMER_UPSERT)),
      };
    }
    if (entity === 'orders') {
      const orders = records as WithLine<{ customerCode: string; currency: string }>[];
      await this.checkCustomers(orders);
      if (this.errors.length > 0) return { ...base, inserted: 0, updated: 0, unchanged: 0 };
      await stageRows(this.trx, 'stage_rows', records as never[], ORDER_UPSERT.columns);
      return {
        ...base,
        ...(await upsertStaged(this.trx, this.ctx.companyId, this.ctx.actor, 'stage_rows', ORDER_UPSERT)),
      };
    }
    return this.writeDocuments(base, records as ParsedDoc[]);
  }

  private async writeDocuments(
    base: Omit<ImportSummary, 'dryRun' | keyof UpsertCounts>,
    parsedDocs: ParsedDoc[],
  ): Promise<Omit<ImportSummary, 'dryRun'>> {
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
      const { invoiceRefs: _refs, ...document } = doc;
      documents.push({ ...document, source: doc.source || 'import', dueDate });
    }
    const empty = { ...base, inserted: 0, updated: 0, unchanged: 0 };
    if (this.errors.length > 0) return empty;
    await stageRows(this.trx, 'stage_rows', documents, DOCUMENT_UPSERT.columns);
    for (const conflict of await findKindConflicts(this.trx, this.ctx.companyId, 'stage_rows')) {
      this.problem(
        conflict.line,
        'externalRef',
        conflict.ref,
        problem('reference_kind_conflict', { kind: conflict.detail }),
      );
    }
    if (this.errors.length > 0) return empty;
    const counts = await upsertStaged(
      this.trx,
      this.ctx.companyId,
      this.ctx.actor,
      'stage_rows',
      DOCUMENT_UPSERT,
    );
    const currencyByLine = new Map(documents.map((doc) => [doc.line, doc.currency]));
    for (const over of await findOverAllocated(this.trx, this.ctx.companyId, 'stage_rows')) {
      const matched = { matchedMinor: Number(over.detail), currency: currencyByLine.get(over.line) ?? 'EUR' };
      this.problem(over.line, 'amount', over.ref, problem('amount_below_matched', matched));
    }
    if (base.entity !== 'payments' || this.errors.length > 0) return { ...base, ...counts };
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

  /** Every row's customer must exist, in the same currency; returns their payment terms. */
  private async checkCustomers(
    rows: readonly { line: number; customerCode: string; currency: string }[],
  ): Promise<Map<string, { terms: string; currency: string }>> {
    const codes = [...new Set(rows.map((row) => row.customerCode))];
    const found = new Map<string, { terms: string; currency: string }>();
    for (let start = 0; start < codes.length; start += 10_000) {
      const chunk = codes.slice(start, start + 10_000);
      const customers = await this.trx
        .selectFrom('customers')
        .select(['code', 'payment_terms', 'currency'])
        .where('company_id', '=', this.ctx.companyId)
        .where('code', 'in', chunk)
        .execute();
      for (const customer of customers)
        found.set(customer.code, { terms: customer.payment_terms, currency: customer.currency });
    }
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
