/**
 * Errors of the legal area (hand-over to lawyers and agencies, write-offs, provision, factoring,
 * credit insurance, outsourcing, BODACC watch) and of its commands, as a person reads them
 * (raised as `new DomainError(code, { key, params })`). Codes given back as accepted input values
 * (`{allowed}`) are what the caller types, not words.
 */
export const errorsLegal = {
  fr: {
    'errors.legal.partnerName': 'Un partenaire a un nom',
    'errors.legal.partnerKind': 'Type de partenaire inconnu : « {kind} » (attendu : {allowed})',
    'errors.legal.partnerTerms': 'Conditions du partenaire refusées : {problems}',
    'errors.legal.partnerTerm':
      '{problem, select, commission_out_of_range {une commission est hors de 0 à 100 %} fee_invalid {un frais n’est pas un montant positif ou nul} other {une condition n’est pas valable}}',
    'errors.legal.unknownPartner': 'Aucun partenaire n° {partnerId}',
    'errors.legal.unknownFile': 'Aucun dossier contentieux LF-{fileId}',
    'errors.legal.unknownFileOn': 'Aucun dossier contentieux LF-{fileId} au {date}',
    'errors.legal.notOpenInvoice': '{ref} n’est pas une facture ouverte du client {customer}',
    'errors.legal.notOverdue': 'La facture {ref} n’est pas échue au {date}',
    'errors.legal.noOverdueInvoice': 'Le client {customer} n’a aucune facture échue',
    'errors.legal.onlyPendingNotice':
      '{count, plural, one {La seule facture échue du client {customer} relève} other {Les # factures échues du client {customer} relèvent}} d’une mise en demeure dont le délai de paiement court encore (la dernière, du {notice}, jusqu’au {deadline}) : aucune n’est transmise par défaut. Pour les transmettre quand même, nommez-les ou demandez à inclure les factures sous mise en demeure en cours.',
    'errors.legal.alreadyHandedOver':
      '{count, plural, one {Facture déjà transmise} other {Factures déjà transmises}} : {invoices}',
    'errors.legal.invoiceInFile': '{ref} (dossier LF-{fileId})',
    'errors.legal.stepAmount':
      '{field, select, recoveredMinor {Le montant recouvré} costsMinor {Le montant des frais avancés} other {Le reste dû selon le partenaire}} doit être un montant positif ou nul',
    'errors.legal.unknownStep': 'Étape inconnue : « {step} » (attendu : {allowed})',
    'errors.legal.notADate': '« {value} » n’est pas une date (AAAA-MM-JJ)',
    'errors.legal.stepBeforeHandover':
      'Dossier LF-{fileId} : une étape ne peut être datée d’avant la transmission du {date}',
    'errors.legal.noReport': 'Aucun compte rendu à enregistrer',
    'errors.legal.unknownPieces': 'Pièces inconnues : {unknown} (pièces à confirmer : {allowed})',
    'errors.legal.unknownClaimTask': 'Aucune déclaration de créance n° {claimId}',
    'errors.legal.claimRole':
      'Le rôle «\u00a0{role}\u00a0» ne permet pas {action, select, read {de consulter les déclarations de créances} letter {d’imprimer une lettre de déclaration de créance} other {de préparer ni d’enregistrer une déclaration de créance}} (réservé aux rôles {roles})',
    'errors.legal.notInProceedings':
      'Le client {customer} n’est pas en procédure collective au {asOf} : aucune créance à déclarer',
    'errors.legal.claimJudgmentDate':
      'Indiquer la date du jugement d’ouverture : seul le statut du client dit la procédure',
    'errors.legal.claimJudgmentAfter':
      'Le jugement du {judgment} est postérieur à la date de référence ({asOf})',
    'errors.legal.claimPublicationBefore':
      'La publication au BODACC ({publication}) ne peut précéder le jugement ({judgment})',
    'errors.legal.claimDeclaredBefore':
      'Une créance ne peut être déclarée le {date}, avant le jugement du {judgment}',
    'errors.legal.claimNotToDeclare':
      'La créance n° {claimId} est {status, select, declared {déjà déclarée (le {date})} other {annulée}}',
    'errors.legal.notOverdueInvoiceOf': '{ref} n’est pas une facture échue du client {customer}',
    'errors.legal.alreadyDeclared': 'La facture {ref} est déjà déclarée (sinistre n° {claimId})',
    'errors.legal.nothingToDeclare': 'Le client {customer} n’a aucune facture échue à déclarer',
    'errors.legal.noCover': 'Le client {customer} n’a aucune garantie d’assurance-crédit',
    'errors.legal.noPolicy': 'Aucune police enregistrée pour l’assureur {insurer}',
    'errors.legal.unknownInsuranceClaim': 'Aucun sinistre n° {claimId}',
    'errors.legal.claimStatus': 'Statut de sinistre inconnu : « {status} » (attendu : {allowed})',
    'errors.legal.indemnityAmount': 'Une indemnité reçue a un montant',
    'errors.legal.indemnityDate': 'Une indemnité reçue a une date (AAAA-MM-JJ)',
    'errors.legal.claimTransition':
      'Le sinistre n° {claimId} est au statut « {status} » : il ne peut passer au statut « {next} »',
    'errors.legal.policyInsurer': 'Une police nomme son assureur',
    'errors.legal.policyTerms': 'Conditions de la police refusées : {problems}',
    'errors.legal.policyTerm':
      '{problem, select, threatened_loss_days_out_of_range {le délai de déclaration de la menace de sinistre va de 1 à 365 jours} waiting_days_out_of_range {le délai de carence va de 0 à 730 jours} warning_days_out_of_range {l’alerte avant l’échéance de déclaration va de 0 à 120 jours} other {une condition n’est pas valable}}',
    'errors.legal.unknownWriteOff': 'Aucune proposition de passage en perte n° {proposalId}',
    'errors.legal.writeOffReason': 'Motif de passage en perte inconnu : « {reason} » (attendu : {allowed})',
    'errors.legal.writeOffWhy': 'Un passage en perte se justifie : indiquez un motif',
    'errors.legal.vatRate': 'Le taux de TVA s’exprime en points de base, de 0 à 10 000',
    'errors.legal.writeOffRefused': 'Passage en perte refusé : {problems}',
    'errors.legal.writeOffProblem':
      '{code, select, no_invoice {aucune facture indiquée} invoice_not_open {la facture {ref} n’est pas ouverte} invoice_twice {la facture {ref} est indiquée deux fois} amount_invalid {le montant indiqué pour {ref} n’est pas valable} amount_above_open {le montant indiqué pour {ref} dépasse son reste dû de {open}} other {la facture {ref} ne peut être passée en perte}}',
    'errors.legal.writeOffDecider':
      'Un passage en perte est décidé par un utilisateur de la société (CLI : --user EMAIL)',
    'errors.legal.notDocumentOf': 'La facture {ref} n’est pas une pièce du client {customer}',
    'errors.legal.rejectionWhy': 'Un refus se justifie : indiquez un commentaire',
    'errors.legal.writeOffDecided':
      'Le passage en perte n° {proposalId} est déjà {status, select, approved {approuvé} rejected {refusé} other {décidé}}',
    'errors.legal.writeOffSelf': 'La personne qui a proposé un passage en perte ne peut pas le décider',
    'errors.legal.writeOffRole': 'Ce passage en perte requiert le rôle {role} ou un rôle supérieur',
    'errors.legal.contractCode': 'Un code de contrat compte 1 à 40 lettres, chiffres, - ou _',
    'errors.legal.factorName': 'Indiquez le nom du factor',
    'errors.legal.termsOutOfRange': 'Conditions hors limites : {fields}',
    'errors.legal.factoringTerm':
      '{field, select, advanceRateBps {taux d’avance} commissionBps {taux de commission} financingRateBps {taux de financement} reserveRateBps {taux du fonds de garantie} feesVatRateBps {taux de TVA sur commission et frais} minCommissionMinor {commission minimale} feePerInvoiceMinor {frais par facture} feePerBatchMinor {frais par bordereau} recourseDays {délai de recours} collectionDelayDays {délai d’encaissement} dayCountBasis {base de calcul (360 ou 365 jours)} other {{field}}}',
    'errors.legal.notIban': '« {iban} » n’est pas un IBAN',
    'errors.legal.recourseDays': 'Un contrat avec recours indique après combien de jours le recours s’exerce',
    'errors.legal.unknownContract': 'Aucun contrat d’affacturage « {code} »',
    'errors.legal.noContractInForce': 'Aucun contrat d’affacturage « {code} » en vigueur le {date}',
    'errors.legal.financingBeforeBatch': 'La date de financement ne peut précéder celle du bordereau',
    'errors.legal.nothingToAssign': 'Aucune facture de la sélection ne peut être cédée',
    'errors.legal.invoiceNotInLedger': 'La facture {ref} n’est pas au grand livre',
    'errors.legal.financedAfter': 'La facture {ref} a été financée le {financed}, après le {date}',
    'errors.legal.nameCollected': 'Indiquez les factures encaissées par le factor',
    'errors.legal.notAssigned':
      '{count, plural, one {Facture non cédée à un factor} other {Factures non cédées à un factor}} : {refs}',
    'errors.legal.unknownBatch': 'Aucun bordereau d’affacturage BC-{batchId}',
    'errors.legal.statementNoLine': 'Le relevé ne compte aucune ligne : indiquez la période (du, au)',
    'errors.legal.statementRejected': 'Relevé du factor refusé : {problems}',
    'errors.legal.tolerance': 'La tolérance va de 0 à 31 jours',
    'errors.legal.assumptionType':
      'Hypothèse {name} : {expected, select, boolean {true ou false attendu} other {nombre entier positif ou nul attendu}}',
    'errors.legal.assumptionSection': 'Les hypothèses {name} s’écrivent comme un objet JSON',
    'errors.legal.unknownAssumption': 'Hypothèse inconnue : {name}',
    'errors.legal.assumptionsObject': 'Les hypothèses s’écrivent comme un objet JSON',
    'errors.legal.periodReversed': 'La période commence le {from}, après sa fin le {to}',
    'errors.legal.unknownCompany': 'Société inconnue : {companyId}',
    'errors.legal.provisionRates': 'Taux de provision refusés : {problems}',
    'errors.legal.provisionRate':
      '{field, select, ageRate {taux de la tranche {band}} ageDays {seuil de retard de la tranche {band} (croissant d’une tranche à l’autre)} collective_procedure {taux en procédure collective} dispute {taux des créances en litige} vatRateBps {taux de TVA} other {{field}}}',
    'errors.legal.jobPayload': 'Les paramètres de la tâche « {job} » s’écrivent comme un objet JSON',
    'errors.legal.wholeNumber': '{name} doit être un nombre entier de {min} à {max}',
    'errors.legal.notUrl': 'Le champ baseUrl n’est pas une URL : {value}',
    'errors.legal.notHttpUrl': 'Le champ baseUrl doit être une URL http(s)',
    'errors.legal.option.cannotRead': 'Impossible de lire le fichier {path}',
    'errors.legal.option.notJson': 'Le fichier {path} n’est pas du JSON',
    'errors.legal.option.notNumber':
      '{what, select, claim {Numéro de sinistre} claimTask {Numéro de déclaration de créance} file {Numéro de dossier} partner {Numéro de partenaire} proposal {Numéro de proposition} batch {Numéro de bordereau} other {Numéro}} non valable : « {value} »',
    'errors.legal.option.amountFor': 'Montant non valable pour {ref} : « {value} »',
    'errors.legal.option.assumptionsFile': '--assumptions : fichier JSON illisible ({reason})',
  },
  en: {
    'errors.legal.partnerName': 'A partner has a name',
    'errors.legal.partnerKind': 'Unknown partner kind "{kind}" (expected: {allowed})',
    'errors.legal.partnerTerms': 'Partner terms refused: {problems}',
    'errors.legal.partnerTerm':
      '{problem, select, commission_out_of_range {a commission is outside 0 to 100%} fee_invalid {a fee is not an amount of zero or more} other {a term is not valid}}',
    'errors.legal.unknownPartner': 'Unknown partner no. {partnerId}',
    'errors.legal.unknownFile': 'Unknown legal file LF-{fileId}',
    'errors.legal.unknownFileOn': 'Unknown legal file LF-{fileId} on {date}',
    'errors.legal.notOpenInvoice': '{ref} is not an open invoice of customer {customer}',
    'errors.legal.notOverdue': 'Invoice {ref} is not overdue on {date}',
    'errors.legal.noOverdueInvoice': 'Customer {customer} has no overdue invoice',
    'errors.legal.onlyPendingNotice':
      '{count, plural, one {The only overdue invoice of customer {customer} is} other {All # overdue invoices of customer {customer} are}} under a formal notice whose time to pay still runs (the latest, of {notice}, until {deadline}): none is handed over by default. To hand them over anyway, name them or ask to include the invoices under a running formal notice.',
    'errors.legal.alreadyHandedOver':
      '{count, plural, one {Invoice already handed over} other {Invoices already handed over}}: {invoices}',
    'errors.legal.invoiceInFile': '{ref} (file LF-{fileId})',
    'errors.legal.stepAmount':
      '{field, select, recoveredMinor {The amount recovered} costsMinor {The costs advanced} other {The outstanding the partner reports}} must be an amount, not negative',
    'errors.legal.unknownStep': 'Unknown step "{step}" (expected: {allowed})',
    'errors.legal.notADate': 'Not a date (YYYY-MM-DD): {value}',
    'errors.legal.stepBeforeHandover':
      'File LF-{fileId}: a step cannot be dated before the hand-over of {date}',
    'errors.legal.noReport': 'No report to record',
    'errors.legal.unknownPieces': 'Unknown pieces: {unknown} (pieces to confirm: {allowed})',
    'errors.legal.unknownClaimTask': 'Unknown claim declaration no. {claimId}',
    'errors.legal.claimRole':
      'The role {role} may not {action, select, read {read the claim declarations} letter {print a claim declaration letter} other {prepare or record a claim declaration}} (for the roles {roles} only)',
    'errors.legal.notInProceedings':
      'Customer {customer} is not in a collective procedure on {asOf}: no claim to declare',
    'errors.legal.claimJudgmentDate':
      'Give the date of the opening judgment: only the customer’s status tells of the procedure',
    'errors.legal.claimJudgmentAfter': 'The judgment of {judgment} is after the reference date ({asOf})',
    'errors.legal.claimPublicationBefore':
      'The BODACC publication ({publication}) cannot come before the judgment ({judgment})',
    'errors.legal.claimDeclaredBefore':
      'A claim cannot be declared on {date}, before the judgment of {judgment}',
    'errors.legal.claimNotToDeclare':
      'Claim no. {claimId} is {status, select, declared {already declared (on {date})} other {cancelled}}',
    'errors.legal.notOverdueInvoiceOf': '{ref} is not an overdue invoice of customer {customer}',
    'errors.legal.alreadyDeclared': 'Invoice {ref} is already declared (claim no. {claimId})',
    'errors.legal.nothingToDeclare': 'Customer {customer} has no overdue invoice to declare',
    'errors.legal.noCover': 'Customer {customer} has no credit-insurance cover',
    'errors.legal.noPolicy': 'No policy recorded for the insurer {insurer}',
    'errors.legal.unknownInsuranceClaim': 'Unknown insurance claim no. {claimId}',
    'errors.legal.claimStatus': 'Unknown claim status "{status}" (expected: {allowed})',
    'errors.legal.indemnityAmount': 'An indemnity received has an amount',
    'errors.legal.indemnityDate': 'An indemnity received has a date (YYYY-MM-DD)',
    'errors.legal.claimTransition': 'Claim no. {claimId} is "{status}": it cannot become "{next}"',
    'errors.legal.policyInsurer': 'A policy names its insurer',
    'errors.legal.policyTerms': 'Policy terms refused: {problems}',
    'errors.legal.policyTerm':
      '{problem, select, threatened_loss_days_out_of_range {the time to declare a threatened loss is 1 to 365 days} waiting_days_out_of_range {the waiting period is 0 to 730 days} warning_days_out_of_range {the warning before the declaration deadline is 0 to 120 days} other {a term is not valid}}',
    'errors.legal.unknownWriteOff': 'Unknown write-off proposal no. {proposalId}',
    'errors.legal.writeOffReason': 'Unknown write-off reason "{reason}" (expected: {allowed})',
    'errors.legal.writeOffWhy': 'A write-off says why: give a reason',
    'errors.legal.vatRate': 'The VAT rate is in basis points, 0 to 10,000',
    'errors.legal.writeOffRefused': 'Write-off refused: {problems}',
    'errors.legal.writeOffProblem':
      '{code, select, no_invoice {no invoice given} invoice_not_open {invoice {ref} is not open} invoice_twice {invoice {ref} is given twice} amount_invalid {the amount given for {ref} is not valid} amount_above_open {the amount given for {ref} exceeds the {open} it still has open} other {invoice {ref} cannot be written off}}',
    'errors.legal.writeOffDecider': 'A write-off is decided by a user of the company (CLI: --user EMAIL)',
    'errors.legal.notDocumentOf': 'Invoice {ref} is not a document of customer {customer}',
    'errors.legal.rejectionWhy': 'A rejection says why: give a comment',
    'errors.legal.writeOffDecided':
      'Write-off no. {proposalId} is already {status, select, approved {approved} rejected {rejected} other {decided}}',
    'errors.legal.writeOffSelf': 'The person who proposed a write-off cannot decide on it',
    'errors.legal.writeOffRole': 'This write-off needs the role {role} or above',
    'errors.legal.contractCode': 'A contract code is 1 to 40 letters, digits, - or _',
    'errors.legal.factorName': 'Name the factor',
    'errors.legal.termsOutOfRange': 'Terms out of range: {fields}',
    'errors.legal.factoringTerm':
      '{field, select, advanceRateBps {advance rate} commissionBps {commission rate} financingRateBps {financing rate} reserveRateBps {reserve rate} feesVatRateBps {VAT rate on commission and fees} minCommissionMinor {minimum commission} feePerInvoiceMinor {fee per invoice} feePerBatchMinor {fee per batch} recourseDays {recourse delay} collectionDelayDays {collection delay} dayCountBasis {day-count basis (360 or 365 days)} other {{field}}}',
    'errors.legal.notIban': 'Not an IBAN: {iban}',
    'errors.legal.recourseDays': 'A contract with recourse says after how many days recourse applies',
    'errors.legal.unknownContract': 'Unknown factoring contract "{code}"',
    'errors.legal.noContractInForce': 'No factoring contract "{code}" in force on {date}',
    'errors.legal.financingBeforeBatch': 'The financing date cannot come before the batch date',
    'errors.legal.nothingToAssign': 'No invoice of the selection can be assigned',
    'errors.legal.invoiceNotInLedger': 'Invoice {ref} is not in the ledger',
    'errors.legal.financedAfter': 'Invoice {ref} was financed on {financed}, after {date}',
    'errors.legal.nameCollected': 'Name the invoices the factor collected',
    'errors.legal.notAssigned':
      '{count, plural, one {Invoice not assigned to a factor} other {Invoices not assigned to a factor}}: {refs}',
    'errors.legal.unknownBatch': 'Unknown factoring batch BC-{batchId}',
    'errors.legal.statementNoLine': 'The statement has no line: give the period (from, to)',
    'errors.legal.statementRejected': 'Factor statement refused: {problems}',
    'errors.legal.tolerance': 'The tolerance is 0 to 31 days',
    'errors.legal.assumptionType':
      'Assumption {name}: expected {expected, select, boolean {true or false} other {a whole number ≥ 0}}',
    'errors.legal.assumptionSection': 'The assumptions {name} are a JSON object',
    'errors.legal.unknownAssumption': 'Unknown assumption: {name}',
    'errors.legal.assumptionsObject': 'The assumptions are a JSON object',
    'errors.legal.periodReversed': 'The period starts on {from}, after it ends on {to}',
    'errors.legal.unknownCompany': 'Unknown company: {companyId}',
    'errors.legal.provisionRates': 'Invalid provision rates: {problems}',
    'errors.legal.provisionRate':
      '{field, select, ageRate {rate of band {band}} ageDays {days past due of band {band} (rising from one band to the next)} collective_procedure {rate under collective proceedings} dispute {rate of disputed debts} vatRateBps {VAT rate} other {{field}}}',
    'errors.legal.jobPayload': 'The payload of the job "{job}" is a JSON object',
    'errors.legal.wholeNumber': '{name} must be a whole number from {min} to {max}',
    'errors.legal.notUrl': 'The baseUrl field is not a URL: {value}',
    'errors.legal.notHttpUrl': 'The baseUrl field must be an http(s) URL',
    'errors.legal.option.cannotRead': 'Cannot read the file {path}',
    'errors.legal.option.notJson': 'The file {path} is not JSON',
    'errors.legal.option.notNumber':
      'Not a {what, select, claim {claim} claimTask {claim declaration} file {file} partner {partner} proposal {proposal} batch {batch} other {record}} number: {value}',
    'errors.legal.option.amountFor': 'Not an amount for {ref}: {value}',
    'errors.legal.option.assumptionsFile': '--assumptions: not a readable JSON file ({reason})',
  },
} as const;
