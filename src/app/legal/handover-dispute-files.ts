/**
 * The legal file's annex of dispute documents: what was attached to the disputes of the invoices
 * handed over (signed proof of delivery, photos, the complaint letter), stored once with the
 * dispute. The annex lists them, numbered as pieces, and the package carries the documents
 * themselves after it: a lawyer needs the signed delivery note, not its name. A file that is not a
 * PDF or an image, a damaged or protected PDF, or one past the size bound stays listed with the
 * reason it is not in the PDF (it can still be sent from Encours).
 */
import type { DeliveryProofFact } from '#core/legal/injunction';
import {
  type DisputeFileRow,
  selectDisputeFileContents,
  selectFileDisputeAttachments,
} from '#db/legal/handover-package-queries';
import type { Block } from '#render/document';
import { type LoadedPieces, loadPieces, type PieceProblem } from '#render/pieces';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { AppContext } from '../context.ts';
import type { LegalFileView } from './handover-view.ts';

/**
 * The documents carried in one package, at most, in bytes as stored. The package goes to the
 * lawyer or the agency by e-mail: mail services commonly refuse a message over 20 or 25 MB, and a
 * PDF attached to a mail grows by a third in base64, so 15 MB of documents plus the letter's few
 * hundred kilobytes still gets through. It also bounds what one request holds in memory while the
 * PDF is assembled. A document that would pass it is listed as left out for its size, and the
 * later, smaller ones still go in.
 */
export const packagePieces = { maxBytes: 15 * 1024 * 1024 };

const APPENDED_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

type Outcome = { pages: number; number: number } | { problem: PieceProblem | 'size' };

export interface DisputePieces {
  /** The annex: heading, explanation, the numbered listing; none when the disputes hold no document. */
  blocks: Block[];
  /** The documents read for the package, in the listing's order; null when none goes in. */
  loaded: LoadedPieces | null;
  /** The band over each page of each piece that goes in, in order. */
  labels: string[];
  listed: number;
  appended: number;
  /** The invoices claimed, each with its proof of delivery: what the injunction checklist says of it. */
  deliveryProofs: DeliveryProofFact[];
}

/** The file's name extension (« TXT », « WEBP »), else its media type: how a lawyer knows a format. */
function formatName(row: DisputeFileRow): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(row.fileName)?.[1];
  return extension ? extension.toUpperCase() : row.mediaType;
}

/** Which rows are read: the types a PDF can carry, in order, while the size bound allows. */
function candidates(rows: readonly DisputeFileRow[]): (Outcome | null)[] {
  let budget = packagePieces.maxBytes;
  return rows.map((row) => {
    if (!APPENDED_TYPES.has(row.mediaType)) return { problem: 'format' };
    if (row.sizeBytes > budget) return { problem: 'size' };
    budget -= row.sizeBytes;
    return null;
  });
}

async function readPieces(
  ctx: AppContext,
  rows: readonly DisputeFileRow[],
): Promise<{ outcomes: Outcome[]; loaded: LoadedPieces | null }> {
  const early = candidates(rows);
  const toRead = rows.filter((_, i) => early[i] === null);
  if (toRead.length === 0) return { outcomes: early as Outcome[], loaded: null };
  const contents = await selectDisputeFileContents(
    ctx.db,
    ctx.companyId,
    toRead.map((row) => row.sha256),
  );
  const loaded = await loadPieces(
    toRead.map((row) => ({
      mediaType: row.mediaType,
      content: contents.get(row.sha256) ?? new Uint8Array(),
    })),
  );
  let read = 0;
  let number = 0;
  const outcomes = early.map((outcome): Outcome => {
    if (outcome) return outcome;
    const check = loaded.checks[read++];
    if (!check || 'problem' in check) return { problem: check?.problem ?? 'unreadable' };
    number += 1;
    return { pages: check.pages, number };
  });
  return { outcomes, loaded: number > 0 ? loaded : null };
}

