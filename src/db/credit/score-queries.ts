/** Scores history: batch inserts (a whole portfolio in a few statements) and the reads of the risk panel. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface NewScore {
  customerCode: string;
  asOf: string;
  status: 'scored' | 'insufficient_data';
  score: number | null;
  riskClass: string | null;
  methodVersion: string;
  explanation: unknown;
}

export interface ScoreRow {
  scoreId: number;
  customerCode: string;
  asOf: string;
  status: 'scored' | 'insufficient_data';
  score: number | null;
  riskClass: string | null;
  methodVersion: string;
  explanation: unknown;
  createdBy: string;
  createdAt: Date;
}

const BATCH = 5_000;

/**
 * Inserts scores with one `unnest` statement per 5,000 rows, made at `at` (the use case's clock;
 * the database's now() without it).
 */
export async function insertScores(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  scores: readonly NewScore[],
  at?: Date,
): Promise<void> {
  for (let start = 0; start < scores.length; start += BATCH) {
    const batch = scores.slice(start, start + BATCH);
    await sql`
      insert into credit_scores (company_id, customer_code, as_of, status, score, risk_class, method_version,
                                 explanation, created_by, created_at)
      select ${companyId}, u.code, u.as_of, u.status, u.score, u.risk_class, u.method_version, u.explanation, ${actor},
             coalesce(${at ?? null}::timestamptz, now())
        from unnest(${batch.map((s) => s.customerCode)}::text[], ${batch.map((s) => s.asOf)}::date[],
                    ${batch.map((s) => s.status)}::text[], ${batch.map((s) => s.score)}::numeric[],
                    ${batch.map((s) => s.riskClass)}::text[], ${batch.map((s) => s.methodVersion)}::text[],
                    ${batch.map((s) => JSON.stringify(s.explanation))}::jsonb[])
          as u(code, as_of, status, score, risk_class, method_version, explanation)`.execute(db);
  }
}

const SCORE_COLUMNS = sql`score_id as "scoreId", customer_code as "customerCode", as_of as "asOf", status,
  score::float8 as score, risk_class as "riskClass", method_version as "methodVersion", explanation,
  created_by as "createdBy", created_at as "createdAt"`;

/** The latest score of each customer (or of the given ones), in one pass over the index. */
export async function latestScores(
  db: Kysely<Database>,
  companyId: string,
  customerCodes?: readonly string[],
): Promise<Map<string, ScoreRow>> {
  const only =
    customerCodes === undefined ? sql`` : sql`and customer_code = any (${[...customerCodes]}::text[])`;
  const result = await sql<ScoreRow>`
    select distinct on (customer_code) ${SCORE_COLUMNS}
      from credit_scores where company_id = ${companyId} ${only}
     order by customer_code, score_id desc`.execute(db);
  return new Map(result.rows.map((row) => [row.customerCode, row]));
}

export async function scoreHistory(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  limit = 60,
): Promise<ScoreRow[]> {
  const result = await sql<ScoreRow>`
    select ${SCORE_COLUMNS} from credit_scores
     where company_id = ${companyId} and customer_code = ${customerCode}
     order by score_id desc limit ${limit}`.execute(db);
  return result.rows;
}
