/**
 * A run's letters (and its print batch's parts) stored as PDF jobs, set-based: by COPY on a
 * server, one statement per batch on the embedded engine.
 */
import { type Kysely, sql } from 'kysely';
import { batches, type ColumnSpec } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import { copyRows } from './run-copy.ts';
import { copyAvailable, idsFor, inOrder } from './run-ids.ts';

/**
 * A render job as JSON text: a run's letters come with theirs already encoded (UTF-8 bytes, made
 * when the letter was composed), other callers with the job itself.
 */
function jobJson(job: unknown): string {
  return job instanceof Uint8Array
    ? Buffer.from(job.buffer, job.byteOffset, job.byteLength).toString()
    : JSON.stringify(job ?? null);
}

/**
 * Many letters stored as PDF jobs; ids in the order given. A job is the job itself or its JSON
 * text as UTF-8 bytes (`Uint8Array`: a run's letters, encoded when composed). On a server by COPY,
 * each job a line of JSON text read as `jsonb` (ids drawn ahead). On the embedded engine in one
 * statement per batch: the jobs travel as one JSON array rather than an array of JSON texts, whose
 * every quote the driver would escape and the server unescape again (a run stores hundreds of
 * megabytes of them); the array is taken as `json` (checked, not converted) and each element
 * converted to `jsonb` on its own: converting the whole array of 2,000 letters (8 MB) to one
 * `jsonb` and taking it apart again took two to three times as long. `drawn`: as for
 * `insertActions`.
 */
export async function insertDeferredLetters(
  db: Kysely<Database>,
  companyId: string,
  letters: readonly { filename: string; renderJob: unknown }[],
  drawn?: readonly number[],
): Promise<number[]> {
  if (letters.length === 0) return [];
  if (await copyAvailable(db)) {
    const ids = await idsFor(db, 'letters', letters.length, drawn);
    const columns: ColumnSpec<number>[] = [
      { name: 'company_id', type: 'text', value: () => companyId },
      { name: 'letter_id', type: 'int8', value: (index) => ids[index] },
      { name: 'filename', type: 'text', value: (index) => letters[index]?.filename },
      { name: 'render_job', type: 'jsonb', value: (index) => letters[index]?.renderJob ?? null },
    ];
    if (!(await copyRows(db, 'dunning_letters', letters.keys(), columns)))
      throw new Error('COPY was available and is no longer');
    return ids;
  }
  const ids: number[] = [];
  for (const batch of batches(letters, 2_000)) {
    const filenames = batch.map((letter) => letter.filename);
    // The text JSON.stringify gives the array of the jobs.
    const jobs = `[${batch.map((letter) => jobJson(letter.renderJob)).join(',')}]`;
    const result = await sql<{ letterId: number }>`
      insert into dunning_letters (company_id, filename, render_job)
      select ${companyId}, f.filename, nullif(j.job::jsonb, 'null'::jsonb)
      from unnest(${filenames}::text[]) with ordinality as f(filename, ord)
      join json_array_elements(${jobs}::json) with ordinality as j(job, ord) on j.ord = f.ord
      order by f.ord
      returning letter_id as "letterId"`.execute(db);
    ids.push(...inOrder(result.rows.map((row) => row.letterId)));
  }
  return ids;
}