/** The annex's listing: one row per document, numbered when its pages follow, else the reason. */
function listingTable(lang: Lang, rows: readonly DisputeFileRow[], outcomes: readonly Outcome[]): Block {
  const t = translator(lang);
  const inPdf = (row: DisputeFileRow, outcome: Outcome | undefined) =>
    outcome && 'number' in outcome
      ? t('legalFile.annex.pieceInPdf', { outcome: 'appended', pages: outcome.pages, format: '', maxMb: 0 })
      : t('legalFile.annex.pieceInPdf', {
          outcome: outcome?.problem ?? 'unreadable',
          pages: 0,
          format: formatName(row),
          maxMb: packagePieces.maxBytes / 1024 / 1024,
        });
  return {
    type: 'table',
    fontSize: 7.5,
    table: {
      currency: 'EUR',
      columns: [
        { header: t('legalFile.annex.colNumber'), kind: 'text', width: 0.45 },
        { header: t('legalFile.annex.colDate'), kind: 'date', width: 0.9 },
        { header: t('legalFile.annex.colInvoices'), kind: 'text', width: 1.1 },
        { header: t('legalFile.annex.colKind'), kind: 'text', width: 1.4 },
        { header: t('legalFile.annex.colFile'), kind: 'text', width: 2.3 },
        { header: t('legalFile.annex.colInPdf'), kind: 'text', width: 2 },
      ],
      rows: rows.map((row, i) => {
        const outcome = outcomes[i];
        return [
          outcome && 'number' in outcome ? String(outcome.number) : '—',
          row.attachedOn,
          row.documentRef,
          t(`disputes.attachmentKind.${row.kind}`),
          t('legalFile.annex.fileSize', {
            name: row.fileName,
            kb: Math.max(1, Math.round(row.sizeBytes / 1024)),
          }),
          inPdf(row, outcome),
        ];
      }),
    },
  };
}

/**
 * The proof of delivery of each invoice still claimed (open at the file's date): whether one is
 * attached to its disputes, and the number of the first the package reproduces.
 */
function deliveryProofsOf(
  file: LegalFileView,
  rows: readonly DisputeFileRow[],
  outcomes: readonly Outcome[],
): DeliveryProofFact[] {
  return file.invoices
    .filter((invoice) => invoice.openMinor > 0)
    .map((invoice) => {
      const proofs = rows.flatMap((row, i) =>
        row.documentId === invoice.documentId && row.kind === 'proof_of_delivery' ? [outcomes[i]] : [],
      );
      const reproduced = proofs.find((outcome) => outcome !== undefined && 'number' in outcome);
      return {
        documentRef: invoice.documentRef,
        attached: proofs.length > 0,
        pieceNumber: reproduced && 'number' in reproduced ? reproduced.number : null,
      };
    });
}

const disputeFileRows = (ctx: AppContext, file: LegalFileView) =>
  selectFileDisputeAttachments(
    ctx.db,
    ctx.companyId,
    file.invoices.map((i) => i.documentId),
  );

/**
 * The invoices' proofs of delivery, numbered as the file's package numbers them (the legal file's
 * page shows its checklist without building the package). A document's number depends only on the
 * ones before it — a damaged one takes none, the size bound is spent in order — so the documents
 * are read up to the last proof of delivery, and not at all when there is none.
 */
export async function fileDeliveryProofs(ctx: AppContext, file: LegalFileView): Promise<DeliveryProofFact[]> {
  const rows = await disputeFileRows(ctx, file);
  const upToLastProof = rows.slice(0, rows.findLastIndex((row) => row.kind === 'proof_of_delivery') + 1);
  const { outcomes } = await readPieces(ctx, upToLastProof);
  return deliveryProofsOf(file, upToLastProof, outcomes);
}

/** The disputes' documents of the invoices handed over, by the date they were attached. */
export async function disputePieces(
  ctx: AppContext,
  file: LegalFileView,
  lang: Lang,
): Promise<DisputePieces> {
  const t = translator(lang);
  const rows = await disputeFileRows(ctx, file);
  const { outcomes, loaded } = await readPieces(ctx, rows);
  const deliveryProofs = deliveryProofsOf(file, rows, outcomes);
  if (rows.length === 0)
    return { blocks: [], loaded: null, labels: [], listed: 0, appended: 0, deliveryProofs };
  const labels = rows.flatMap((row, i) => {
    const outcome = outcomes[i];
    if (!outcome || !('number' in outcome)) return [];
    return t('legalFile.annex.pieceLabel', {
      number: outcome.number,
      kind: t(`disputes.attachmentKind.${row.kind}`),
      kindCode: row.kind,
      invoice: row.documentRef,
      date: formatDate(lang, row.attachedOn),
    });
  });
  const blocks: Block[] = [
    { type: 'heading', text: t('legalFile.annex.disputeFiles') },
    {
      type: 'paragraph',
      text: t('legalFile.annex.disputeFilesIntro', {
        appended: labels.length,
        all: labels.length === rows.length ? 'yes' : 'no',
      }),
    },
    listingTable(lang, rows, outcomes),
  ];
  return { blocks, loaded, labels, listed: rows.length, appended: labels.length, deliveryProofs };
}
