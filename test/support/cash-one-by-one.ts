/**
 * The reference for the batch path of cash application: automatic matching as it was written
 * before batches — the same proposals, then each receipt applied on its own through
 * `applyProposal` inside a savepoint (a refusal of the ledger rules rolls that receipt back and
 * leaves it a suggestion), the suggestions and states of the rest written per batch.
 * `test/integration/cash-match-batch*.test.ts` check that both write the same ledger
 * (`ledgerOfMatching`).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { applyProposal } from '#app/cash/apply-proposal';
import { buildCustomerIndex } from '#app/cash/customer-index';
import { importBankStatement } from '#app/cash/import-bank';
import { proposeForBatch } from '#app/cash/match-engine';
import { suggestionRows } from '#app/cash/match-receipts';
import type { AppContext } from '#app/context';
import { DomainError } from '#app/errors';
import { DEFAULT_PROPOSAL_SETTINGS } from '#core/cash/proposal';
import { appliedCount, replaceSuggestions, type SuggestionRow, setReceiptStatus } from '#db/cash/cash-writes';
import { cashSettings, customerNames, receiptsToApply } from '#db/cash/matching-queries';
import { withSavepoint } from '#db/cash/savepoint';

export async function matchReceiptsOneByOne(ctx: AppContext, batchSize = 2000): Promise<number> {
  const settings = await cashSettings(ctx.db, ctx.companyId);
  const proposalSettings = {
    ...DEFAULT_PROPOSAL_SETTINGS,
    writeOffToleranceMinor: settings.writeOffToleranceMinor,
  };
  const index = buildCustomerIndex(await customerNames(ctx.db, ctx.companyId));
  let afterId = 0;
  let appliedTotal = 0;
  for (;;) {
    const receipts = await receiptsToApply(ctx.db, ctx.companyId, afterId, batchSize);
    const last = receipts.at(-1);
    if (!last) break;
    afterId = last.transactionId;
    const batch = await proposeForBatch(ctx, index, receipts, proposalSettings);
    await ctx.db.transaction().execute(async (trx) => {
      const scoped = { ...ctx, db: trx };
      const suggestions: SuggestionRow[] = [];
      const suggested: number[] = [];
      const open: number[] = [];
      for (const { receipt, proposals } of batch) {
        const best = proposals[0];
        let applied = false;
        if (best && best.confidence >= settings.autoThreshold)
          try {
            await withSavepoint(trx, async () => {
              const attempt = (await appliedCount(trx, ctx.companyId, receipt.transactionId)) + 1;
              return applyProposal(trx, scoped, receipt, best, 'auto', attempt);
            });
            applied = true;
            appliedTotal++;
          } catch (error) {
            if (!(error instanceof DomainError && error.code === 'ledger_rule')) throw error;
          }
        if (applied) continue;
        suggestions.push(...suggestionRows(receipt.transactionId, proposals));
        (best ? suggested : open).push(receipt.transactionId);
      }
      await replaceSuggestions(
        trx,
        ctx.companyId,
        batch.map((item) => item.receipt.transactionId),
        suggestions,
      );
      await setReceiptStatus(trx, ctx.companyId, suggested, 'suggested');
      await setReceiptStatus(trx, ctx.companyId, open, 'open');
    });
  }
  return appliedTotal;
}

const byKey = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();

/** Everything matching writes, with document ids replaced by their references (ids are not compared). */
export async function ledgerOfMatching(ctx: AppContext) {
  const documents = await ctx.db
    .selectFrom('documents')
    .select([
      'document_id',
      'source',
      'external_ref',
      'kind',
      'customer_code',
      'amount_minor',
      'issue_date',
      'label',
    ])
    .where('company_id', '=', ctx.companyId)
    .execute();
  const refOf = new Map(documents.map((row) => [row.document_id, `${row.source}:${row.external_ref}`]));
  const ref = (id: number | null | undefined) => (id === null || id === undefined ? null : refOf.get(id));
  const allocations = await ctx.db
    .selectFrom('allocations')
    .select(['allocation_id', 'debit_document_id', 'credit_document_id', 'amount_minor', 'allocation_date'])
    .where('company_id', '=', ctx.companyId)
    .where('source', '=', 'cash')
    .execute();
  const allocation = new Map(
    allocations.map((row) => [
      row.allocation_id,
      [ref(row.debit_document_id), ref(row.credit_document_id), row.amount_minor, row.allocation_date],
    ]),
  );
  const decisions = await ctx.db
    .selectFrom('cash_decisions')
    .select(['transaction_id', 'decision', 'customer_code', 'confidence', 'proposal', 'evidence'])
    .select(['payment_document_id', 'allocation_ids', 'decided_by'])
    .where('company_id', '=', ctx.companyId)
    .execute();
  const applications = await ctx.db
    .selectFrom('cash_applications')
    .select([
      'transaction_id',
      'customer_code',
      'payment_document_id',
      'write_off_document_id',
      'amount_minor',
    ])
    .where('company_id', '=', ctx.companyId)
    .execute();
  const receipts = await ctx.db
    .selectFrom('bank_transactions')
    .select(['transaction_id', 'status', 'customer_code', 'payment_document_id'])
    .where('company_id', '=', ctx.companyId)
    .execute();
  const suggestions = await ctx.db
    .selectFrom('cash_suggestions')
    .select(['transaction_id', 'rank', 'customer_code', 'confidence', 'proposal', 'evidence'])
    .where('company_id', '=', ctx.companyId)
    .execute();
  const audit = await ctx.db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'entity', 'entity_key', 'after'])
    .where('company_id', '=', ctx.companyId)
    .where('action', '=', 'cash.apply')
    .execute();
  const openItems = (
    await sql<{
      document_id: number;
      open_minor: number;
      first_date: string | null;
      last_date: string | null;
    }>`
      select document_id, open_minor, first_allocation_date as first_date, last_allocation_date as last_date
      from open_items where company_id = ${ctx.companyId}`.execute(ctx.db)
  ).rows;
  return {
    documents: byKey(
      documents
        .filter((row) => row.source === 'bank' || row.source === 'cash')
        .map(({ document_id: _, ...row }) => row),
    ),
    allocations: byKey([...allocation.values()]),
    decisions: byKey(
      decisions.map((row) => {
        const proposal = row.proposal as { writeOffDocumentId?: number | null } | null;
        return {
          ...row,
          proposal: { ...proposal, writeOffDocumentId: ref(proposal?.writeOffDocumentId) },
          payment_document_id: ref(row.payment_document_id),
          allocation_ids: row.allocation_ids.map((id) => allocation.get(Number(id))),
        };
      }),
    ),
    applications: byKey(
      applications.map((row) => ({
        ...row,
        payment_document_id: ref(row.payment_document_id),
        write_off_document_id: ref(row.write_off_document_id),
      })),
    ),
    receipts: byKey(receipts.map((row) => ({ ...row, payment_document_id: ref(row.payment_document_id) }))),
    suggestions: byKey(suggestions),
    audit: byKey(audit),
    openItems: byKey(openItems.map(({ document_id, ...row }) => ({ ...row, document: ref(document_id) }))),
  };
}

export async function importInto(ctx: AppContext, camt: string) {
  const path = join(await mkdtemp(join(tmpdir(), 'encours-cash-batch-')), 'statement.xml');
  await writeFile(path, camt);
  return importBankStatement(ctx, { filePath: path });
}
