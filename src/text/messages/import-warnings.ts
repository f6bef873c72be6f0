/**
 * The warnings of a FEC import, one message per code of `src/importers/fec/fec-warnings.ts`, and the
 * notices of a CSV/XLSX import (`src/importers/import-notices.ts`), `importWarning.<code>`: the file
 * was imported, but this deserves a look. Worded by
 * `src/text/import-problems.ts` (amounts `…Minor` as money, dates `…Date`, counts as numbers).
 * A notice's remedy here names the command line's flag (`--date-order`); a program's variant names
 * the request's parameter (`importWarning.api.<code>`), the web page's is worded with the page
 * (`imports.notice.<code>` in `imports.ts`).
 */
export const importWarnings = {
  fr: {
    'importWarning.fec_unknown_column':
      'la colonne « {column} » n’est pas une colonne du FEC : elle a été ignorée',
    'importWarning.fec_entry_num_not_unique':
      'journal {journal} : EcritureNum n’est pas unique, les écritures ont été regroupées par date et PieceRef',
    'importWarning.fec_letter_unbalanced':
      'le lettrage {letter} de {customerCode} (compte {account}) n’est pas soldé : écart de {differenceMinor}, le reste demeure ouvert',
    'importWarning.fec_lettering_refused':
      'lettrage de {creditRef} avec {debitRef} ({amountMinor}) non repris : {reason, select, ' +
      'not_debit {la pièce au débit n’est pas un débit} ' +
      'not_credit {la pièce au crédit n’est pas un crédit} ' +
      'customers_differ {les deux pièces sont de clients différents} ' +
      'currencies_differ {les deux pièces sont dans des devises différentes} ' +
      'invalid_amount {le montant n’est pas valable} ' +
      'invalid_date {la date de lettrage n’est pas valable} ' +
      'before_issue {la date de lettrage précède l’émission d’une des pièces} ' +
      'exceeds_open {le montant dépasse ce qui reste ouvert} ' +
      'other {une règle du grand livre l’interdit}}',
    'importWarning.fec_lettering_already_matched':
      'lettrage de {creditRef} avec {debitRef} ({amountMinor}) non repris : les pièces ont déjà été lettrées dans Encours',
    'importWarning.fec_lettering_reduced':
      'lettrage de {creditRef} avec {debitRef} ({amountMinor}) : seuls {openMinor} restaient ouverts après le lettrage fait dans Encours',
    'importWarning.fec_documents_vanished':
      '{count, plural, one {# pièce d’un import FEC précédent, datée du {firstDate} au {lastDate}, n’est plus dans ce fichier (ligne supprimée ou modifiée depuis dans la comptabilité) ; elle a été gardée et compte dans les pièces ouvertes} ' +
      'other {# pièces d’un import FEC précédent, datées du {firstDate} au {lastDate}, ne sont plus dans ce fichier (lignes supprimées ou modifiées depuis dans la comptabilité) ; elles ont été gardées et comptent dans les pièces ouvertes}} : {refs}',
    'importWarning.fec_opening_repeated':
      '{count, plural, one {# client a} other {# clients ont}} des à-nouveaux dans ce fichier et les lignes détaillées de l’exercice précédent venant d’un import FEC antérieur : les pièces reportées sont comptées deux fois ({customers})',
    'importWarning.fec_customer_difference':
      'client {customerCode} : pièces ouvertes {openMinor} ≠ solde du FEC {fecMinor}',
    'importWarning.date_order_month_first':
      'colonne « {column} » : dates lues mois en premier (MM/JJ/AAAA), car le fichier en a qui ne se lisent qu’ainsi (ligne {line} : {value})',
    'importWarning.date_order_month_first_other_column':
      'colonne « {column} » : dates lues mois en premier (MM/JJ/AAAA), comme celles de la colonne « {otherColumn} », qui en a qui ne se lisent qu’ainsi (ligne {line} : {value})',
    'importWarning.date_order_remembered':
      '{order, select, mdy {colonne « {column} » : ses dates se lisent dans les deux ordres ; elles ont été lues mois en premier (MM/JJ/AAAA), l’ordre qu’a montré le dernier fichier de ce type importé ({file}). Si elles sont jour en premier, réimportez avec --date-order dmy} other {colonne « {column} » : ses dates se lisent dans les deux ordres ; elles ont été lues jour en premier (JJ/MM/AAAA), l’ordre qu’a montré le dernier fichier de ce type importé ({file}). Si elles sont mois en premier, réimportez avec --date-order mdy}}',
    'importWarning.api.date_order_remembered':
      '{order, select, mdy {colonne « {column} » : ses dates se lisent dans les deux ordres ; elles ont été lues mois en premier (MM/JJ/AAAA), l’ordre qu’a montré le dernier fichier de ce type importé ({file}). Si elles sont jour en premier, réimportez avec le paramètre dateOrder=dmy} other {colonne « {column} » : ses dates se lisent dans les deux ordres ; elles ont été lues jour en premier (JJ/MM/AAAA), l’ordre qu’a montré le dernier fichier de ce type importé ({file}). Si elles sont mois en premier, réimportez avec le paramètre dateOrder=mdy}}',
    'importWarning.date_order_assumed':
      '{count, plural, one {colonne « {column} » : # date comme {value} se lit dans les deux ordres ; elle a été lue jour en premier (JJ/MM/AAAA). Si elle est mois en premier, réimportez avec --date-order mdy} other {colonne « {column} » : # dates comme {value} se lisent dans les deux ordres ; elles ont été lues jour en premier (JJ/MM/AAAA). Si elles sont mois en premier, réimportez avec --date-order mdy}}',
    'importWarning.api.date_order_assumed':
      '{count, plural, one {colonne « {column} » : # date comme {value} se lit dans les deux ordres ; elle a été lue jour en premier (JJ/MM/AAAA). Si elle est mois en premier, réimportez avec le paramètre dateOrder=mdy} other {colonne « {column} » : # dates comme {value} se lisent dans les deux ordres ; elles ont été lues jour en premier (JJ/MM/AAAA). Si elles sont mois en premier, réimportez avec le paramètre dateOrder=mdy}}',
    'importWarning.disputes_skipped_settled':
      '{count, plural, one {# facture indiquée en litige est déjà soldée : aucun litige n’a été ouvert dessus} other {# factures indiquées en litige sont déjà soldées : aucun litige n’a été ouvert dessus}}',
    'importWarning.channel_column_left_out':
      'colonne du canal d’envoi ignorée : « {value} » (ligne {line}) n’est ni papier ni électronique ; les canaux déjà enregistrés sont conservés',
    'importWarning.file_has_no_rows':
      'le fichier ne contient aucune ligne : seule la ligne d’en-tête a été lue, rien n’a été importé',
    'importWarning.column_ignored': 'colonne « {column} » ignorée : aucun champ n’y est lu',
    'importWarning.column_ignored_near':
      'colonne « {column} » ignorée (en-tête reconnu le plus proche : « {suggestion} »)',
    'importWarning.column_ignored_field_taken':
      'colonne « {column} » ignorée : son champ est lu dans la colonne « {other} »',
  },
  en: {
    'importWarning.fec_unknown_column': 'column “{column}” is not a FEC column and was ignored',
    'importWarning.fec_entry_num_not_unique':
      'journal {journal}: EcritureNum is not unique, entries were grouped by date and PieceRef',
    'importWarning.fec_letter_unbalanced':
      'letter {letter} of {customerCode} (account {account}) does not balance by {differenceMinor}: the remainder stays open',
    'importWarning.fec_lettering_refused':
      'lettering of {creditRef} with {debitRef} ({amountMinor}) not taken: {reason, select, ' +
      'not_debit {the debit side is not a debit} ' +
      'not_credit {the credit side is not a credit} ' +
      'customers_differ {the two documents belong to different customers} ' +
      'currencies_differ {the two documents are in different currencies} ' +
      'invalid_amount {the amount is not valid} ' +
      'invalid_date {the lettering date is not valid} ' +
      'before_issue {the lettering date is before one of the documents was issued} ' +
      'exceeds_open {the amount exceeds what is still open} ' +
      'other {a ledger rule forbids it}}',
    'importWarning.fec_lettering_already_matched':
      'lettering of {creditRef} with {debitRef} ({amountMinor}) not taken: the documents were already matched in Encours',
    'importWarning.fec_lettering_reduced':
      'lettering of {creditRef} with {debitRef} ({amountMinor}): only {openMinor} was still open after the matching made in Encours',
    'importWarning.fec_documents_vanished':
      '{count, plural, one {# document of an earlier FEC import dated {firstDate}…{lastDate} is not in this file (line deleted or changed in the books since); it was kept and counts in the open items} ' +
      'other {# documents of an earlier FEC import dated {firstDate}…{lastDate} are not in this file (lines deleted or changed in the books since); they were kept and count in the open items}}: {refs}',
    'importWarning.fec_opening_repeated':
      '{count, plural, one {# customer has} other {# customers have}} opening entries (à-nouveaux) in this file and detailed lines of the previous year from an earlier FEC import: the carried-forward items are counted twice ({customers})',
    'importWarning.fec_customer_difference':
      'customer {customerCode}: open items {openMinor} ≠ FEC balance {fecMinor}',
    'importWarning.date_order_month_first':
      'column “{column}”: dates read month first (MM/DD/YYYY), as the file has dates that can only be read that way (line {line}: {value})',
    'importWarning.date_order_month_first_other_column':
      'column “{column}”: dates read month first (MM/DD/YYYY), like those of column “{otherColumn}”, which has dates that can only be read that way (line {line}: {value})',
    'importWarning.date_order_remembered':
      '{order, select, mdy {column “{column}”: its dates read both ways; they were read month first (MM/DD/YYYY), the order the last file of this kind imported showed ({file}). If they are day first, import again with --date-order dmy} other {column “{column}”: its dates read both ways; they were read day first (DD/MM/YYYY), the order the last file of this kind imported showed ({file}). If they are month first, import again with --date-order mdy}}',
    'importWarning.api.date_order_remembered':
      '{order, select, mdy {column “{column}”: its dates read both ways; they were read month first (MM/DD/YYYY), the order the last file of this kind imported showed ({file}). If they are day first, import again with the parameter dateOrder=dmy} other {column “{column}”: its dates read both ways; they were read day first (DD/MM/YYYY), the order the last file of this kind imported showed ({file}). If they are month first, import again with the parameter dateOrder=mdy}}',
    'importWarning.date_order_assumed':
      '{count, plural, one {column “{column}”: # date such as {value} reads both ways; it was read day first (DD/MM/YYYY). If it is month first, import again with --date-order mdy} other {column “{column}”: # dates such as {value} read both ways; they were read day first (DD/MM/YYYY). If they are month first, import again with --date-order mdy}}',
    'importWarning.api.date_order_assumed':
      '{count, plural, one {column “{column}”: # date such as {value} reads both ways; it was read day first (DD/MM/YYYY). If it is month first, import again with the parameter dateOrder=mdy} other {column “{column}”: # dates such as {value} read both ways; they were read day first (DD/MM/YYYY). If they are month first, import again with the parameter dateOrder=mdy}}',
    'importWarning.disputes_skipped_settled':
      '{count, plural, one {# invoice said to be disputed is already settled: no dispute was opened on it} other {# invoices said to be disputed are already settled: no dispute was opened on them}}',
    'importWarning.channel_column_left_out':
      'invoice channel column ignored: “{value}” (line {line}) is neither paper nor electronic; channels already stored are kept',
    'importWarning.file_has_no_rows':
      'the file has no rows: only the header line was read, nothing was imported',
    'importWarning.column_ignored': 'column “{column}” ignored: no field is read from it',
    'importWarning.column_ignored_near': 'column “{column}” ignored (closest known header: “{suggestion}”)',
    'importWarning.column_ignored_field_taken':
      'column “{column}” ignored: its field is read from column “{other}”',
  },
} as const;
