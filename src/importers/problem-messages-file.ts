/**
 * Messages of problems about the file as a whole, its header row and the shape of its rows
 * (see problem-messages.ts for the catalogue they belong to).
 */
import type { Messages } from './problem-messages.ts';

const DOUBLE_QUOTE_HINT_FR = 'un guillemet à l’intérieur d’une valeur entre guillemets doit être doublé : ""';
const DOUBLE_QUOTE_HINT_EN = 'a double quote inside a quoted value must be doubled: ""';

export const FILE_MESSAGES = {
  file_not_found: { fr: 'fichier introuvable', en: 'file not found' },
  file_is_directory: { fr: 'c’est un dossier, pas un fichier', en: 'this is a directory, not a file' },
  file_permission_denied: { fr: 'accès au fichier refusé', en: 'permission denied' },
  file_unreadable: { fr: 'impossible de lire le fichier : {detail}', en: 'cannot read the file: {detail}' },
  file_empty: {
    fr: 'le fichier est vide : aucune ligne d’en-tête',
    en: 'the file is empty: no header line found',
  },
  xls_not_supported: {
    fr: 'les anciens fichiers Excel binaires (.xls) ne sont pas pris en charge : enregistrez le fichier en .xlsx ou en CSV',
    en: 'old binary Excel files (.xls) are not supported: save the file as .xlsx or CSV',
  },
  utf16_not_supported: {
    fr: 'les fichiers UTF-16 (« Texte Unicode ») ne sont pas pris en charge : enregistrez le fichier en CSV UTF-8',
    en: 'UTF-16 ("Unicode text") files are not supported: save the file as CSV UTF-8',
  },
  mixed_encoding: {
    fr:
      'la ligne {line} n’est pas en UTF-8 alors que le début du fichier l’est : le fichier mélange deux encodages ; ' +
      'enregistrez-le à nouveau en UTF-8 (ou Windows-1252) depuis votre tableur',
    en:
      'line {line} is not valid UTF-8 although the beginning of the file is: the file mixes encodings; ' +
      'save it again as UTF-8 (or Windows-1252) from your spreadsheet',
  },
  csv_quote_not_closed: {
    fr: `un guillemet ouvert ligne {line} n’est jamais fermé (${DOUBLE_QUOTE_HINT_FR})`,
    en: `a double quote opened on line {line} is never closed (${DOUBLE_QUOTE_HINT_EN})`,
  },
  csv_invalid_closing_quote: {
    fr: `impossible de lire le fichier CSV : {detail} (${DOUBLE_QUOTE_HINT_FR})`,
    en: `cannot read the CSV file: {detail} (${DOUBLE_QUOTE_HINT_EN})`,
  },
  csv_unreadable: {
    fr: 'impossible de lire le fichier CSV : {detail}',
    en: 'cannot read the CSV file: {detail}',
  },
  xlsx_unreadable: {
    fr: 'impossible de lire le fichier XLSX : {detail}',
    en: 'cannot read the XLSX file: {detail}',
  },
  xlsx_no_worksheet: { fr: 'le classeur ne contient aucune feuille', en: 'the workbook has no worksheet' },
  xlsx_sheet_not_found: {
    fr: 'feuille « {sheet} » introuvable ; le classeur contient : {sheets}',
    en: 'worksheet "{sheet}" not found; the workbook has: {sheets}',
  },
  worksheet_empty: {
    fr: 'la feuille est vide : aucune ligne d’en-tête',
    en: 'the worksheet is empty: no header row found',
  },
  map_unknown_column: {
    fr: '--map désigne la colonne « {column} », absente du fichier (colonnes : {columns})',
    en: '--map names column "{column}", which is not in the file (columns: {columns})',
  },
  map_unknown_field: {
    fr: '--map : champ « {field} » inconnu pour {entity} ; champs possibles : {fields}',
    en: '--map: unknown field "{field}" for {entity}; fields are: {fields}',
  },
  map_field_twice: {
    fr: '--map attribue deux colonnes au champ « {field} » ; n’en désignez qu’une',
    en: '--map gives field "{field}" two columns; map only one of them',
  },
  ambiguous_columns: {
    fr:
      'les colonnes « {other} » et « {column} » désignent toutes deux le champ « {field} » ; ' +
      'choisissez avec --map "{column}={field}" (ou --map "{column}=ignore")',
    en:
      'columns "{other}" and "{column}" both mean field "{field}"; ' +
      'choose one with --map "{column}={field}" (or --map "{column}=ignore")',
  },
  missing_required_column: {
    fr:
      'colonne obligatoire « {field} » absente ; en-têtes acceptés : {headers}, ' +
      'ou nommez votre colonne avec --map "<colonne>={field}"',
    en:
      'missing required column "{field}" ({description}); accepted headers: {headers}, ' +
      'or name your column with --map "<column>={field}"',
  },
  xlsx_extra_cells: {
    fr: '{count} cellule(s) remplie(s) au-delà de la dernière colonne titrée : donnez-leur un en-tête ou videz-les',
    en: '{count} cell(s) filled beyond the last titled column: give them a header or clear them',
  },
  trailing_separators: {
    fr: '{count} séparateur(s) {separator} en trop en fin de ligne (l’en-tête a {columns} colonnes)',
    en: '{count} separator(s) {separator} too many at the end of the line (the header has {columns} columns)',
  },
  bad_column_count: {
    fr:
      '{count} valeurs alors que l’en-tête a {columns} colonnes : une valeur contient probablement ' +
      'le séparateur {separator} et doit être mise entre guillemets',
    en:
      '{count} values but the header has {columns} columns: a value probably contains the ' +
      'separator {separator} and should be put between double quotes',
  },
  // Bounds that keep a hostile or broken file from exhausting memory, disk or the ledger's sums.
  file_too_large_uncompressed: {
    fr: 'fichier refusé : une fois décompressée, la partie « {entry} » dépasse {limitMiB} Mio (fichier corrompu ou malveillant ?)',
    en: 'file refused: once uncompressed, part "{entry}" exceeds {limitMiB} MiB (corrupt or malicious file?)',
  },
  xlsx_value_too_long: {
    fr: 'fichier refusé : une valeur ou une balise de « {entry} » dépasse {limitMiB} Mio',
    en: 'file refused: a value or tag in "{entry}" exceeds {limitMiB} MiB',
  },
  xlsx_row_too_wide: {
    fr: 'fichier refusé : une ligne a plus de {limit} cellules',
    en: 'file refused: a row has more than {limit} cells',
  },
  too_many_rows: {
    fr: 'fichier refusé : plus de {limit} lignes ; découpez-le en plusieurs fichiers',
    en: 'file refused: more than {limit} rows; split it into several files',
  },
  cell_too_long: {
    fr: 'valeur de plus de {limit} caractères',
    en: 'value longer than {limit} characters',
  },
  unknown_column: {
    fr:
      'colonne « {column} » inconnue (en-tête reconnu le plus proche : « {suggestion} ») ; renommez-la, ' +
      'associez-la avec --map "{column}=<champ>" ou ignorez-la avec --ignore-column "{column}"',
    en:
      'unknown column "{column}" (closest known header: "{suggestion}"); rename it, ' +
      'map it with --map "{column}=<field>" or skip it with --ignore-column "{column}"',
  },
  amount_too_large: {
    fr: 'montant hors limite : au plus {limitMinor} par pièce',
    en: 'amount out of bounds: at most {limitMinor} per document',
  },
  company_documents_total_too_large: {
    fr: 'la somme des montants des pièces de la société dépasserait {limitMinor}',
    en: 'the sum of the company’s document amounts would exceed {limitMinor}',
  },
  company_orders_total_too_large: {
    fr: 'la somme des montants des commandes de la société dépasserait {limitMinor}',
    en: 'the sum of the company’s order amounts would exceed {limitMinor}',
  },
  company_credit_limits_total_too_large: {
    fr: 'la somme des plafonds d’encours de la société dépasserait {limitMinor}',
    en: 'the sum of the company’s credit limits would exceed {limitMinor}',
  },
} as const satisfies Record<string, Messages>;
