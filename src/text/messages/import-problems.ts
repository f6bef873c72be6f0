/**
 * The problems of a spreadsheet, FEC or balance-sheet import, one message per stable problem
 * code of `src/importers/problems.ts` (`importProblem.<code>`), and the sentence of a rejected
 * file. The importers return codes and params; `src/text/import-problems.ts` words them (params
 * already shown as text: dates, separators, document kinds, amounts). A remedy here names the
 * command line's flags (`--map`…); the API's and the web page's words are in `import-problems-api.ts`
 * and `imports.ts`, the rest in `import-problems-remedies.ts` (the FEC's page, fixed columns).
 */
import { importProblemsApi } from './import-problems-api.ts';
import { importProblemsRemedies } from './import-problems-remedies.ts';

export const importProblems = {
  fr: {
    ...importProblemsApi.fr,
    ...importProblemsRemedies.fr,
    'importProblem.file_not_found': 'fichier introuvable',
    'importProblem.file_is_directory': 'c’est un dossier, pas un fichier',
    'importProblem.file_permission_denied': 'accès au fichier refusé',
    'importProblem.file_unreadable': 'impossible de lire le fichier : {detail}',
    'importProblem.file_empty': 'le fichier est vide : aucune ligne d’en-tête',
    'importProblem.xls_not_supported':
      'les anciens fichiers Excel binaires (.xls) ne sont pas pris en charge : enregistrez le fichier en .xlsx ou en CSV',
    'importProblem.unsupported_format':
      'format non pris en charge ({format}) : Encours lit les fichiers CSV et les classeurs Excel .xlsx ; exportez les données dans l’un de ces formats',
    'importProblem.binary_file':
      'format non pris en charge : le fichier n’est ni un texte CSV ni un classeur Excel .xlsx ; exportez les données dans l’un de ces formats',
    'importProblem.utf16_not_supported':
      'les fichiers UTF-16 (« Texte Unicode ») ne sont pas pris en charge : enregistrez le fichier en CSV UTF-8',
    'importProblem.mixed_encoding':
      'la ligne {line} n’est pas en UTF-8 alors que le début du fichier l’est : le fichier mélange deux encodages ; enregistrez-le à nouveau en UTF-8 (ou Windows-1252) depuis votre tableur',
    'importProblem.csv_quote_not_closed':
      'un guillemet ouvert ligne {line} n’est jamais fermé (un guillemet à l’intérieur d’une valeur entre guillemets doit être doublé : "")',
    'importProblem.csv_invalid_closing_quote':
      'impossible de lire le fichier CSV : {detail} (un guillemet à l’intérieur d’une valeur entre guillemets doit être doublé : "")',
    'importProblem.csv_unreadable': 'impossible de lire le fichier CSV : {detail}',
    'importProblem.xlsx_unreadable':
      'le fichier XLSX est tronqué ou illisible : enregistrez-le à nouveau depuis votre tableur, en .xlsx ou en CSV',
    'importProblem.xlsx_no_worksheet': 'le classeur ne contient aucune feuille',
    'importProblem.xlsx_sheet_not_found': 'feuille « {sheet} » introuvable ; le classeur contient : {sheets}',
    'importProblem.worksheet_empty': 'la feuille est vide : aucune ligne d’en-tête',
    'importProblem.map_unknown_column':
      '--map désigne la colonne « {column} », absente du fichier (colonnes : {columns})',
    'importProblem.map_unknown_field':
      '--map : champ « {field} » inconnu pour {entity} ; champs possibles : {fields}',
    'importProblem.map_field_twice':
      '--map attribue deux colonnes au champ « {field} » ; n’en désignez qu’une',
    'importProblem.ambiguous_columns':
      'les colonnes « {other} » et « {column} » désignent toutes deux le champ « {field} » ; choisissez avec --map "{column}={field}" (ou --map "{column}=ignore")',
    'importProblem.missing_required_column':
      'colonne obligatoire « {label} » absente ; en-têtes acceptés : {headers}, ou nommez votre colonne avec --map "<colonne>={field}"',
    'importProblem.xlsx_extra_cells':
      '{count, plural, one {# cellule remplie} other {# cellules remplies}} au-delà de la dernière colonne titrée : donnez-leur un en-tête ou videz-les',
    'importProblem.trailing_separators':
      '{count, plural, one {# séparateur {separator} en trop} other {# séparateurs {separator} en trop}} en fin de ligne (l’en-tête a {columns} colonnes)',
    'importProblem.bad_column_count':
      '{count} valeurs alors que l’en-tête a {columns} colonnes : une valeur contient probablement le séparateur {separator} et doit être mise entre guillemets',
    'importProblem.file_too_large_uncompressed':
      'fichier refusé : une fois décompressée, la partie « {entry} » dépasse {limitMiB} Mio (fichier corrompu ou malveillant ?)',
    'importProblem.xlsx_value_too_long':
      'fichier refusé : une valeur ou une balise de « {entry} » dépasse {limitMiB} Mio',
    'importProblem.xlsx_row_too_wide': 'fichier refusé : une ligne a plus de {limit} cellules',
    'importProblem.too_many_rows':
      'fichier refusé : plus de {limit} lignes ; découpez-le en plusieurs fichiers',
    'importProblem.cell_too_long': 'valeur de plus de {limit} caractères',
    'importProblem.unknown_column':
      'colonne « {column} » inconnue (en-tête reconnu le plus proche : « {suggestion} ») ; renommez-la, associez-la avec --map "{column}=<champ>" ou ignorez-la avec --ignore-column "{column}"',
    'importProblem.unknown_column_no_match':
      'colonne « {column} » inconnue ; renommez-la, associez-la avec --map "{column}=<champ>" ou ignorez-la avec --ignore-column "{column}"',
    'importProblem.mixed_date_orders':
      'la colonne « {column} » mêle des dates jour en premier ({dayFirstCount}, dont ligne {dayFirstLine} : {dayFirstValue}) et mois en premier ({monthFirstCount}, dont ligne {monthFirstLine} : {monthFirstValue}) ; écrivez-les toutes dans le même ordre ou en AAAA-MM-JJ, ou indiquez l’ordre avec --date-order dmy|mdy',
    'importProblem.amount_too_large': 'montant hors limite : au plus {limitMinor} par pièce',
    'importProblem.company_documents_total_too_large':
      'la somme des montants des pièces de la société dépasserait {limitMinor}',
    'importProblem.company_orders_total_too_large':
      'la somme des montants des commandes de la société dépasserait {limitMinor}',
    'importProblem.company_credit_limits_total_too_large':
      'la somme des plafonds d’encours de la société dépasserait {limitMinor}',
    'importProblem.missing_required': 'valeur obligatoire vide',
    'importProblem.invalid_date': 'date invalide (attendu JJ/MM/AAAA, jour en premier, ou AAAA-MM-JJ)',
    'importProblem.invalid_date_in_order': 'date invalide (attendu {format}, ou AAAA-MM-JJ)',
    'importProblem.date_not_in_calendar': 'le {value} n’existe pas',
    'importProblem.invalid_amount':
      'montant invalide en {currency} (ex. 1234,56 ou 1 234.56 ; trop de décimales ?)',
    'importProblem.invalid_amount_with_separator':
      'montant invalide en {currency}, lu avec « {decimalSeparator} » comme séparateur décimal (ex. 1234,56 ou 1 234.56 ; trop de décimales ?)',
    'importProblem.invalid_currency': 'devise invalide : attendu un code ISO à 3 lettres comme EUR, USD, CHF',
    'importProblem.unknown_enum_value': 'valeur inconnue ; valeurs acceptées : {accepted}',
    'importProblem.invalid_payment_terms':
      'conditions de paiement non comprises ; écrivez par ex. « 30 » ou « 30 jours nets », « 45 jours fin de mois », « net:30 »',
    'importProblem.invalid_siren_length': 'un SIREN comporte 9 chiffres',
    'importProblem.invalid_siren_check_digit': 'SIREN invalide : la clé de contrôle (Luhn) ne correspond pas',
    'importProblem.invalid_siret_length': 'un SIRET comporte 14 chiffres (SIREN + NIC à 5 chiffres)',
    'importProblem.invalid_siret_check_digit': 'SIRET invalide : la clé de contrôle (Luhn) ne correspond pas',
    'importProblem.siret_siren_mismatch': 'le SIRET ne commence pas par le SIREN {siren}',
    'importProblem.invalid_email': 'adresse e-mail invalide (plusieurs adresses se séparent par « ; »)',
    'importProblem.unknown_country':
      'pays inconnu : indiquez un code ISO (FR, BE, DE…) ou un nom (France, Belgique…)',
    'importProblem.unknown_language': 'langue inconnue : indiquez un code ISO 639-1 (fr, en, de…) ou un nom',
    'importProblem.negative_credit_limit': 'le plafond d’encours ne peut pas être négatif',
    'importProblem.due_before_issue': 'échéance antérieure à la date de la pièce ({issueDate})',
    'importProblem.dispute_before_issue': 'litige daté d’avant la facture ({issueDate})',
    'importProblem.negative_invoice_amount': 'montant de facture négatif : importez-le comme avoir',
    'importProblem.zero_payment': 'un règlement de 0 n’est pas un règlement',
    'importProblem.negative_order_amount': 'le montant d’une commande ne peut pas être négatif',
    'importProblem.duplicate_customer_code':
      'code client « {value} » en double : déjà présent ligne {firstLine}',
    'importProblem.duplicate_invoice_number':
      'numéro de facture « {value} » en double : déjà présent ligne {firstLine}',
    'importProblem.duplicate_credit_note_number':
      'numéro d’avoir « {value} » en double : déjà présent ligne {firstLine}',
    'importProblem.duplicate_payment_reference':
      'référence de règlement « {value} » en double : déjà présente ligne {firstLine}',
    'importProblem.duplicate_order_number':
      'numéro de commande « {value} » en double : déjà présent ligne {firstLine}',
    'importProblem.more_errors_omitted':
      '{count, plural, one {# autre erreur non listée} other {# autres erreurs non listées}} ; corrigez d’abord celles-ci puis importez à nouveau',
    'importProblem.unknown_customer_siren': 'aucun client ne porte le SIREN {siren}',
    'importProblem.customer_or_siren_required': 'indiquez le code client ou le SIREN',
    'importProblem.negative_balance_sheet_amount': 'ce poste du bilan ne peut pas être négatif',
    'importProblem.duplicate_balance_sheet':
      'bilan du même client et de la même clôture déjà donné ligne {firstLine}',
    'importProblem.unknown_customer': 'client inconnu : {customerCode} (importez d’abord les clients)',
    'importProblem.currency_mismatch': 'devise {currency} différente de celle du client ({customerCurrency})',
    'importProblem.reference_kind_conflict': 'référence déjà utilisée par un document de type {kind}',
    'importProblem.amount_below_matched':
      'le nouveau montant est inférieur au montant déjà lettré ({matchedMinor})',
    'importProblem.unknown_invoice': 'facture inconnue : {invoiceRef}',
    'importProblem.invoice_of_other_customer': 'la facture {invoiceRef} appartient à un autre client',
    'importProblem.ambiguous_invoice_reference': 'plusieurs documents portent la référence {invoiceRef}',
    'importProblem.invoice_after_payment': 'facture émise le {invoiceDate}, après le règlement',
    'importProblem.unknown_legal_file': 'dossier contentieux inconnu : {file}',
    'importProblem.legal_step_before_handover':
      'étape datée avant la transmission du dossier ({handedOverOn})',
    'importProblem.fec_missing_column':
      'colonne absente : l’en-tête du FEC doit nommer les 18 colonnes de l’arrêté',
    'importProblem.fec_empty_file': 'fichier vide : aucun en-tête FEC',
    'importProblem.fec_column_count':
      'la ligne a {count} colonnes, l’en-tête {columns} (ligne tronquée ou séparateur en trop)',
    'importProblem.fec_required_empty': 'champ obligatoire vide',
    'importProblem.fec_invalid_date': 'date invalide (AAAAMMJJ)',
    'importProblem.fec_invalid_amount': 'montant invalide (virgule décimale, 2 décimales)',
    'importProblem.fec_debit_credit_empty': 'Debit et Credit sont tous deux vides',
    'importProblem.fec_entry_unbalanced':
      'écriture déséquilibrée (regroupée par journal et EcritureNum) : débit − crédit = {difference}',
    'importProblem.fec_entry_unbalanced_spanning_dates':
      'écriture déséquilibrée (regroupée par journal et EcritureNum, non unique : sur plusieurs dates) : débit − crédit = {difference}',
    'importProblem.fec_file_unbalanced':
      'le fichier n’est pas équilibré : total débit − total crédit = {difference}',
    'importProblem.fec_more_problems_omitted':
      '{count, plural, one {# autre problème non listé} other {# autres problèmes non listés}}',
    'importProblem.fec_currency_conflict':
      'la devise du client est {customerCurrency}, celle de la comptabilité {currency}',
    'importProblem.fec_kind_conflict':
      'cette ligne a déjà été importée comme {kind} : utilisez --journal pour garder le type du journal',
    'importProblem.fec_rejected':
      '{file} : fichier refusé, {count, plural, one {# problème} other {# problèmes}} ; rien n’a été importé',
    'importProblem.fec_header_unreadable':
      'en-tête illisible : séparateur non reconnu, les colonnes d’un FEC sont séparées par des tabulations ou des barres verticales (|)',
    'importProblem.fec_reconcile_rejected':
      'Le rapprochement n’a pas pu être fait : {file} refusé, {count, plural, one {# problème} other {# problèmes}} dans le FEC',
    'importProblem.rejected':
      '{file} : fichier refusé, {problems, plural, one {# problème} other {# problèmes}}{lines, plural, =0 {} one { sur # ligne} other { sur # lignes}} ; rien n’a été importé',
    'importProblem.firstProblem': 'premier : ligne {line}',
  },
  en: {
    ...importProblemsApi.en,
    ...importProblemsRemedies.en,
    'importProblem.file_not_found': 'file not found',
    'importProblem.file_is_directory': 'this is a directory, not a file',
    'importProblem.file_permission_denied': 'permission denied',
    'importProblem.file_unreadable': 'cannot read the file: {detail}',
    'importProblem.file_empty': 'the file is empty: no header line found',
    'importProblem.xls_not_supported':
      'old binary Excel files (.xls) are not supported: save the file as .xlsx or CSV',
    'importProblem.unsupported_format':
      'unsupported format ({format}): Encours reads CSV files and Excel .xlsx workbooks; export the data in one of these formats',
    'importProblem.binary_file':
      'unsupported format: the file is neither CSV text nor an Excel .xlsx workbook; export the data in one of these formats',
    'importProblem.utf16_not_supported':
      'UTF-16 (“Unicode text”) files are not supported: save the file as CSV UTF-8',
    'importProblem.mixed_encoding':
      'line {line} is not valid UTF-8 although the beginning of the file is: the file mixes encodings; save it again as UTF-8 (or Windows-1252) from your spreadsheet',
    'importProblem.csv_quote_not_closed':
      'a double quote opened on line {line} is never closed (a double quote inside a quoted value must be doubled: "")',
    'importProblem.csv_invalid_closing_quote':
      'cannot read the CSV file: {detail} (a double quote inside a quoted value must be doubled: "")',
    'importProblem.csv_unreadable': 'cannot read the CSV file: {detail}',
    'importProblem.xlsx_unreadable':
      'the XLSX file is truncated or unreadable: save it again from your spreadsheet, as .xlsx or CSV',
    'importProblem.xlsx_no_worksheet': 'the workbook has no worksheet',
    'importProblem.xlsx_sheet_not_found': 'worksheet “{sheet}” not found; the workbook has: {sheets}',
    'importProblem.worksheet_empty': 'the worksheet is empty: no header row found',
    'importProblem.map_unknown_column':
      '--map names column “{column}”, which is not in the file (columns: {columns})',
    'importProblem.map_unknown_field': '--map: unknown field “{field}” for {entity}; fields are: {fields}',
    'importProblem.map_field_twice': '--map gives field “{field}” two columns; map only one of them',
    'importProblem.ambiguous_columns':
      'columns “{other}” and “{column}” both mean field “{field}”; choose one with --map "{column}={field}" (or --map "{column}=ignore")',
    'importProblem.missing_required_column':
      'missing required column “{label}”; accepted headers: {headers}, or name your column with --map "<column>={field}"',
    'importProblem.xlsx_extra_cells':
      '{count, plural, one {# cell filled} other {# cells filled}} beyond the last titled column: give them a header or clear them',
    'importProblem.trailing_separators':
      '{count, plural, one {# separator {separator} too many} other {# separators {separator} too many}} at the end of the line (the header has {columns} columns)',
    'importProblem.bad_column_count':
      '{count} values but the header has {columns} columns: a value probably contains the separator {separator} and should be put between double quotes',
    'importProblem.file_too_large_uncompressed':
      'file refused: once uncompressed, part “{entry}” exceeds {limitMiB} MiB (corrupt or malicious file?)',
    'importProblem.xlsx_value_too_long': 'file refused: a value or tag in “{entry}” exceeds {limitMiB} MiB',
    'importProblem.xlsx_row_too_wide': 'file refused: a row has more than {limit} cells',
    'importProblem.too_many_rows': 'file refused: more than {limit} rows; split it into several files',
    'importProblem.cell_too_long': 'value longer than {limit} characters',
    'importProblem.unknown_column':
      'unknown column “{column}” (closest known header: “{suggestion}”); rename it, map it with --map "{column}=<field>" or skip it with --ignore-column "{column}"',
    'importProblem.unknown_column_no_match':
      'unknown column “{column}”; rename it, map it with --map "{column}=<field>" or skip it with --ignore-column "{column}"',
    'importProblem.mixed_date_orders':
      'column “{column}” mixes day-first dates ({dayFirstCount}, e.g. line {dayFirstLine}: {dayFirstValue}) and month-first dates ({monthFirstCount}, e.g. line {monthFirstLine}: {monthFirstValue}); write them all in one order or as YYYY-MM-DD, or give the order with --date-order dmy|mdy',
    'importProblem.amount_too_large': 'amount out of bounds: at most {limitMinor} per document',
    'importProblem.company_documents_total_too_large':
      'the sum of the company’s document amounts would exceed {limitMinor}',
    'importProblem.company_orders_total_too_large':
      'the sum of the company’s order amounts would exceed {limitMinor}',
    'importProblem.company_credit_limits_total_too_large':
      'the sum of the company’s credit limits would exceed {limitMinor}',
    'importProblem.missing_required': 'required value is empty',
    'importProblem.invalid_date': 'not a valid date: expected DD/MM/YYYY (day first) or YYYY-MM-DD',
    'importProblem.invalid_date_in_order': 'not a valid date: expected {format} or YYYY-MM-DD',
    'importProblem.date_not_in_calendar': '{value} does not exist in the calendar',
    'importProblem.invalid_amount':
      'not a valid amount in {currency} (e.g. 1234,56 or 1 234.56; too many decimals?)',
    'importProblem.invalid_amount_with_separator':
      'not a valid amount in {currency}, read with “{decimalSeparator}” as decimal separator (e.g. 1234,56 or 1 234.56; too many decimals?)',
    'importProblem.invalid_currency': 'not a currency: expected a 3-letter ISO code such as EUR, USD, CHF',
    'importProblem.unknown_enum_value': 'unknown value; accepted: {accepted}',
    'importProblem.invalid_payment_terms':
      'payment terms not understood; write e.g. “30” or “30 jours nets”, “45 jours fin de mois”, “net:30”',
    'importProblem.invalid_siren_length': 'a SIREN has 9 digits',
    'importProblem.invalid_siren_check_digit': 'invalid SIREN: the check digit (Luhn key) does not match',
    'importProblem.invalid_siret_length': 'a SIRET has 14 digits (SIREN + 5-digit establishment number)',
    'importProblem.invalid_siret_check_digit': 'invalid SIRET: the check digit (Luhn key) does not match',
    'importProblem.siret_siren_mismatch': 'the SIRET does not start with the SIREN {siren}',
    'importProblem.invalid_email': 'not a valid e-mail address (several may be separated by “;”)',
    'importProblem.unknown_country':
      'unknown country: use an ISO code (FR, BE, DE…) or a name (France, Belgique…)',
    'importProblem.unknown_language': 'unknown language: use an ISO 639-1 code (fr, en, de…) or a name',
    'importProblem.negative_credit_limit': 'a credit limit cannot be negative',
    'importProblem.due_before_issue': 'due date before the issue date {issueDate}',
    'importProblem.dispute_before_issue': 'dispute dated before the invoice ({issueDate})',
    'importProblem.negative_invoice_amount': 'negative invoice amount: import it as a credit note',
    'importProblem.zero_payment': 'a payment of 0 is not a payment',
    'importProblem.negative_order_amount': 'an order amount cannot be negative',
    'importProblem.duplicate_customer_code': 'duplicate customer code “{value}”: already on line {firstLine}',
    'importProblem.duplicate_invoice_number':
      'duplicate invoice number “{value}”: already on line {firstLine}',
    'importProblem.duplicate_credit_note_number':
      'duplicate credit note number “{value}”: already on line {firstLine}',
    'importProblem.duplicate_payment_reference':
      'duplicate payment reference “{value}”: already on line {firstLine}',
    'importProblem.duplicate_order_number': 'duplicate order number “{value}”: already on line {firstLine}',
    'importProblem.more_errors_omitted':
      '{count, plural, one {# more error} other {# more errors}} not listed; fix these first and import again',
    'importProblem.unknown_customer_siren': 'no customer has the SIREN {siren}',
    'importProblem.customer_or_siren_required': 'give the customer code or the SIREN',
    'importProblem.negative_balance_sheet_amount': 'this balance-sheet item cannot be negative',
    'importProblem.duplicate_balance_sheet':
      'balance sheet of the same customer and year end already given on line {firstLine}',
    'importProblem.unknown_customer': 'unknown customer: {customerCode} (import the customers first)',
    'importProblem.currency_mismatch':
      'currency {currency} differs from the customer’s currency ({customerCurrency})',
    'importProblem.reference_kind_conflict': 'reference already used by a document of kind {kind}',
    'importProblem.amount_below_matched': 'the new amount is below what is already matched ({matchedMinor})',
    'importProblem.unknown_invoice': 'unknown invoice: {invoiceRef}',
    'importProblem.invoice_of_other_customer': 'invoice {invoiceRef} belongs to another customer',
    'importProblem.ambiguous_invoice_reference': 'several documents carry the reference {invoiceRef}',
    'importProblem.invoice_after_payment': 'invoice issued on {invoiceDate}, after the payment',
    'importProblem.unknown_legal_file': 'unknown legal file: {file}',
    'importProblem.legal_step_before_handover': 'step dated before the file was handed over ({handedOverOn})',
    'importProblem.fec_missing_column':
      'missing column: the FEC header must name the 18 columns of the decree',
    'importProblem.fec_empty_file': 'empty file: no FEC header',
    'importProblem.fec_column_count':
      'the line has {count} columns, the header {columns} (truncated line or stray separator)',
    'importProblem.fec_required_empty': 'required field is empty',
    'importProblem.fec_invalid_date': 'not a valid date (YYYYMMDD)',
    'importProblem.fec_invalid_amount': 'not an amount (decimal comma, 2 decimals)',
    'importProblem.fec_debit_credit_empty': 'Debit and Credit are both empty',
    'importProblem.fec_entry_unbalanced':
      'entry does not balance (grouped by journal and EcritureNum): debit − credit = {difference}',
    'importProblem.fec_entry_unbalanced_spanning_dates':
      'entry does not balance (grouped by journal and EcritureNum (not unique: spans several dates)): debit − credit = {difference}',
    'importProblem.fec_file_unbalanced':
      'the file does not balance: total debit − total credit = {difference}',
    'importProblem.fec_more_problems_omitted':
      '{count, plural, one {# more problem} other {# more problems}} not listed',
    'importProblem.fec_currency_conflict':
      "the customer's currency is {customerCurrency}, the books' {currency}",
    'importProblem.fec_kind_conflict':
      "this line was imported before as a document of kind {kind}: use --journal to keep the journal's type",
    'importProblem.fec_rejected':
      '{file}: rejected, {count, plural, one {# problem} other {# problems}}; nothing was imported',
    'importProblem.fec_header_unreadable':
      'unreadable header: separator not recognised, the columns of a FEC are separated by tabs or vertical bars (|)',
    'importProblem.fec_reconcile_rejected':
      'The reconciliation could not be made: {file} rejected, {count, plural, one {# problem} other {# problems}} in the FEC',
    'importProblem.rejected':
      '{file}: rejected, {problems, plural, one {# problem} other {# problems}}{lines, plural, =0 {} one { on # line} other { on # lines}}; nothing was imported',
    'importProblem.firstProblem': 'first: line {line}',
  },
} as const;
