/** Files attached to disputes: stored once per company by SHA-256, linked to a dispute and its invoice. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface AttachmentRow {
  attachmentId: number;
  disputeId: number;
  documentRef: string;
  sha256: string;
  fileName: string;
  kind: string;
  mediaType: string;
  sizeBytes: number;
  attachedBy: string;
  attachedAt: Date;
}

/** Stores the content unless the company already holds the same bytes; true when it was new. */
export async function storeDisputeFile(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  file: { sha256: string; mediaType: string; content: Buffer },
): Promise<boolean> {
  const result = await sql`
    insert into dispute_files (company_id, sha256, media_type, size_bytes, content, created_by)
    values (${companyId}, ${file.sha256}, ${file.mediaType}, ${file.content.length}, ${file.content}, ${actor})
    on conflict (company_id, sha256) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Links a stored file to a dispute; null when the dispute already has these bytes. */
export async function insertAttachment(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: { disputeId: number; documentId: number; sha256: string; fileName: string; kind: string },
): Promise<number | null> {
  const result = await sql<{ attachmentId: number }>`
    insert into dunning_dispute_attachments (company_id, dispute_id, document_id, sha256, file_name, kind,
      attached_by)
    values (${companyId}, ${row.disputeId}, ${row.documentId}, ${row.sha256}, ${row.fileName}, ${row.kind},
      ${actor})
    on conflict (company_id, dispute_id, sha256) do nothing
    returning attachment_id::int8 as "attachmentId"`.execute(db);
  return result.rows[0]?.attachmentId ?? null;
}

/**
 * The attachments of some disputes, of some invoices (what a legal hand-over of those invoices can
 * annex), or one attachment, with the invoice each belongs to.
 */
export async function selectAttachments(
  db: Kysely<Database>,
  companyId: string,
  filter: {
    disputeIds?: readonly number[] | undefined;
    documentIds?: readonly number[] | undefined;
    attachmentId?: number | undefined;
  },
): Promise<AttachmentRow[]> {
  const result = await sql<AttachmentRow>`
    select a.attachment_id::int8 as "attachmentId", a.dispute_id::int8 as "disputeId",
      x.document_ref as "documentRef", a.sha256, a.file_name as "fileName", a.kind,
      f.media_type as "mediaType", f.size_bytes::int8 as "sizeBytes", a.attached_by as "attachedBy",
      a.attached_at as "attachedAt"
    from dunning_dispute_attachments a
    join dunning_disputes x on x.company_id = a.company_id and x.dispute_id = a.dispute_id
    join dispute_files f on f.company_id = a.company_id and f.sha256 = a.sha256
    where a.company_id = ${companyId}
      ${filter.disputeIds !== undefined ? sql`and a.dispute_id = any (${[...filter.disputeIds]}::int8[])` : sql``}
      ${filter.documentIds !== undefined ? sql`and a.document_id = any (${[...filter.documentIds]}::int8[])` : sql``}
      ${filter.attachmentId !== undefined ? sql`and a.attachment_id = ${filter.attachmentId}` : sql``}
    order by a.dispute_id, a.attachment_id`.execute(db);
  return result.rows;
}

export async function selectFileContent(
  db: Kysely<Database>,
  companyId: string,
  sha256: string,
): Promise<Buffer | null> {
  const result = await sql<{ content: Buffer }>`
    select content from dispute_files where company_id = ${companyId} and sha256 = ${sha256}`.execute(db);
  return result.rows[0]?.content ?? null;
}

/** Unlinks one attachment; the stored file stays (see deleteFileIfUnlinked). False when already gone. */
export async function deleteAttachment(
  db: Kysely<Database>,
  companyId: string,
  attachmentId: number,
): Promise<boolean> {
  const result = await sql`
    delete from dunning_dispute_attachments
    where company_id = ${companyId} and attachment_id = ${attachmentId}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * Deletes the stored bytes when no attachment links them any more; true when deleted. The file's
 * row is locked first, so an attachment of the same bytes being written waits for this decision
 * (and, if the file went, fails on its foreign key rather than linking to nothing).
 */
export async function deleteFileIfUnlinked(
  db: Kysely<Database>,
  companyId: string,
  sha256: string,
): Promise<boolean> {
  await sql`select 1 from dispute_files where company_id = ${companyId} and sha256 = ${sha256} for update`.execute(
    db,
  );
  const result = await sql`
    delete from dispute_files f
    where f.company_id = ${companyId} and f.sha256 = ${sha256}
      and not exists (select 1 from dunning_dispute_attachments a
        where a.company_id = f.company_id and a.sha256 = f.sha256)`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}
