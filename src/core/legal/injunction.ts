/**
 * The injunction-to-pay checklist of a legal file (injonction de payer, Code de procédure civile
 * art. 1405 to 1425): the pieces the request must carry and where it goes. A debt between traders
 * goes to the president of the tribunal de commerce of the debtor's seat, whatever its amount;
 * a debtor that is not a trader (civil company, association, liberal profession) to the tribunal
 * judiciaire; a public body is not subject to it (administrative route); a debtor in another EU
 * state calls for the European order for payment (Regulation 1896/2006); a debtor under a
 * collective procedure may no longer be sued (L622-21: the claim is declared instead). Under
 * 5 000 € the simplified small-claims procedure by a commissaire de justice (CPCE L125-1) is an
 * alternative that needs no judge. A claim the debtor contested does not suit an injunction to pay,
 * an order made without hearing it: it would oppose it.
 */
import type { CustomerStatus, CustomerType } from '../types.ts';
import { legalFormFromName } from './legal-form.ts';

export const SMALL_CLAIMS_LIMIT_EUR_MINOR = 500_000;

export const INJUNCTION_PIECES = [
  'invoices',
  'order_or_contract',
  'proof_of_delivery',
  'formal_notice_ar',
  'statement',
] as const;
export type InjunctionPiece = (typeof INJUNCTION_PIECES)[number];
/** Pieces the system cannot know about: a person confirms they are in the file. */
export const CONFIRMABLE_PIECES: readonly InjunctionPiece[] = [
  'order_or_contract',
  'proof_of_delivery',
  'formal_notice_ar',
];

/**
 * in_package: the file package carries it; on_request: the creditor has it but the package does not
 * (Encours keeps no invoice PDFs: copies are sent on request, as the cover letter says); on_record:
 * Encours has it (a formal notice: its signed acknowledgement of receipt); provided: confirmed by a person.
 */
export type PieceStatus = 'in_package' | 'on_request' | 'on_record' | 'provided' | 'to_provide';

/** The formal notice's registered letter as dunning recorded it: La Poste's number and its outcome. */
export interface RegisteredNoticeMail {
  /** As shown: « 1A 123 456 7890 1 ». */
  trackingNumber: string;
  depositedOn: string;
  /** delivered (outcomeOn: the receipt signed), returned_unclaimed, returned_unknown_address; null: not yet. */
  outcome: string | null;
  outcomeOn: string | null;
}

/**
 * Where the acknowledgement of receipt of the formal notice Encours sent stands: signed (La Poste's
 * outcome recorded), awaited (the letter deposited, no outcome yet), not deposited (no La Poste
 * number recorded: the letter may still be on the desk, or was posted and never recorded), returned (unclaimed or unknown address: no signed
 * receipt); or the notice is one the imported history tells of, whose receipt Encours never held.
 */
export type NoticeReceipt = 'signed' | 'awaited' | 'not_deposited' | 'returned' | 'history';

/** Invoices of the file the latest registered notice did not name, and the notice they rest on. */
export interface NoticeOthers {
  count: number;
  date: string | null;
  history: boolean;
}

/** One invoice claimed, and the proof of its delivery among the documents of its disputes. */
export interface DeliveryProofFact {
  documentRef: string;
  /** A proof of delivery is attached to a dispute of the invoice. */
  attached: boolean;
  /** The piece number under which the package reproduces it (the first, if several); null: none. */
  pieceNumber: number | null;
}

/**
 * Where one invoice's piece is: reproduced in the package under `pieceNumber` (in_package),
 * attached in Encours but not reproduced (on_record), or missing (provided once a person confirms
 * it, else to_provide).
 */
export interface InvoicePiece {
  documentRef: string;
  status: PieceStatus;
  pieceNumber: number | null;
}

export const INJUNCTION_COURTS = [
  'commercial_court',
  'judicial_court',
  'administrative_route',
  'european_order',
  'foreign_court',
  'collective_procedure',
] as const;
export type InjunctionCourt = (typeof INJUNCTION_COURTS)[number];

const EU_COUNTRIES = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);
const COLLECTIVE: ReadonlySet<CustomerStatus> = new Set(['safeguard', 'receivership', 'liquidation']);

