/**
 * The cash bench's bank statement: the receipts of a month drawn from the invoices open in the
 * loaded scale company, and the account they are booked on.
 */
import { type Kysely, sql } from 'kysely';
import type { LedgerDocument } from '#core/types';
import type { Database } from '#db/infra/schema';
import { type DemoReceipt, generateBankMonth } from '#demo/bank-month';
import { generateScale } from '#demo/index';

export const ACCOUNT = { iban: 'FR7630006000011234567890189', id: 'SCALE-2026-07' };

/**
 * The receipts of the month, drawn from the invoices open in the loaded database: the scale
 * generator's invoices (the same seed as the loaded ones), each with its open amount there — which
 * on a copy whose items were reopened (bench/reopen-items.ts) is more than the generator's own
 * ledger leaves open.
 */
export async function scaleReceipts(
  db: Kysely<Database>,
  customers: number,
  invoices: number,
  receipts: number,
): Promise<DemoReceipt[]> {
  const open = new Map<string, number>();
  const { rows } = await sql<{ ref: string; openMinor: string }>`
    select d.external_ref as ref, o.open_minor as "openMinor" from open_items o
    join documents d on d.company_id = o.company_id and d.document_id = o.document_id
    where o.company_id = 'SCALE' and d.kind = 'invoice'`.execute(db);
  for (const row of rows) open.set(row.ref, Number(row.openMinor));
  const scale = generateScale({ customers, invoices });
  const documents: LedgerDocument[] = [];
  for (const batch of scale.ledgerBatches(50_000))
    for (const document of batch.documents) if (document.kind === 'invoice') documents.push(document);
  // What is not open there is settled: the generator reads an invoice's open amount as its amount
  // less what was allocated to it.
  const allocations = documents.map((document) => ({
    debitRef: document.externalRef,
    amountMinor: document.amountMinor - (open.get(document.externalRef) ?? 0),
  }));
  return generateBankMonth(
    { customers: scale.customers, documents, allocations, reversals: [] },
    { seed: 1, from: '2026-07-01', receipts },
  );
}
