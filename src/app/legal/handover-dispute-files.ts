/**
 * The legal file's annex of dispute documents: what was attached to the disputes of the invoices
 * handed over (signed proof of delivery, photos, the complaint letter), stored once with the
 * dispute. The annex lists them, numbered as pieces, and the package carries the documents
 * themselves after it: a lawyer needs the signed delivery note, not its name. A file that is not a
 * PDF or an image, a damaged or protected PDF, an image of too many pixels, or one past the size
 * bound stays listed with the reason it is not in the PDF (it can still be sent from Encours).
 */
import type { DeliveryProofFact } from '#core/legal/injunction';
import {
  type DisputeFileRow,
  selectDisputeFileContents,
  selectFileDisputeAttachments,
} from '#db/legal/handover-package-queries';
import type { Block } from '#render/document';
import { admitPieces, type LoadedPieces, loadPieces, type PieceCheck } from '#render/pieces';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { AppContext } from '../context.ts';
import type { LegalFileView } from './handover-view.ts';
import { knownCheck, pieceCheck, rememberCheck } from './piece-checks.ts';

/**
 * The documents carried in one package, at most, in bytes they add to the PDF: a PDF or a JPEG
 * about as stored, a PNG as pdf-lib stores its pixels (deflated anew, often far more than the
 * file). The package goes to the lawyer or the agency by e-mail: mail services commonly refuse a
 * message over 20 or 25 MB, and a PDF attached to a mail grows by a third in base64, so 15 MB of
 * documents plus the letter's few hundred kilobytes still gets through. It also bounds what one
 * request holds in memory while the PDF is assembled. A document that would pass it is listed as
 * left out for its size, and the later, smaller ones still go in; a damaged one spends none of it.
 */
export const packagePieces = { maxBytes: 15 * 1024 * 1024 };

type Outcome = { pages: number; number: number } | Exclude<PieceCheck, { pages: number }>;

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

/** What a lawyer calls the formats a file without an extension may have (its type is from its bytes). */
const FORMAT_NAMES: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WEBP',
  'image/gif': 'GIF',
  'image/tiff': 'TIFF',
  'image/heic': 'HEIC',
  'text/plain': 'TXT',
  'application/zip': 'ZIP',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
};

/** The file's name extension (« TXT », « WEBP »), else its type's usual name, else 'unknown'. */
function formatName(row: DisputeFileRow): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(row.fileName)?.[1];
  return extension ? extension.toUpperCase() : (FORMAT_NAMES[row.mediaType] ?? 'unknown');
}

/** The readable pieces numbered in order, the others with the reason they are not in the PDF. */
function numbered(checks: readonly PieceCheck[]): Outcome[] {
  let number = 0;
  return checks.map((check): Outcome => {
    if ('problem' in check) return check;
    number += 1;
    return { pages: check.pages, number };
  });
}

const contentOf = (ctx: AppContext, sha256: string) => async () =>
  (await selectDisputeFileContents(ctx.db, ctx.companyId, [sha256])).get(sha256) ?? new Uint8Array();

/**
 * Each row's outcome in the package, and its pieces read to be appended: each file's bytes are
 * fetched only when they may go in, and not at all when they are already known not to.
 */
async function readPieces(
  ctx: AppContext,
  rows: readonly DisputeFileRow[],
): Promise<{ outcomes: Outcome[]; loaded: LoadedPieces | null }> {
  if (rows.length === 0) return { outcomes: [], loaded: null };
  const loaded = await loadPieces(
    rows.map((row) => ({
      mediaType: row.mediaType,
      sizeBytes: row.sizeBytes,
      content: contentOf(ctx, row.sha256),
      known: knownCheck(row.sha256, row.mediaType),
      remember: (check, content) => rememberCheck(row.sha256, row.mediaType, check, content),
    })),
    packagePieces.maxBytes,
  );
  const outcomes = numbered(loaded.checks);
  return { outcomes, loaded: outcomes.some((outcome) => 'number' in outcome) ? loaded : null };
}

/**
 * Each row's outcome as the package would give it, by the same rule, from what each file's bytes
 * were found to be (piece-checks): a file is fetched and read only the first time it is needed.
 */
async function checkPieces(ctx: AppContext, rows: readonly DisputeFileRow[]): Promise<Outcome[]> {
  const { checks } = await admitPieces(rows, packagePieces.maxBytes, async (index) => {
    const row = rows[index] as DisputeFileRow;
    return { check: await pieceCheck(row.sha256, row.mediaType, contentOf(ctx, row.sha256)) };
  });
  return numbered(checks);
}

/** The parameters of a listing's reason that it does not use. */
const NO_REASON = { pages: 0, format: '', maxMb: 0, width: 0, height: 0 };

/** The annex's listing: one row per document, numbered when its pages follow, else the reason. */
function listingTable(lang: Lang, rows: readonly DisputeFileRow[], outcomes: readonly Outcome[]): Block {
  const t = translator(lang);
  const inPdf = (row: DisputeFileRow, outcome: Outcome | undefined) =>
    outcome && 'number' in outcome
      ? t('legalFile.annex.pieceInPdf', { ...NO_REASON, outcome: 'appended', pages: outcome.pages })
      : t('legalFile.annex.pieceInPdf', {
          ...NO_REASON,
          outcome: outcome?.problem ?? 'unreadable',
          format: formatName(row),
          maxMb: packagePieces.maxBytes / 1024 / 1024,
          ...(outcome?.problem === 'pixels' ? outcome.pixels : {}),
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
 * are checked up to the last proof of delivery, and not at all when there is none; each one's
 * check is kept, so a later view reads no document.
 */
export async function fileDeliveryProofs(ctx: AppContext, file: LegalFileView): Promise<DeliveryProofFact[]> {
  const rows = await disputeFileRows(ctx, file);
  const upToLastProof = rows.slice(0, rows.findLastIndex((row) => row.kind === 'proof_of_delivery') + 1);
  return deliveryProofsOf(file, upToLastProof, await checkPieces(ctx, upToLastProof));
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