export interface InjunctionFacts {
  customerType: CustomerType;
  customerStatus: CustomerStatus;
  /** ISO 3166-1 alpha-2 of the debtor's address. */
  country: string;
  /** INSEE catégorie juridique (4 digits) from the company register, when known. */
  legalFormCode: string | null;
  /** The debtor's name: its first or last word tells the form when the register gave none. */
  debtorName?: string | undefined;
  /** Principal still owed on the file. */
  amountMinor: number;
  currency: string;
  /** Orders of the customer on record (order check). */
  ordersOnRecord: boolean;
  /** A formal notice sent by registered letter, from the dunning log. */
  registeredFormalNoticeDate: string | null;
  /** That notice's number and outcome, when recorded. */
  registeredFormalNoticeMail?: RegisteredNoticeMail | undefined;
  /**
   * The file's open invoices that notice did not name, and the latest other notice they rest on:
   * its date (null: none) and whether only the imported history tells of it. Absent: it named them all.
   */
  registeredNoticeOthers?: NoticeOthers | undefined;
  /**
   * A formal notice by registered letter the imported history tells of: its date is named, but its
   * acknowledgement of receipt is not in Encours, so the piece stays to provide until confirmed.
   */
  historyFormalNoticeDate?: string | null | undefined;
  piecesProvided: readonly string[];
  /** The invoices claimed, each with its proof of delivery; empty: none is known per invoice. */
  deliveryProofs: readonly DeliveryProofFact[];
  /** The debtor contested the claim (handover-contest.ts); null or absent: not to our knowledge. */
  contest?: ContestDates | null | undefined;
}

/** When the debtor contested the claim: on how many days, the first and the last. */
export interface ContestDates {
  count: number;
  first: string;
  last: string;
}

export interface InjunctionChecklist {
  court: InjunctionCourt;
  /** The debtor's legal form was unknown: trader presumed (checked against the register first). */
  courtPresumed: boolean;
  /** The form read from the debtor's name (« SARL ») when the register gave none; null otherwise. */
  legalFormFromName: string | null;
  smallClaimsAlternative: boolean;
  pieces: {
    piece: InjunctionPiece;
    status: PieceStatus;
    date: string | null;
    /** The piece invoice by invoice (proof of delivery); null: one piece for the whole file. */
    invoices: InvoicePiece[] | null;
    /** The formal notice's registered letter, when its number is recorded. */
    registered?: RegisteredNoticeMail;
    /** The formal notice's acknowledgement of receipt: what makes the piece (none: no notice known). */
    receipt?: NoticeReceipt;
    /** The file's invoices that notice did not name. */
    others?: NoticeOthers;
  }[];
  /**
   * The debtor contested the claim: an injunction to pay suits an uncontested claim only (the debtor
   * would oppose it), so the file is not ready for one whatever its pieces.
   */
  contest: ContestDates | null;
  /** Every piece is there, the claim is not contested and the court route is an injunction to pay. */
  ready: boolean;
}

function courtOf(facts: InjunctionFacts, form: string): { court: InjunctionCourt; presumed: boolean } {
  if (COLLECTIVE.has(facts.customerStatus)) return { court: 'collective_procedure', presumed: false };
  if (facts.customerType === 'public_body' || form.startsWith('7'))
    return { court: 'administrative_route', presumed: false };
  const country = facts.country.toUpperCase();
  if (country !== 'FR')
    return { court: EU_COUNTRIES.has(country) ? 'european_order' : 'foreign_court', presumed: false };
  // INSEE categories: 5xxx commercial companies; 6xxx other private legal persons (civil
  // companies, cooperatives…), 8xxx–9xxx associations and foundations: not traders.
  if (/^[689]/.test(form)) return { court: 'judicial_court', presumed: false };
  return { court: 'commercial_court', presumed: !form.startsWith('5') };
}

/** Worst first: the piece of the file is as far from ready as its least-documented invoice. */
const STATUS_ORDER: readonly PieceStatus[] = ['to_provide', 'provided', 'on_record', 'in_package'];

/**
 * The proof of delivery invoice by invoice: the one the package reproduces, the one attached to a
 * dispute but left out of the package (too big, damaged…), or none — then the person's
 * confirmation, which is for the whole file, covers it.
 */
