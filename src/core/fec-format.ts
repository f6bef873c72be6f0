/**
 * The 18 columns of the FEC (Fichier des Écritures Comptables) in the order set by article
 * A47 A-1 of the Livre des procédures fiscales; shared by the reader and the scale generator.
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
