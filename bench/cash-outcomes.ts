/**
 * What the cash bench's matching did with each line: counted against the generator's truth
 * (straight-through rate, precision), or written out line by line to compare two versions.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AppContext } from '#app/context';
import type { DemoReceipt } from '#demo/bank-month';

export interface Outcome {
  applied: number;
  straight: number;
  rightCustomer: number;
  suggested: number;
}

/** Every receipt's outcome against the truth (the match summary lists only the first 1,000). */
export async function outcomes(
  ctx: AppContext,
  receipts: readonly DemoReceipt[],
  accountId: string,
): Promise<Outcome> {
  const rows = await ctx.db
    .selectFrom('bank_transactions as t')
    .leftJoin('cash_decisions as d', (join) =>
      join
        .onRef('d.company_id', '=', 't.company_id')
        .onRef('d.transaction_id', '=', 't.transaction_id')
        .on('d.decision', '=', 'auto'),
    )
    .select(['t.bank_ref', 't.status', 't.customer_code', 'd.proposal'])
    .where('t.company_id', '=', ctx.companyId)
    .execute();
  const byRef = new Map(rows.map((row) => [row.bank_ref ?? '', row]));
  const outcome: Outcome = { applied: 0, straight: 0, rightCustomer: 0, suggested: 0 };
  for (const [index, receipt] of receipts.entries()) {
    const row = byRef.get(`${accountId}-${String(index + 1).padStart(5, '0')}`);
    if (row?.status === 'suggested') outcome.suggested++;
    if (row?.status !== 'applied') continue;
    outcome.applied++;
    if (row.customer_code !== receipt.truth?.customerCode) continue;
    outcome.rightCustomer++;
    const refs = ((row.proposal as { debits?: { ref: string }[] } | null)?.debits ?? []).map(
      (line) => line.ref,
    );
    if (refs.sort().join() === [...receipt.truth.invoiceRefs].sort().join()) outcome.straight++;
  }
  return outcome;
}

/**
 * Every line's outcome, one JSON line each in bank reference order: what was applied (customer,
 * invoices, amounts, write-off, confidence) and the suggestions left, so two versions of the
 * matching can be compared line by line on the same statement.
 */
export async function writeOutcomes(ctx: AppContext, file: string): Promise<void> {
  const transactions = await ctx.db
    .selectFrom('bank_transactions as t')
    .leftJoin('cash_decisions as d', (join) =>
      join
        .onRef('d.company_id', '=', 't.company_id')
        .onRef('d.transaction_id', '=', 't.transaction_id')
        .on('d.decision', '=', 'auto'),
    )
    .select(['t.transaction_id', 't.bank_ref', 't.status', 't.customer_code', 'd.confidence', 'd.proposal'])
    .where('t.company_id', '=', ctx.companyId)
    .orderBy('t.bank_ref')
    .execute();
  const suggestions = await ctx.db
    .selectFrom('cash_suggestions')
    .select(['transaction_id', 'rank', 'customer_code', 'confidence', 'proposal'])
    .where('company_id', '=', ctx.companyId)
    .orderBy('transaction_id')
    .orderBy('rank')
    .execute();
  const byTransaction = new Map<number, unknown[]>();
  for (const row of suggestions) {
    const list = byTransaction.get(row.transaction_id) ?? [];
    list.push({ customer: row.customer_code, confidence: row.confidence, proposal: row.proposal });
    byTransaction.set(row.transaction_id, list);
  }
  const lines = transactions.map((row) =>
    JSON.stringify({
      ref: row.bank_ref,
      status: row.status,
      customer: row.customer_code,
      confidence: row.confidence,
      applied: row.proposal,
      suggestions: byTransaction.get(row.transaction_id) ?? [],
    }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** The first 16 hex digits of the outcomes file's SHA-256: two versions compared at a glance. */
export function outcomesDigest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}
