/**
 * The stored predictions (forecast runs of the weekly `forecast.snapshot` job, migration 0011) a
 * dunning plan reads for its pre-due reminders: the probability of lateness of given invoices, in
 * one query for a slice of a run, by the predictions' primary key.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** Probability of lateness (basis points) by document id, of the invoices the run predicted. */
export async function selectLateProbabilities(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
  documentIds: readonly number[],
): Promise<Map<number, number>> {
  if (documentIds.length === 0) return new Map();
  // One array parameter, not a list of thousands: the statement stays small and its plan is one
  // index lookup per id on (company_id, run_id, document_id).
  const result = await sql<{ documentId: number; bp: number }>`
    select document_id::int8 as "documentId", probability_late_bp as "bp"
      from invoice_predictions
     where company_id = ${companyId} and run_id = ${runId}
       and document_id = any(${`{${documentIds.join(',')}}`}::int8[])`.execute(db);
  return new Map(result.rows.map((row) => [Number(row.documentId), row.bp]));
}
