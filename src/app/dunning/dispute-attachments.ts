/**
 * Documents attached to a dispute (the proof of delivery signed by the customer, photos, the
 * complaint letter): checked by their first bytes, not by their name, stored once per company under
 * their SHA-256 and linked to the dispute and its invoice, so a legal hand-over can list them by invoice.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import {
  type AttachmentRow,
  deleteAttachment,
  deleteFileIfUnlinked,
  insertAttachment,
  selectAttachments,
  selectFileContent,
  storeDisputeFile,
} from '#db/dunning/dispute-files';
import { type Lang, type Translate, translator } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requireDispute } from './disputes.ts';

export const ATTACHMENT_KINDS = ['proof_of_delivery', 'photo', 'complaint_letter', 'other'] as const;
/** A scanned delivery note or a phone photo is a few megabytes; more is not a piece of evidence. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The types accepted, each known by its signature (a renamed executable is refused). */
const SIGNATURES: { mediaType: string; matches(head: Buffer): boolean }[] = [
  { mediaType: 'application/pdf', matches: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mediaType: 'image/png', matches: (h) => h.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { mediaType: 'image/jpeg', matches: (h) => h.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) },
  {
    mediaType: 'image/webp',
    matches: (h) =>
      h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export function mediaTypeOf(content: Buffer): string | null {
  return SIGNATURES.find((signature) => signature.matches(content))?.mediaType ?? null;
}

export interface AttachmentView extends Omit<AttachmentRow, 'attachedAt'> {
  attachedAt: string;
}

const view = (row: AttachmentRow): AttachmentView => ({ ...row, attachedAt: row.attachedAt.toISOString() });

function cleanFileName(fileName: string, t: Translate): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const name = (fileName.split(/[\\/]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (name === '') throw new DomainError('invalid_input', t('disputes.error.fileNoName'));
  if (name.length > 255) throw new DomainError('invalid_input', t('disputes.error.fileNameTooLong'));
  return name;
}

export async function attachToDispute(
  ctx: AppContext,
  input: {
    disputeId: number;
    filePath: string;
    fileName: string;
    kind?: string | undefined;
    /** The language refusals are worded in. */
    lang?: Lang | undefined;
  },
): Promise<AttachmentView> {
  const t = translator(input.lang ?? 'fr');
  const kind = input.kind ?? 'other';
  if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind))
    throw new DomainError('invalid_input', t('disputes.error.attachmentKind', { kind }));
  const fileName = cleanFileName(input.fileName, t);
  const dispute = await requireDispute(ctx, input.disputeId);
  const { size } = await stat(input.filePath);
  if (size === 0) throw new DomainError('invalid_input', t('disputes.error.fileEmpty', { file: fileName }));
  if (size > MAX_ATTACHMENT_BYTES)
    throw new DomainError(
      'invalid_input',
      t('disputes.error.fileTooLarge', { file: fileName, megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024 }),
    );
  const content = await readFile(input.filePath);
  const mediaType = mediaTypeOf(content);
  if (mediaType === null)
    throw new DomainError('invalid_input', t('disputes.error.fileType', { file: fileName }));
  const sha256 = createHash('sha256').update(content).digest('hex');
  const attachmentId = await ctx.db.transaction().execute(async (trx) => {
    const stored = await storeDisputeFile(trx, ctx.companyId, ctx.actor, { sha256, mediaType, content });
    const id = await insertAttachment(trx, ctx.companyId, ctx.actor, {
      disputeId: dispute.disputeId,
      documentId: dispute.documentId,
      sha256,
      fileName,
      kind,
    });
    if (id === null)
      throw new DomainError(
        'conflict',
        t('disputes.error.alreadyAttached', { file: fileName, id: dispute.disputeId }),
      );
    await recordAudit(ctx, trx, {
      action: 'dunning.dispute_attach',
      entity: 'dunning_dispute',
      entityKey: String(dispute.disputeId),
      before: null,
      after: {
        attachmentId: id,
        documentRef: dispute.documentRef,
        fileName,
        kind,
        sha256,
        sizeBytes: size,
        stored,
      },
    });
    return id;
  });
  const [row] = await selectAttachments(ctx.db, ctx.companyId, { attachmentId });
  if (!row) throw new DomainError('not_found', t('disputes.error.noAttachment', { id: attachmentId }));
  return view(row);
}

export async function listDisputeAttachments(ctx: AppContext, disputeId: number): Promise<AttachmentView[]> {
  await requireDispute(ctx, disputeId);
  return (await selectAttachments(ctx.db, ctx.companyId, { disputeIds: [disputeId] })).map(view);
}

/** The file's bytes, for whoever may read its dispute (a salesperson: their customers' only). */
export async function getDisputeAttachment(
  ctx: AppContext,
  attachmentId: number,
  lang: Lang = 'fr',
): Promise<{ attachment: AttachmentView; content: Buffer }> {
  const noAttachment = () =>
    new DomainError('not_found', translator(lang)('disputes.error.noAttachment', { id: attachmentId }));
  const [row] = await selectAttachments(ctx.db, ctx.companyId, { attachmentId });
  if (!row) throw noAttachment();
  await requireDispute(ctx, row.disputeId);
  const content = await selectFileContent(ctx.db, ctx.companyId, row.sha256);
  if (!content) throw noAttachment();
  return { attachment: view(row), content };
}

export interface DetachOutcome {
  attachment: AttachmentView;
  /** True when no other attachment linked the same bytes, so the stored file was deleted too. */
  fileRemoved: boolean;
}

/**
 * Unlinks a document from an open dispute (a resolved one keeps its evidence). The stored bytes go
 * only when nothing else links them: another dispute may have been sent the same file.
 */
export async function detachFromDispute(
  ctx: AppContext,
  attachmentId: number,
  lang: Lang = 'fr',
): Promise<DetachOutcome> {
  const t = translator(lang);
  const [row] = await selectAttachments(ctx.db, ctx.companyId, { attachmentId });
  if (!row) throw new DomainError('not_found', t('disputes.error.noAttachment', { id: attachmentId }));
  const dispute = await requireDispute(ctx, row.disputeId);
  if (dispute.status !== 'open')
    throw new DomainError('conflict', t('disputes.error.resolvedDocuments', { id: dispute.disputeId }));
  const fileRemoved = await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteAttachment(trx, ctx.companyId, attachmentId)))
      throw new DomainError('not_found', t('disputes.error.noAttachment', { id: attachmentId }));
    const removed = await deleteFileIfUnlinked(trx, ctx.companyId, row.sha256);
    await recordAudit(ctx, trx, {
      action: 'dunning.dispute_detach',
      entity: 'dunning_dispute',
      entityKey: String(dispute.disputeId),
      before: {
        attachmentId,
        documentRef: row.documentRef,
        fileName: row.fileName,
        kind: row.kind,
        sha256: row.sha256,
        sizeBytes: row.sizeBytes,
      },
      after: { fileRemoved: removed },
    });
    return removed;
  });
  return { attachment: view(row), fileRemoved };
}
