/**
 * Cash: bank statement import (problems and notices), cash application (evidence, methods,
 * decisions), the workbench page and the CLI. Problem keys are the importers' codes
 * (`cashProblem.<code>`), evidence keys the core's codes (`cashEvidence.<code>`).
 */
export const cash = {
  fr: {
    'cashProblem.xml_doctype_refused':
      'fichier refusé : il contient une déclaration de type de document (DTD/ENTITY), qu’aucun relevé bancaire n’utilise',
    'cashProblem.xml_malformed': 'XML mal formé : {message}',
    'cashProblem.camt_unknown_message':
      'message ISO 20022 non pris en charge : attendu un relevé camt.053 (BkToCstmrStmt) ou une notification camt.054',
    'cashProblem.camt_unsupported_version': 'version camt {version} non prise en charge (versions 2 à 8)',
    'cashProblem.bank_no_statement': 'le fichier ne contient aucun relevé',
    'cashProblem.bank_invalid_iban': 'IBAN invalide « {iban} » (relevé {statement})',
    'cashProblem.bank_invalid_currency': 'devise invalide « {value} » ({where})',
    'cashProblem.bank_invalid_amount':
      'montant invalide « {value} » en {currency} ({where}) : pas un nombre, ou des décimales non nulles au-delà de la devise',
    'cashProblem.bank_invalid_indicator': 'sens crédit/débit absent ou invalide ({where})',
    'cashProblem.cfonb_invalid_date': 'date invalide « {value} » ({field}) : attendu JJMMAA',
    'cashProblem.cfonb_orphan_detail': 'enregistrement 05 sans opération 04 avant lui',
    'cashProblem.cfonb_outside_statement':
      'enregistrement hors relevé : un 01 doit ouvrir le relevé et un 07 le fermer',
    'cashProblem.cfonb_unclosed_statement': 'relevé ouvert par ce 01 jamais fermé par un 07',
    'cashProblem.cfonb_unknown_record': 'type d’enregistrement inconnu « {code} » (attendu 01, 04, 05 ou 07)',
    'cashProblem.ofx_no_root': 'fichier OFX sans élément <OFX>',
    'cashProblem.bank_unknown_format':
      'format de relevé non reconnu : attendu camt.053, camt.054, CFONB 120 ou OFX',
    'cashProblem.bank_file_too_large': 'fichier trop volumineux pour un relevé (plus de {maxMegabytes} Mo)',
    'cashProblem.statement_unbalanced':
      'le relevé {statement} ne s’équilibre pas : solde d’ouverture {opening} + mouvements {entries} = {expected}, mais solde de clôture {closing} (écart {difference})',
    'cashProblem.statement_currency_mismatch':
      'le relevé {statement} ouvre en {openingCurrency} et ferme en {closingCurrency}',
    'cashProblem.entry_currency_mismatch':
      'le relevé {statement} (compte en {accountCurrency}) contient un mouvement en {currency}',
    'cashProblem.entry_without_date':
      'le relevé {statement} contient un mouvement sans date de comptabilisation',
    'cash.notice.accountCreated': 'Compte bancaire {account} inconnu : créé.',
    'cash.notice.statementKnown': 'Relevé {statement} déjà importé : ses mouvements connus sont ignorés.',
    'cash.notice.noOpeningBalance':
      'Relevé {statement} : le fichier ne donne pas de solde d’ouverture, l’équilibre ne peut pas être vérifié.',
    'cash.notice.pendingSkipped':
      '{count, plural, one {# mouvement non comptabilisé ignoré} other {# mouvements non comptabilisés ignorés}} (relevé {statement}).',
    'cash.import.summary':
      '{file} ({format}) : {statements, plural, one {# relevé} other {# relevés}}, {inserted, plural, =0 {aucun mouvement nouveau} one {# mouvement nouveau} other {# mouvements nouveaux}}, {known, plural, =0 {aucun déjà connu} one {# déjà connu} other {# déjà connus}}.',
    'cash.import.statement':
      '  {account} ({currency}) : {opening} → {closing}, {count, plural, one {# mouvement} other {# mouvements}}',
    'cash.import.dryRun': 'Simulation : rien n’a été enregistré.',
    'cashEvidence.learned_iban':
      'IBAN {iban} déjà rapproché de ce client ({confirmations, plural, one {# fois} other {# fois}})',
    'cashEvidence.learned_name':
      'Nom du payeur déjà rapproché de ce client ({confirmations, plural, one {# fois} other {# fois}})',
    'cashEvidence.invoice_reference': 'Référence de facture {ref} dans le libellé',
    'cashEvidence.reference_digits': 'Numéro de la facture {ref} dans le libellé',
    'cashEvidence.reference_year_number': 'Facture {ref} citée par son numéro et son année ({typed})',
    'cashEvidence.reference_padded':
      'Référence de facture {ref} dans le libellé, écrite avec des zéros en plus ({typed})',
    'cashEvidence.customer_code': 'Code client {customerCode} dans le libellé',
    'cashEvidence.counterparty_name':
      'Nom du payeur proche du nom du client ({similarityPct, number, ::percent scale/0.01})',
    'cashEvidence.name_in_label':
      'Nom du client dans le libellé ({similarityPct, number, ::percent scale/0.01})',
    'cashEvidence.amount_only': 'Seul indice : un impayé de ce client a exactement ce montant',
    'cashEvidence.references_amount_exact': 'Montant égal au total des factures citées ({refs})',
    'cashEvidence.references_small_difference': 'Factures citées ({refs}) réglées à {differenceMinor} près',
    'cashEvidence.partial_payment': 'Paiement partiel des factures citées ({refs}, {openMinor} dus)',
    'cashEvidence.overpayment': 'Trop-perçu sur les factures citées ({refs}) : {unappliedMinor} non affectés',
    'cashEvidence.exact_amount': 'Montant égal au reste dû de la facture {ref}',
    'cashEvidence.same_amount_several':
      '{count} factures de ce montant : la plus ancienne ({ref}) est proposée',
    'cashEvidence.combination': 'Montant égal à la somme de {count} pièces ouvertes',
    'cashEvidence.combination_ambiguous':
      'Montant égal à plusieurs combinaisons de pièces ({count} proposées)',
    'cashEvidence.small_difference': 'Écart de {differenceMinor} passé en frais bancaires',
    'cashEvidence.discount': 'Écart de {differenceMinor} égal à un escompte de {rateBps}',
    'cashEvidence.oldest_first': 'Aucune facture reconnue : affectation aux {count} plus anciennes',
    'cashEvidence.nothing_open': 'Aucune pièce ouverte : montant laissé non affecté',
    'cashEvidence.other_customer_close': 'Un autre client ({customerCode}) est presque aussi probable',
    'cashEvidence.chosen_by_user': 'Choisi par un utilisateur',
    'cashEvidence.group_receipt':
      'Encaissement de groupe : {customers, plural, one {# client} other {# clients}} du groupe {parentCode} réglés par un seul paiement',
    'cashEvidence.split_by_user': 'Réparti par un utilisateur entre {customers} clients',
    'cashMethod.references': 'Factures citées',
    'cashMethod.exact_amount': 'Montant exact',
    'cashMethod.combination': 'Combinaison',
    'cashMethod.tolerance': 'Écart toléré',
    'cashMethod.discount': 'Escompte',
    'cashMethod.oldest_first': 'Plus anciennes d’abord',
    'cashMethod.unapplied': 'Non affecté',
    'cashMethod.group': 'Encaissement de groupe',
    'cashMethod.recorded': 'Paiement déjà enregistré',
    'cashEvidence.recorded_payment':
      'Déjà enregistré : paiement {ref} du même montant, {days, plural, =0 {le même jour} one {à # jour d’écart} other {à # jours d’écart}}',
    'cashOutcome.applied': 'Lettré',
    'cashOutcome.suggested': 'Suggéré',
    'cashOutcome.unmatched': 'Sans piste',
    'writeOffReason.bank_charges': 'Frais bancaires',
    'writeOffReason.discount': 'Escompte',
    'auditAction.bank.import': 'Import de relevé bancaire',
    'auditAction.cash.apply': 'Lettrage d’un encaissement',
    'auditAction.cash.reverse': 'Annulation d’un lettrage d’encaissement',
    'auditEntity.bank_statement': 'Relevé bancaire',
    'auditEntity.bank_transaction': 'Mouvement bancaire',
    'eventKind.bounced_payment': 'Paiement impayé',
    'cash.match.summary':
      '{receipts, plural, =0 {Aucun encaissement à lettrer.} one {# encaissement} other {# encaissements}} : {applied} lettrés automatiquement (seuil {threshold, number, ::percent scale/0.01}), {suggested} suggérés, {unmatched} sans piste.',
    'cash.match.line':
      '  n° {id} {amount} → {customer} {confidence, number, ::percent scale/0.01} ({method}) {invoices}',
    'cash.accepted': 'Encaissement n° {id} lettré sur {customer}.',
    'cash.reversed':
      'Lettrage de l’encaissement n° {id} annulé ({count, plural, one {# affectation contrepassée} other {# affectations contrepassées}}).',
    'cash.page.title': 'Encaissements',
    'cash.page.intro':
      'Relevés bancaires importés : les encaissements reconnus sont lettrés, les autres attendent votre choix parmi les suggestions classées.',
    'cash.page.import': 'Importer un relevé (camt.053/054, CFONB 120, OFX)',
    'cash.page.importShort': 'Importer un relevé',
    'cash.page.match': 'Lettrer automatiquement',
    'cash.page.toApply': 'À lettrer',
    'cash.page.applied': 'Lettrés',
    'cash.page.date': 'Date',
    'cash.page.payer': 'Payeur',
    'cash.page.label': 'Libellé',
    'cash.page.amount': 'Montant',
    'cash.page.confidence': 'Confiance',
    'cash.page.invoices': 'Pièces',
    'cash.page.evidence': 'Indices',
    'cash.page.accept': 'Accepter',
    'cash.page.correct': 'Corriger',
    'cash.page.reverse': 'Annuler le lettrage',
    'cash.page.noSuggestion': 'Aucune suggestion',
    'cash.page.none': 'Aucun encaissement.',
    'cash.page.correctTitle': 'Corriger le lettrage',
    'cash.page.writeOff': 'Écart à passer en perte (montant)',
    'cash.page.save': 'Lettrer',
    'cash.page.matched': '{applied} lettrés, {suggested} suggérés, {unmatched} sans piste.',
    'cash.page.imported': '{inserted} mouvements importés, {known} déjà connus.',
    'cash.page.unapplied': 'Non affecté : {amount}',
    'cash.page.writeOffLine': 'Écart passé en perte : {amount} ({reason})',
    'cash.page.partLine': '{customer} : {amount}{invoices}',
    'cash.page.split': 'Répartir entre plusieurs clients',
    'cash.page.splitTitle': 'Répartir l’encaissement entre plusieurs clients',
    'cash.page.partAmount': 'Montant pour ce client',
    'cash.page.addPart': 'Ajouter un client',
    'cash.page.removePart': 'Retirer',
    'cash.page.splitRest': 'Reste à répartir : {amount}',
    'cash.split.done': 'Encaissement n° {id} réparti entre {count} clients.',
    'cash.page.matchRunning':
      '{status, select, queued {Lettrage automatique en attente de démarrage…} other {Lettrage automatique en cours…}} La liste se mettra à jour dès qu’il sera terminé.',
    'cash.page.matchJobDone':
      'Lettrage automatique terminé : {applied, plural, =0 {aucun encaissement lettré} one {# encaissement lettré} other {# encaissements lettrés}}, {suggested} suggérés, {unmatched} sans piste.',
    'cash.page.matchJobFailed': 'Le lettrage automatique a échoué : {error}',
    'cash.page.awaitingMatch': 'En attente du lettrage automatique…',
    'cash.page.reverseTitle': 'Annuler le lettrage ?',
    'cash.page.reverseBody':
      'L’encaissement de {amount} du {date} redeviendra à lettrer, et le règlement enregistré sera annulé.',
    'cash.page.reverseReopens':
      '{count, plural, one {Cette pièce sera rouverte :} other {Ces # pièces seront rouvertes :}}',
    'cash.page.reverseNothing': 'Aucune pièce n’avait été réglée : le montant restait non affecté.',
    'cash.page.reverseKeep': 'Garder le lettrage',
    'cash.page.reversedDone':
      'Lettrage annulé : l’encaissement est de nouveau à lettrer, {suggestions, plural, =0 {sans suggestion} one {avec # suggestion} other {avec # suggestions}}.',
    'cash.page.how': 'Lettrage',
    'cash.page.how.auto': 'Automatique, confiance {confidence}',
    'cash.page.how.accepted': 'Suggestion à {confidence} acceptée par {who}',
    'cash.page.how.corrected': 'À la main, par {who}',
    'cash.page.settledNothing': 'Aucune pièce réglée : montant non affecté',
    'cash.page.recordedLink': 'Lié au règlement enregistré {ref}',
    'cash.page.recordedSettlesNothing': 'Ce règlement n’est affecté à aucune pièce',
    'cash.page.reverseRecordedBody':
      'L’encaissement de {amount} du {date} redeviendra à lettrer : son lien au règlement enregistré {ref} sera défait. Ce règlement est conservé, tel que la comptabilité l’a enregistré.',
    'cash.page.reverseRecordedKeeps':
      '{count, plural, =0 {Ce règlement n’est affecté à aucune pièce.} one {La pièce qu’il règle le reste :} other {Les # pièces qu’il règle le restent :}}',
    'cash.page.reversedRecordedDone':
      'Lien défait : le règlement enregistré {ref} est conservé, et l’encaissement est de nouveau à lettrer, {suggestions, plural, =0 {sans suggestion} one {avec # suggestion} other {avec # suggestions}}.',
    'cash.page.customerSearch': 'Client (nom ou code)',
    'cash.page.customerSearchHint': 'Tapez le nom ou le code ; un code tapé en entier est accepté tel quel.',
    'cash.page.itemsPick': 'Pièces à régler',
    'cash.page.itemsPickHint':
      'Choisissez parmi les pièces ouvertes du client, ou tapez une référence puis Entrée.',
    'cash.page.itemOption': '{ref} — {amount} dus, échéance le {due}',
    'cash.page.noOpenItem': 'Aucune pièce ouverte pour ce client.',
    'cash.page.chosenTotal': 'Pièces choisies : {chosen} pour un encaissement de {receipt}',
  },
  en: {
    'cashProblem.xml_doctype_refused':
      'file refused: it contains a document type declaration (DTD/ENTITY), which no bank statement uses',
    'cashProblem.xml_malformed': 'malformed XML: {message}',
    'cashProblem.camt_unknown_message':
      'unsupported ISO 20022 message: expected a camt.053 statement (BkToCstmrStmt) or a camt.054 notification',
    'cashProblem.camt_unsupported_version': 'camt version {version} is not supported (versions 2 to 8)',
    'cashProblem.bank_no_statement': 'the file holds no statement',
    'cashProblem.bank_invalid_iban': 'invalid IBAN "{iban}" (statement {statement})',
    'cashProblem.bank_invalid_currency': 'invalid currency "{value}" ({where})',
    'cashProblem.bank_invalid_amount':
      'invalid amount "{value}" in {currency} ({where}): not a number, or non-zero decimals beyond the currency',
    'cashProblem.bank_invalid_indicator': 'credit/debit indicator missing or invalid ({where})',
    'cashProblem.cfonb_invalid_date': 'invalid date "{value}" ({field}): expected DDMMYY',
    'cashProblem.cfonb_orphan_detail': '05 record with no 04 operation before it',
    'cashProblem.cfonb_outside_statement': 'record outside a statement: a 01 must open it and a 07 close it',
    'cashProblem.cfonb_unclosed_statement': 'statement opened by this 01 is never closed by a 07',
    'cashProblem.cfonb_unknown_record': 'unknown record type "{code}" (expected 01, 04, 05 or 07)',
    'cashProblem.ofx_no_root': 'OFX file without an <OFX> element',
    'cashProblem.bank_unknown_format':
      'statement format not recognised: expected camt.053, camt.054, CFONB 120 or OFX',
    'cashProblem.bank_file_too_large': 'file too large for a statement (over {maxMegabytes} MB)',
    'cashProblem.statement_unbalanced':
      'statement {statement} does not balance: opening balance {opening} + entries {entries} = {expected}, but closing balance {closing} (difference {difference})',
    'cashProblem.statement_currency_mismatch':
      'statement {statement} opens in {openingCurrency} and closes in {closingCurrency}',
    'cashProblem.entry_currency_mismatch':
      'statement {statement} (account in {accountCurrency}) holds an entry in {currency}',
    'cashProblem.entry_without_date': 'statement {statement} holds an entry without a booking date',
    'cash.notice.accountCreated': 'Bank account {account} was unknown: created.',
    'cash.notice.statementKnown': 'Statement {statement} already imported: its known entries are skipped.',
    'cash.notice.noOpeningBalance':
      'Statement {statement}: the file gives no opening balance, so its balance cannot be checked.',
    'cash.notice.pendingSkipped':
      '{count, plural, one {# entry not booked} other {# entries not booked}} skipped (statement {statement}).',
    'cash.import.summary':
      '{file} ({format}): {statements, plural, one {# statement} other {# statements}}, {inserted, plural, =0 {no new entry} one {# new entry} other {# new entries}}, {known, plural, =0 {none already known} one {# already known} other {# already known}}.',
    'cash.import.statement':
      '  {account} ({currency}): {opening} → {closing}, {count, plural, one {# entry} other {# entries}}',
    'cash.import.dryRun': 'Dry run: nothing was written.',
    'cashEvidence.learned_iban':
      'IBAN {iban} matched to this customer before ({confirmations, plural, one {# time} other {# times}})',
    'cashEvidence.learned_name':
      'Payer name matched to this customer before ({confirmations, plural, one {# time} other {# times}})',
    'cashEvidence.invoice_reference': 'Invoice reference {ref} in the text',
    'cashEvidence.reference_digits': 'Number of invoice {ref} in the text',
    'cashEvidence.reference_year_number': 'Invoice {ref} named by its number and year ({typed})',
    'cashEvidence.reference_padded':
      'Invoice reference {ref} in the text, written with extra zeros ({typed})',
    'cashEvidence.customer_code': 'Customer code {customerCode} in the text',
    'cashEvidence.counterparty_name':
      'Payer name close to the customer’s ({similarityPct, number, ::percent scale/0.01})',
    'cashEvidence.name_in_label': 'Customer name in the text ({similarityPct, number, ::percent scale/0.01})',
    'cashEvidence.amount_only': 'Only lead: an open item of this customer has exactly this amount',
    'cashEvidence.references_amount_exact': 'Amount equals the total of the invoices named ({refs})',
    'cashEvidence.references_small_difference': 'Invoices named ({refs}) paid within {differenceMinor}',
    'cashEvidence.partial_payment': 'Part payment of the invoices named ({refs}, {openMinor} due)',
    'cashEvidence.overpayment': 'Overpayment on the invoices named ({refs}): {unappliedMinor} unapplied',
    'cashEvidence.exact_amount': 'Amount equals what is due on invoice {ref}',
    'cashEvidence.same_amount_several': '{count} invoices of this amount: the oldest ({ref}) is proposed',
    'cashEvidence.combination': 'Amount equals the sum of {count} open items',
    'cashEvidence.combination_ambiguous': 'Amount equals several combinations of items ({count} proposed)',
    'cashEvidence.small_difference': 'Difference of {differenceMinor} written off as bank charges',
    'cashEvidence.discount': 'Difference of {differenceMinor} equals a {rateBps} discount',
    'cashEvidence.oldest_first': 'No invoice recognised: applied to the {count} oldest',
    'cashEvidence.nothing_open': 'Nothing open: amount left unapplied',
    'cashEvidence.other_customer_close': 'Another customer ({customerCode}) is nearly as likely',
    'cashEvidence.chosen_by_user': 'Chosen by a user',
    'cashEvidence.group_receipt':
      'Group receipt: {customers, plural, one {# customer} other {# customers}} of group {parentCode} paid by one payment',
    'cashEvidence.split_by_user': 'Split by a user between {customers} customers',
    'cashMethod.references': 'Invoices named',
    'cashMethod.exact_amount': 'Exact amount',
    'cashMethod.combination': 'Combination',
    'cashMethod.tolerance': 'Within tolerance',
    'cashMethod.discount': 'Discount',
    'cashMethod.oldest_first': 'Oldest first',
    'cashMethod.unapplied': 'Unapplied',
    'cashMethod.group': 'Group receipt',
    'cashMethod.recorded': 'Payment already recorded',
    'cashEvidence.recorded_payment':
      'Already recorded: payment {ref} of the same amount, {days, plural, =0 {the same day} one {# day apart} other {# days apart}}',
    'cashOutcome.applied': 'Applied',
    'cashOutcome.suggested': 'Suggested',
    'cashOutcome.unmatched': 'No lead',
    'writeOffReason.bank_charges': 'Bank charges',
    'writeOffReason.discount': 'Discount',
    'auditAction.bank.import': 'Bank statement import',
    'auditAction.cash.apply': 'Receipt applied',
    'auditAction.cash.reverse': 'Receipt match reversed',
    'auditEntity.bank_statement': 'Bank statement',
    'auditEntity.bank_transaction': 'Bank transaction',
    'eventKind.bounced_payment': 'Bounced payment',
    'cash.match.summary':
      '{receipts, plural, =0 {No receipt to apply.} one {# receipt} other {# receipts}}: {applied} applied automatically (threshold {threshold, number, ::percent scale/0.01}), {suggested} suggested, {unmatched} without a lead.',
    'cash.match.line':
      '  #{id} {amount} → {customer} {confidence, number, ::percent scale/0.01} ({method}) {invoices}',
    'cash.accepted': 'Receipt #{id} applied to {customer}.',
    'cash.reversed':
      'Match of receipt #{id} reversed ({count, plural, one {# allocation reversed} other {# allocations reversed}}).',
    'cash.page.title': 'Receipts',
    'cash.page.intro':
      'Imported bank statements: receipts recognised are applied, the others wait for your choice among the ranked suggestions.',
    'cash.page.import': 'Import a statement (camt.053/054, CFONB 120, OFX)',
    'cash.page.importShort': 'Import a statement',
    'cash.page.match': 'Apply automatically',
    'cash.page.toApply': 'To apply',
    'cash.page.applied': 'Applied',
    'cash.page.date': 'Date',
    'cash.page.payer': 'Payer',
    'cash.page.label': 'Text',
    'cash.page.amount': 'Amount',
    'cash.page.confidence': 'Confidence',
    'cash.page.invoices': 'Items',
    'cash.page.evidence': 'Evidence',
    'cash.page.accept': 'Accept',
    'cash.page.correct': 'Correct',
    'cash.page.reverse': 'Reverse the match',
    'cash.page.noSuggestion': 'No suggestion',
    'cash.page.none': 'No receipt.',
    'cash.page.correctTitle': 'Correct the match',
    'cash.page.writeOff': 'Difference to write off (amount)',
    'cash.page.save': 'Apply',
    'cash.page.matched': '{applied} applied, {suggested} suggested, {unmatched} without a lead.',
    'cash.page.imported': '{inserted} entries imported, {known} already known.',
    'cash.page.unapplied': 'Unapplied: {amount}',
    'cash.page.writeOffLine': 'Written off: {amount} ({reason})',
    'cash.page.partLine': '{customer}: {amount}{invoices}',
    'cash.page.split': 'Split between customers',
    'cash.page.splitTitle': 'Split the receipt between customers',
    'cash.page.partAmount': 'Amount for this customer',
    'cash.page.addPart': 'Add a customer',
    'cash.page.removePart': 'Remove',
    'cash.page.splitRest': 'Left to split: {amount}',
    'cash.split.done': 'Receipt no. {id} split between {count} customers.',
    'cash.page.matchRunning':
      '{status, select, queued {Automatic matching waiting to start…} other {Automatic matching in progress…}} The list will update as soon as it ends.',
    'cash.page.matchJobDone':
      'Automatic matching done: {applied, plural, =0 {no receipt applied} one {# receipt applied} other {# receipts applied}}, {suggested} suggested, {unmatched} without a lead.',
    'cash.page.matchJobFailed': 'Automatic matching failed: {error}',
    'cash.page.awaitingMatch': 'Waiting for automatic matching…',
    'cash.page.reverseTitle': 'Reverse the match?',
    'cash.page.reverseBody':
      'The receipt of {amount} of {date} will wait to be applied again, and the payment recorded will be cancelled.',
    'cash.page.reverseReopens':
      '{count, plural, one {This item will reopen:} other {These # items will reopen:}}',
    'cash.page.reverseNothing': 'No item was settled: the amount was left unapplied.',
    'cash.page.reverseKeep': 'Keep the match',
    'cash.page.reversedDone':
      'Match reversed: the receipt waits to be applied again, {suggestions, plural, =0 {with no suggestion} one {with # suggestion} other {with # suggestions}}.',
    'cash.page.how': 'Match',
    'cash.page.how.auto': 'Automatic, confidence {confidence}',
    'cash.page.how.accepted': '{confidence} suggestion accepted by {who}',
    'cash.page.how.corrected': 'By hand, by {who}',
    'cash.page.settledNothing': 'No item settled: amount left unapplied',
    'cash.page.recordedLink': 'Linked to recorded payment {ref}',
    'cash.page.recordedSettlesNothing': 'This payment is allocated to no item',
    'cash.page.reverseRecordedBody':
      'The receipt of {amount} on {date} will wait to be applied again: its link to recorded payment {ref} will be undone. That payment is kept, as the accounting recorded it.',
    'cash.page.reverseRecordedKeeps':
      '{count, plural, =0 {This payment is allocated to no item.} one {The item it settles stays settled:} other {The # items it settles stay settled:}}',
    'cash.page.reversedRecordedDone':
      'Link undone: recorded payment {ref} is kept, and the receipt waits to be applied again, {suggestions, plural, =0 {with no suggestion} one {with # suggestion} other {with # suggestions}}.',
    'cash.page.customerSearch': 'Customer (name or code)',
    'cash.page.customerSearchHint': 'Type the name or the code; a whole code typed is taken as it is.',
    'cash.page.itemsPick': 'Items to settle',
    'cash.page.itemsPickHint': 'Choose among the customer’s open items, or type a reference and press Enter.',
    'cash.page.itemOption': '{ref} — {amount} due on {due}',
    'cash.page.noOpenItem': 'No open item for this customer.',
    'cash.page.chosenTotal': 'Items chosen: {chosen} for a receipt of {receipt}',
  },
};
