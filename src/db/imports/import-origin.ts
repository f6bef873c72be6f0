/**
 * Whether a stored row came in with an import, told from what the row already carries: its
 * creation instant. PostgreSQL's now() is the instant its transaction began, and an import writes
 * its rows and its `import_runs` record in one transaction, so a row created at an import run's
 * `at` was written by that import (the file, and who ran it); a row created at the instant its
 * company was created, in a company holding the documents of a loaded data set (source 'demo' or
 * 'scale', written only by the data-set loader, which creates the company in the same transaction),
 * came with the demo load. Nothing stored is rewritten: older rows are told apart as they are.
 */
import { type Expression, type RawBuilder, sql } from 'kysely';
import type { ImportOrigin } from '#core/types';

/** The sources the data-set loader gives its documents (src/demo: the demo company, the scale sets). */
const LOADED_SOURCES = ['demo', 'scale'];

/**
 * The import that wrote a row created at `instant` (a timestamptz column of the row, qualified by
 * its table or alias: the lookups' own tables have columns of the same names), as a jsonb
 * `ImportOrigin`, or null when none did. A lookup per row: meant for a page of rows.
 */
export function importOriginAt(
  companyId: string,
  instant: Expression<unknown> | RawBuilder<unknown>,
): RawBuilder<ImportOrigin | null> {
  return sql<ImportOrigin | null>`coalesce(
    (select jsonb_build_object('kind', 'import', 'fileName', origin_run.file_name, 'actor', origin_run.actor)
       from import_runs origin_run
      where origin_run.company_id = ${companyId} and origin_run.at = ${instant}
      order by origin_run.import_id limit 1),
    (select jsonb_build_object('kind', 'load')
       from companies origin_company
      where origin_company.company_id = ${companyId} and origin_company.created_at = ${instant}
        and exists (select 1 from documents origin_document
                     where origin_document.company_id = origin_company.company_id
                       and origin_document.source = any(${LOADED_SOURCES}::text[]))))`;
}
