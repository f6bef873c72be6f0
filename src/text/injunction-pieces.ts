/**
 * Where a piece of the injunction-to-pay checklist stands, worded for the reader: the package's
 * annex 4, the legal file's page and the CLI say the same. The proof of delivery is told invoice by
 * invoice — « fournie : pièce n° 1 (F2025-0012) ; à fournir pour F2025-0051 » — so the checklist
 * never asks for a signed delivery note that the package reproduces a few pages further on. The
 * court comes with where the debtor's legal form was read, when the register gave none, and with
 * the debtor's contest of the claim, which an injunction to pay does not suit.
 */
import type {
  InvoicePiece,
  NoticeOthers,
  NoticeReceipt,
  PieceStatus,
  RegisteredNoticeMail,
} from '../core/legal/injunction.ts';
import { type Lang, translator } from './catalogue.ts';
import { formatDate } from './format.ts';

/** A piece of the checklist as the core makes it, or as the API answers it (statuses as plain strings). */
interface ChecklistPiece {
  /** The piece (invoices, statement…): its status agrees with it (« jointes », « joint »). */
  piece?: string | undefined;
  status: string;
  date: string | null;
  invoices: readonly (Omit<InvoicePiece, 'status'> & { status: string })[] | null;
  registered?: RegisteredNoticeMail | undefined;
  /** The formal notice's acknowledgement of receipt (a plain string as the API answers it). */
  receipt?: NoticeReceipt | string | undefined;
  others?: NoticeOthers | undefined;
}

/** What is there first, then what is still missing. */
const SEGMENT_ORDER: readonly PieceStatus[] = ['in_package', 'on_record', 'provided', 'to_provide'];

function byInvoice(lang: Lang, invoices: NonNullable<ChecklistPiece['invoices']>): string {
  const t = translator(lang);
  const segments = SEGMENT_ORDER.flatMap((status) => {
    const these = invoices.filter((invoice) => invoice.status === status);
    if (these.length === 0) return [];
    if (status === 'in_package') {
      const pieces = these.map((invoice) =>
        t('legalFile.invoicePieces.number', {
          number: invoice.pieceNumber ?? 0,
          invoice: invoice.documentRef,
        }),
      );
      return [t('legalFile.invoicePieces.reproduced', { pieces: pieces.join(', ') })];
    }
    // Every invoice in the same case: the file's piece, without its list of invoices.
    const named = these.length < invoices.length;
    const refs = these.map((invoice) => invoice.documentRef).join(', ');
    return [t('legalFile.invoicePieces.missing', { status, named: named ? 'yes' : 'no', invoices: refs })];
  });
  return segments.reduce((before, after) => t('legalFile.invoicePieces.join', { before, after }));
}

export function injunctionPieceStatus(lang: Lang, piece: ChecklistPiece): string {
  if (piece.invoices && piece.invoices.length > 0) return byInvoice(lang, piece.invoices);
  const t = translator(lang);
  const date = piece.date ? formatDate(lang, piece.date) : 'none';
  // A notice Encours sent is as good as its acknowledgement of receipt: what became of its letter.
  const status =
    piece.receipt && piece.receipt !== 'history' && piece.date
      ? t('legalFile.noticeReceipt', { status: piece.status, receipt: piece.receipt, date })
      : t('legalFile.pieceStatus', { piece: piece.piece ?? 'other', status: piece.status, date });
  // The formal notice names its registered letter and what became of it, the proof a court asks for.
  const mail = piece.registered;
  const told = mail
    ? t('dunning.registered.pieceMention', {
        piece: status,
        number: mail.trackingNumber,
        deposited: formatDate(lang, mail.depositedOn),
        outcome: mail.outcome ?? 'none',
        on: mail.outcomeOn ? formatDate(lang, mail.outcomeOn) : '',
      })
    : status;
  const others = piece.others;
  if (!others) return told;
  return t('legalFile.invoicePieces.join', {
    before: told,
    after: t('legalFile.noticeOthers', {
      count: others.count,
      date: others.date ? formatDate(lang, others.date) : 'none',
      history: others.history ? 'yes' : 'no',
    }),
  });
}

/** Where the debtor's legal form came from when the register gave none: its name, or nowhere. */
export function injunctionCourtCaveat(
  lang: Lang,
  checklist: { legalFormFromName: string | null; courtPresumed: boolean },
): string[] {
  const t = translator(lang);
  if (checklist.legalFormFromName)
    return [
      t('legalFile.court.fromName', {
        form: checklist.legalFormFromName,
        presumed: checklist.courtPresumed ? 'yes' : 'no',
      }),
    ];
  return checklist.courtPresumed ? [t('legalFile.court.presumed')] : [];
}

/**
 * The debtor contested the claim: an injunction to pay suits an uncontested claim only — said first
 * of the checklist, wherever it is shown (annex 4, the file's page, the command line).
 */
export function injunctionContestWarning(
  lang: Lang,
  checklist: { contest?: { count: number; first: string; last: string } | null | undefined },
): string[] {
  const { contest } = checklist;
  if (!contest) return [];
  return [
    translator(lang)('legalFile.court.contested', {
      count: contest.count,
      first: formatDate(lang, contest.first),
      last: formatDate(lang, contest.last),
    }),
  ];
}