function deliveryProofPiece(
  facts: InjunctionFacts,
  confirmed: boolean,
): InjunctionChecklist['pieces'][number] {
  const missing: PieceStatus = confirmed ? 'provided' : 'to_provide';
  if (facts.deliveryProofs.length === 0)
    return { piece: 'proof_of_delivery', status: missing, date: null, invoices: null };
  const invoices = facts.deliveryProofs.map(
    (proof): InvoicePiece => ({
      documentRef: proof.documentRef,
      status: proof.pieceNumber !== null ? 'in_package' : proof.attached ? 'on_record' : missing,
      pieceNumber: proof.pieceNumber,
    }),
  );
  const status = STATUS_ORDER.find((s) => invoices.some((invoice) => invoice.status === s)) ?? missing;
  return { piece: 'proof_of_delivery', status, date: null, invoices };
}

function receiptOf(mail: RegisteredNoticeMail | undefined): NoticeReceipt {
  if (!mail) return 'not_deposited';
  if (mail.outcome === 'delivered') return 'signed';
  return mail.outcome === null ? 'awaited' : 'returned';
}

/**
 * The formal notice with its acknowledgement of receipt: on record only once La Poste's signed
 * receipt is recorded for the notice Encours sent and that notice named every open invoice of the
 * file — a letter sent today, not deposited yet, has no receipt to give, nor has a notice the
 * imported history tells of. Otherwise a person confirms it is in the file, or it is to provide.
 */
function formalNoticePiece(
  facts: InjunctionFacts,
  confirmed: boolean,
): InjunctionChecklist['pieces'][number] {
  const missing: PieceStatus = confirmed ? 'provided' : 'to_provide';
  const sent = facts.registeredFormalNoticeDate;
  if (sent === null) {
    const history = facts.historyFormalNoticeDate ?? null;
    return {
      piece: 'formal_notice_ar',
      status: missing,
      date: history,
      invoices: null,
      ...(history ? { receipt: 'history' as const } : {}),
    };
  }
  const mail = facts.registeredFormalNoticeMail;
  const receipt = receiptOf(mail);
  const others = facts.registeredNoticeOthers;
  return {
    piece: 'formal_notice_ar',
    status: receipt === 'signed' && !others ? 'on_record' : missing,
    date: sent,
    invoices: null,
    ...(mail ? { registered: mail } : {}),
    receipt,
    ...(others ? { others } : {}),
  };
}

export function injunctionChecklist(facts: InjunctionFacts): InjunctionChecklist {
  const fromName = facts.legalFormCode || !facts.debtorName ? null : legalFormFromName(facts.debtorName);
  const { court, presumed } = courtOf(facts, facts.legalFormCode || fromName?.categoryCode || '');
  const provided = new Set(facts.piecesProvided);
  const status = (piece: InjunctionPiece, onRecord: boolean): PieceStatus =>
    onRecord ? 'on_record' : provided.has(piece) ? 'provided' : 'to_provide';
  const pieces: InjunctionChecklist['pieces'] = [
    // The ledger has them, not their PDF: the package carries none (the legal file's dispute
    // documents hold no invoice kind), so copies go on request.
    { piece: 'invoices', status: 'on_request', date: null, invoices: null },
    {
      piece: 'order_or_contract',
      status: status('order_or_contract', facts.ordersOnRecord),
      date: null,
      invoices: null,
    },
    deliveryProofPiece(facts, provided.has('proof_of_delivery')),
    formalNoticePiece(facts, provided.has('formal_notice_ar')),
    { piece: 'statement', status: 'in_package', date: null, invoices: null },
  ];
  const byInjunction =
    court === 'commercial_court' || court === 'judicial_court' || court === 'european_order';
  return {
    court,
    courtPresumed: presumed,
    // Told only where the form chose the court: abroad or under a collective procedure it did not.
    legalFormFromName:
      court === 'commercial_court' || court === 'judicial_court' ? (fromName?.form ?? null) : null,
    smallClaimsAlternative:
      (court === 'commercial_court' || court === 'judicial_court') &&
      facts.currency === 'EUR' &&
      facts.amountMinor > 0 &&
      facts.amountMinor <= SMALL_CLAIMS_LIMIT_EUR_MINOR,
    pieces,
    contest: facts.contest
      ? { count: facts.contest.count, first: facts.contest.first, last: facts.contest.last }
      : null,
    ready: byInjunction && !facts.contest && pieces.every((p) => p.status !== 'to_provide'),
  };
}
