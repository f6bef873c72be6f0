/**
 * The legal file's annex of dispute documents: what was attached to the disputes of the invoices
 * handed over (signed proof of delivery, photos, the complaint letter), stored once with the
 * dispute and listed again for the lawyer or the agency.
 */
import { selectFileDisputeAttachments } from '#db/legal/handover-package-queries';
import type { Block } from '#render/document';
import { type Lang, translator } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import type { LegalFileView } from './handover-view.ts';

/** The disputes' documents of the invoices handed over, by the date they were attached. */
export async function disputeFileBlocks(ctx: AppContext, file: LegalFileView, lang: Lang): Promise<Block[]> {
  const t = translator(lang);
  const documentIds = file.invoices.map((i) => i.documentId);
  const files = await selectFileDisputeAttachments(ctx.db, ctx.companyId, documentIds);
  if (files.length === 0) return [];
  return [
    { type: 'heading', text: t('legalFile.annex.disputeFiles') },
    { type: 'paragraph', text: t('legalFile.annex.disputeFilesIntro') },
    {
      type: 'table',
      fontSize: 7.5,
      table: {
        currency: 'EUR',
        columns: [
          { header: t('legalFile.annex.colDate'), kind: 'date', width: 1 },
          { header: t('legalFile.annex.colInvoices'), kind: 'text', width: 1.2 },
          { header: t('legalFile.annex.colKind'), kind: 'text', width: 1.6 },
          { header: t('legalFile.annex.colFile'), kind: 'text', width: 2.9 },
        ],
        rows: files.map((f) => [
          f.attachedOn,
          f.documentRef,
          t(`disputes.attachmentKind.${f.kind}`),
          t('legalFile.annex.fileSize', {
            name: f.fileName,
            kb: Math.max(1, Math.round(f.sizeBytes / 1024)),
          }),
        ]),
      },
    },
  ];
}
