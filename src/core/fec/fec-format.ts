import type { DocumentKind, IsoDate } from '../types.ts';

/**
 * The 18 columns of the FEC (Fichier des Écritures Comptables) in the order set by article
 * A47 A-1 of the Livre des procédures fiscales; shared by the reader and the scale generator. Also the
 * row a customer-account line becomes in the import's staging table, shared by the reader and the database.
 */
export const FEC_REQUIRED_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/** What the entry-balance check needs of one line (kept in memory or staged in the database). */
export interface FecEntryLine {
  line: number;
  journalCode: string;
  ecritureNum: string;
  date: IsoDate;
  piece: string;
  amountMinor: number;
}

/** One customer-account line as staged in the database. */
export interface StagedFecLine {
  line: number;
  customerCode: string;
  /** CompAuxLib, or CompteLib when there is no auxiliary account; the code when both are empty. */
  customerName: string;
  compteNum: string;
  letter: string;
  /** null for a zero line: it moves no balance and cannot be a document. */
  kind: DocumentKind | null;
  /** External reference before the rank that tells identical lines of one entry apart. */
  baseRef: string;
  issueDate: IsoDate;
  /** PieceDate when not after the entry date, else the entry date: what payment terms run from. */
  termsBase: IsoDate;
  dateRglt: IsoDate | null;
  dateLet: IsoDate | null;
  amountMinor: number;
  label: string | null;
}
