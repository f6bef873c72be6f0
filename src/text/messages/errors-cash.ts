/**
 * Errors of cash application (receipts, matches, splits, bounced payments, reconciliations) and of
 * the cash commands, as a person reads them (raised as `new DomainError(code, { key, params })`);
 * `errors.cash.allocation` words the ledger's allocation rules for every area that matches.
 */
export const errorsCash = {
  fr: {
    'errors.cash.onePartPerCustomer': 'Chaque client reçoit une seule part de l’encaissement',
    'errors.cash.partPositive': 'Chaque part de l’encaissement est un montant positif',
    'errors.cash.partsTotal': 'Les parts totalisent {total}, et non les {amount} de l’encaissement',
    'errors.cash.notForSalesperson':
      '{what, select, unapplied {Les encaissements non affectés ne sont pas restreints} bankLines {Les lignes bancaires ne sont pas restreintes} reconciliations {Les rapprochements ne sont pas restreints} other {Les encaissements bancaires ne sont pas restreints}} au portefeuille d’un commercial',
    'errors.cash.notADate':
      '{field, select, asOf {La date d’arrêté} from {La date de début} other {La date}} s’écrit AAAA-MM-JJ (reçu : « {value} »)',
    'errors.cash.noBankReceipt': 'Aucun encaissement bancaire n° {id}',
    'errors.cash.nothingToBounce':
      'L’encaissement n° {id} n’est pas lettré : aucun règlement ne peut revenir impayé',
    'errors.cash.noPaymentOfReceipt': 'Aucun règlement pour l’encaissement n° {id}',
    'errors.cash.nameBounce': 'Indiquez l’encaissement ou le règlement revenu impayé',
    'errors.cash.noPayment': 'Aucun règlement {ref}',
    'errors.cash.noDemoStatement':
      'Le relevé de démonstration n’existe que pour la société de démonstration SA CB2C : la société {company} n’a pas les factures qu’il règle',
    'errors.cash.severalPayments': 'Plusieurs règlements portent la référence {ref}',
    'errors.cash.noReturnLine': 'Aucune ligne d’impayé n° {id} au relevé',
    'errors.cash.returnRecorded': 'L’impayé n° {id} est déjà enregistré',
    'errors.cash.returnAmount': 'L’impayé n° {id} ({returned}) n’est pas du montant du règlement ({paid})',
    'errors.cash.threshold': 'Le seuil est un nombre entier de 1 à 100',
    'errors.cash.fee': 'Les frais d’impayé sont un montant positif ou nul',
    'errors.cash.bounceBefore': 'Un règlement ne peut revenir impayé avant le {date}',
    'errors.cash.alreadyBounced': 'Le règlement {ref} est déjà enregistré comme impayé',
    'errors.cash.noBankTransaction': 'Aucune opération bancaire n° {id}',
    'errors.cash.alreadyApplied': 'L’encaissement n° {id} est déjà lettré : annulez d’abord ce lettrage',
    'errors.cash.recordedTaken':
      'Le paiement {ref} est déjà rapproché d’un autre mouvement bancaire : l’encaissement n° {id} ne peut pas être lettré sur lui',
    'errors.cash.notAReceipt': 'L’opération n° {id} n’est pas un encaissement',
    'errors.cash.noSuggestion': 'Aucune proposition n° {rank} pour l’encaissement n° {id}',
    'errors.cash.writeOff': 'L’écart passé en perte est un montant positif ou nul',
    'errors.cash.notOpenItem': '{ref} n’est pas une pièce ouverte du client {customer} en {currency}',
    'errors.cash.notApplied': 'L’encaissement n° {id} n’est pas lettré',
    'errors.cash.otherCustomer': 'La pièce n° {documentId} appartient à un autre client',
    'errors.cash.documentNotOpen':
      'La pièce n° {documentId} n’est pas une pièce ouverte du client {customer}',
    'errors.cash.allocationRefused':
      '{ref, select, none {Lettrage refusé} other {Lettrage de {ref} refusé}} : {reasons}',
    'errors.cash.allocation':
      '{code, select, not_debit {la pièce n° {documentId} n’est pas au débit} not_credit {la pièce n° {documentId} n’est pas au crédit} customers_differ {les deux pièces sont de clients différents} currencies_differ {les deux pièces sont dans des devises différentes} invalid_amount {le montant n’est pas valable} invalid_date {la date de lettrage n’est pas valable} before_issue {le lettrage précède l’émission de la pièce n° {documentId}} exceeds_open {le montant de {amount} dépasse les {available} restant ouverts sur la pièce n° {documentId}} other {une règle du grand livre l’interdit}}',
    'errors.cash.jobPayload': 'Les paramètres de la tâche « {job} » s’écrivent comme un objet JSON',
    'errors.cash.autoFlag': 'Le champ auto vaut true ou false',
    'errors.cash.periodReversed': 'La période commence le {from}, après sa fin le {to}',
    'errors.cash.unknownView': 'Vue inconnue : {view}',
    'errors.cash.bankFileRejected': '{file} : {reason}',
    'errors.cash.splitTwo':
      'Une répartition nomme au moins deux clients (un seul client : corrigez le lettrage)',
    'errors.cash.splitOnce': 'Chaque client apparaît une seule fois dans une répartition',
    'errors.cash.partOfPositive': 'La part de {customer} doit être un montant positif',
    'errors.cash.option.positive':
      '{what, select, transaction {Numéro d’opération} part {Montant de la part de {customer}} other {{what}}} : nombre entier positif attendu, reçu « {value} »',
    'errors.cash.option.part': 'Une part s’écrit CODE=MONTANT_EN_CENTIMES[:RÉF,RÉF…], reçu « {value} »',
  },
  en: {
    'errors.cash.onePartPerCustomer': 'Each customer gets one part of the receipt',
    'errors.cash.partPositive': 'Every part of the receipt is a positive amount',
    'errors.cash.partsTotal': 'The parts add up to {total}, not the receipt’s {amount}',
    'errors.cash.notForSalesperson':
      '{what, select, unapplied {Unapplied cash is} bankLines {Bank lines are} reconciliations {Reconciliations are} other {Bank receipts are}} not narrowed to a salesperson',
    'errors.cash.notADate':
      '{field, select, asOf {The as-of date} from {The start date} other {The date}} must be a date YYYY-MM-DD (got "{value}")',
    'errors.cash.noBankReceipt': 'No bank receipt no. {id}',
    'errors.cash.nothingToBounce': 'Receipt no. {id} is not applied: nothing to bounce',
    'errors.cash.noPaymentOfReceipt': 'No payment for receipt no. {id}',
    'errors.cash.nameBounce': 'Name the receipt or the payment that bounced',
    'errors.cash.noPayment': 'No payment {ref}',
    'errors.cash.noDemoStatement':
      'The demo statement exists only for the demo company SA CB2C: company {company} does not hold the invoices it pays',
    'errors.cash.severalPayments': 'Several payments are named {ref}',
    'errors.cash.noReturnLine': 'No return line no. {id} in the statements',
    'errors.cash.returnRecorded': 'Return no. {id} is already recorded',
    'errors.cash.returnAmount': 'Return no. {id} ({returned}) is not the payment’s amount ({paid})',
    'errors.cash.threshold': 'The threshold is a whole number from 1 to 100',
    'errors.cash.fee': 'The fee is an amount of zero or more',
    'errors.cash.bounceBefore': 'A payment cannot bounce before {date}',
    'errors.cash.alreadyBounced': 'Payment {ref} is already recorded as bounced',
    'errors.cash.noBankTransaction': 'No bank transaction no. {id}',
    'errors.cash.alreadyApplied': 'Receipt no. {id} is already applied: reverse it first',
    'errors.cash.recordedTaken':
      'Payment {ref} is already matched to another bank line: receipt no. {id} cannot be applied to it',
    'errors.cash.notAReceipt': 'Transaction no. {id} is not a receipt',
    'errors.cash.noSuggestion': 'No suggestion no. {rank} for receipt no. {id}',
    'errors.cash.writeOff': 'The write-off is an amount of zero or more',
    'errors.cash.notOpenItem': '{ref} is not an open item of customer {customer} in {currency}',
    'errors.cash.notApplied': 'Receipt no. {id} is not applied',
    'errors.cash.otherCustomer': 'Document no. {documentId} belongs to another customer',
    'errors.cash.documentNotOpen': 'Document no. {documentId} is not an open item of customer {customer}',
    'errors.cash.allocationRefused':
      '{ref, select, none {Matching refused} other {Matching of {ref} refused}}: {reasons}',
    'errors.cash.allocation':
      '{code, select, not_debit {document no. {documentId} is not a debit} not_credit {document no. {documentId} is not a credit} customers_differ {the two documents belong to different customers} currencies_differ {the two documents are in different currencies} invalid_amount {the amount is not valid} invalid_date {the matching date is not valid} before_issue {the matching is dated before document no. {documentId} was issued} exceeds_open {the amount of {amount} exceeds the {available} still open on document no. {documentId}} other {a ledger rule forbids it}}',
    'errors.cash.jobPayload': 'The payload of the job "{job}" is a JSON object',
    'errors.cash.autoFlag': 'The auto field must be true or false',
    'errors.cash.periodReversed': 'The period starts on {from}, after it ends on {to}',
    'errors.cash.unknownView': 'Unknown view: {view}',
    'errors.cash.bankFileRejected': '{file}: {reason}',
    'errors.cash.splitTwo': 'A split names two customers or more (one customer: correct the match)',
    'errors.cash.splitOnce': 'Each customer appears once in a split',
    'errors.cash.partOfPositive': 'The part of {customer} is a positive amount',
    'errors.cash.option.positive':
      '{what, select, transaction {The transaction number} part {The amount of the part of {customer}} other {{what}}} must be a positive whole number, got {value}',
    'errors.cash.option.part': 'A part is CODE=AMOUNT_MINOR[:REF,REF…], got {value}',
  },
} as const;
