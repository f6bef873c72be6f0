/**
 * The letters a run or a reminder produced: stored as what to lay them out from (migration 0028),
 * read back, laid out once (the first renderer's bytes kept) and listed in a run's print order.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** A letter: its PDF, or what to render it from when first needed (migration 0028). */
export async function insertLetter(
  db: Kysely<Database>,
  companyId: string,
  filename: string,
  content: Buffer | { renderJob: unknown },
): Promise<number> {
  const deferred = !Buffer.isBuffer(content);
  const row = await db
    .insertInto('dunning_letters')
    .values({
      company_id: companyId,
      filename,
      content: deferred ? null : content,
      render_job: deferred ? JSON.stringify(content.renderJob) : null,
    })
    .returning('letter_id')
    .executeTakeFirstOrThrow();
  return row.letter_id;
}

export async function selectLetter(
  db: Kysely<Database>,
  companyId: string,
  letterId: number,
): Promise<{ filename: string; content: Buffer | null; renderJob: unknown } | null> {
  const row = await db
    .selectFrom('dunning_letters')
    .select(['filename', 'content', 'render_job as renderJob'])
    .where('company_id', '=', companyId)
    .where('letter_id', '=', letterId)
    .executeTakeFirst();
  return row ?? null;
}

/** Keeps a letter's rendered bytes once (the first renderer wins); returns the bytes stored. */
export async function storeLetterContent(
  db: Kysely<Database>,
  companyId: string,
  letterId: number,
  content: Buffer,
): Promise<Buffer> {
  await db
    .updateTable('dunning_letters')
    .set({ content })
    .where('company_id', '=', companyId)
    .where('letter_id', '=', letterId)
    .where('content', 'is', null)
    .execute();
  const row = await db
    .selectFrom('dunning_letters')
    .select('content')
    .where('company_id', '=', companyId)
    .where('letter_id', '=', letterId)
    .executeTakeFirstOrThrow();
  return row.content ?? content;
}

/** A stretch of a run's print order: `offset` letters skipped, at most `limit` taken. */
export interface PrintRange {
  offset: number;
  limit: number;
}

/**
 * The render jobs of a run's letters in print order (registered letters first, then by customer
 * code in byte order and action), all of them or one stretch (a part of the print batch).
 */
export async function selectRunLetterJobs(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
  range?: PrintRange,
): Promise<unknown[]> {
  const rows = await sql<{ renderJob: unknown }>`
    select l.render_job as "renderJob"
    from dunning_actions a
    join dunning_letters l on l.company_id = a.company_id and l.letter_id = a.letter_id
    where a.company_id = ${companyId} and a.run_id = ${runId}
      and a.channel in ('letter', 'registered_letter') and l.render_job is not null
    order by (a.channel = 'registered_letter') desc, a.customer_code collate "C", a.action_id
    ${range ? sql`offset ${range.offset} limit ${range.limit}` : sql``}`.execute(db);
  return rows.rows.map((row) => row.renderJob);
}
