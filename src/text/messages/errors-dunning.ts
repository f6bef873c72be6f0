/**
 * Errors of dunning (runs, disputes, promises, pauses, tasks, templates, settings), as a person
 * reads them (raised as `new DomainError(code, { key, params })`). French typography: a no-break
 * space before « : ; ? ! » and inside the guillemets. Amounts and dates come formatted.
 */
export const errorsDunning = {
  fr: {
    'errors.dunning.field':
      '{field, select, reason {Motif} department {Service} resolution {Issue du litige} status {Statut} channel {Canal} lang {Langue} stepKind {Type d’étape} outcome {Résultat de l’appel} rateMode {Mode de calcul des intérêts} openedOn {Date d’ouverture} respondBy {Date de réponse attendue} resolvedOn {Date de résolution} pausedUntil {Fin de la pause} pausedOn {Début de la pause} liftedOn {Date de levée de la pause} activeOn {Date des pauses en cours} doneOn {Date de l’action} asOf {Date de référence} effectiveFrom {Date d’effet} legalName {Raison sociale} addressLine1 {Adresse} addressLine2 {Complément d’adresse} postalCode {Code postal} city {Ville} siren {SIREN} other {{field}}}',
    'errors.dunning.notOneOf':
      '{field}\u00a0: «\u00a0{value}\u00a0» n’est pas une valeur acceptée\u00a0; valeurs possibles\u00a0: {choices}.',
    'errors.dunning.notADate': '{field}\u00a0: «\u00a0{value}\u00a0» n’est pas une date (AAAA-MM-JJ).',
    'errors.dunning.notANumber':
      '«\u00a0{value}\u00a0» n’est pas un numéro {what, select, pause {de pause} proposal {de proposition} run {de campagne} dispute {de litige} event {d’événement} attachment {de pièce} other {valide}}.',
    'errors.dunning.template.unknownVariable':
      'Variable inconnue {name} (ligne {line}){suggestion, select, none {} other {, vouliez-vous dire {suggestion}\u00a0?}}',
    'errors.dunning.template.unknownFilter':
      'Filtre inconnu {name} (ligne {line}){suggestion, select, none {} other {, vouliez-vous dire {suggestion}\u00a0?}}',
    'errors.dunning.template.noSubject':
      'Un e-mail doit avoir un objet\u00a0: écrivez-le sur la ligne qui suit «\u00a0## subject\u00a0».',
    'errors.dunning.template.include':
      'Un modèle ne peut pas inclure un autre fichier ({tag}, ligne {line}, colonne {col}).',
    'errors.dunning.template.tagNotClosed':
      'La balise {tag} ouverte ligne {line}, colonne {col} n’est pas fermée\u00a0: il manque {closer}.',
    'errors.dunning.template.outputNotClosed':
      'La variable ouverte par {open} ligne {line}, colonne {col} n’est pas fermée\u00a0: il manque {close}.',
    'errors.dunning.template.unknownTag': 'Balise inconnue {tag} ligne {line}, colonne {col}.',
    'errors.dunning.template.strayEnd':
      'La balise {tag} ligne {line}, colonne {col} ne ferme aucune balise ouverte.',
    'errors.dunning.template.badExpression':
      'Valeur ou condition absente ou mal écrite ligne {line}, colonne {col}.',
    'errors.dunning.template.badTag': 'La balise {tag} ligne {line}, colonne {col} est mal écrite.',
    'errors.dunning.template.syntax': 'Le modèle contient une erreur de syntaxe ligne {line}, colonne {col}.',
    'errors.dunning.template.tooLarge': 'Le modèle est trop long, ou ses boucles produisent trop de texte.',
    'errors.dunning.template.failed': 'Le modèle ne peut pas être produit.',
    'errors.dunning.template.refused': 'Le modèle n’est pas enregistré\u00a0:\n{problems}',
    'errors.dunning.template.unrenderable': 'Le modèle ne peut pas être affiché\u00a0:\n{problems}',
    'errors.dunning.policyInvalid':
      'La politique de relance n’est pas enregistrée\u00a0: {first}{others, plural, =0 {} one { (et une autre erreur)} other { (et # autres erreurs)}}.',
    'errors.dunning.identityFields':
      'Ces informations relèvent de l’identité de la société, pas des réglages de relance\u00a0: {fields}.',
    'errors.dunning.reviewFlag': 'La validation avant envoi (reviewBeforeSending) vaut true ou false.',
    'errors.dunning.sender.invalid_iban':
      'IBAN «\u00a0{value}\u00a0» invalide\u00a0: vérifiez le code pays, la clé et le nombre de caractères (par exemple FR76 3000 6000 0112 3456 7890 189).',
    'errors.dunning.sender.invalid_bic':
      'BIC «\u00a0{value}\u00a0» invalide\u00a0: 8 ou 11 lettres et chiffres, par exemple BNPAFRPPXXX.',
    'errors.dunning.sender.invalid_email':
      'Adresse e-mail «\u00a0{value}\u00a0» invalide\u00a0: par exemple recouvrement@societe.fr.',
    'errors.dunning.sender.too_long': '{field}\u00a0: {max} caractères au plus.',
    'errors.dunning.ratesAdminOnly': 'Seul un administrateur modifie la table des taux semestriels.',
    'errors.dunning.semester':
      'Semestre «\u00a0{value}\u00a0» non reconnu\u00a0: écrivez-le comme S2\u00a02026 ou 2026S2.',
    'errors.dunning.semesterNotKnown':
      'Le taux du {semester} ne peut pas encore être connu\u00a0: c’est le taux de la BCE en vigueur le premier jour du semestre. Au {today}, le dernier semestre que l’on peut saisir est le {latest}.',
    'errors.dunning.rateBps': 'Les taux sont des nombres entiers de points de base, de 0 à {max, number}.',
    'errors.dunning.noDispute': 'Aucun litige n°\u00a0{id}.',
    'errors.dunning.noDisputeCase': 'Aucun dossier de litige n°\u00a0{id}.',
    'errors.dunning.noDisputeOn': 'Aucun litige sur la facture {ref}.',
    'errors.dunning.disputeNoInvoice': 'Indiquez au moins une facture contestée.',
    'errors.dunning.disputeTooManyInvoices': 'Un litige porte sur {max} factures au plus.',
    'errors.dunning.disputeOneCustomer':
      'Les factures d’un même litige doivent être celles d’un seul client.',
    'errors.dunning.disputedAmount':
      'Le montant contesté doit être positif et ne pas dépasser celui de la facture ({max}).',
    'errors.dunning.disputeAlreadyOpen': '{refs}\u00a0: une facture fait déjà l’objet d’un litige ouvert.',
    'errors.dunning.disputeResolved':
      '{count, plural, one {Le litige n°\u00a0{ids} est déjà résolu} other {Les litiges n°\u00a0{ids} sont déjà résolus}}.',
    'errors.dunning.resolvedBeforeOpened':
      'Un litige ne peut pas être résolu avant son ouverture, le {date}.',
    'errors.dunning.noInvoice': 'Aucune facture {ref}.',
    'errors.dunning.noInvoiceOfCustomer': 'Aucune facture {ref} du client {customer}.',
    'errors.dunning.noOpenInvoiceOf': 'Aucune facture ouverte {ref} du client {customer}.',
    'errors.dunning.invoiceOfSeveralCustomers':
      'Plusieurs clients ont une facture {ref}\u00a0: précisez le client.',
    'errors.dunning.unknownCustomers': 'Aucun client {codes} dans cette société.',
    'errors.dunning.noProposal': 'Aucune proposition de relances n°\u00a0{id}.',
    'errors.dunning.roleMayNotDecide':
      'Le rôle «\u00a0{role}\u00a0» ne permet pas de décider d’une proposition de relances.',
    'errors.dunning.roleMayNotSend': 'Le rôle «\u00a0{role}\u00a0» ne permet pas d’envoyer des relances.',
    'errors.dunning.runAfterToday':
      'Une campagne de relance ne peut pas être datée du {date}, après aujourd’hui ({today}).',
    'errors.dunning.runBeforeLastRun':
      'Une campagne de relance ne peut pas être datée du {date}, avant la dernière campagne (du {last})\u00a0: ses lettres seraient antidatées. Choisissez le {last} ou une date postérieure.',
    'errors.dunning.chooseCustomer': 'Choisissez au moins un client à relancer.',
    'errors.dunning.notInProposal': 'Hors de la proposition n°\u00a0{id}\u00a0: {codes}.',
    'errors.dunning.amountUnreadable': '«\u00a0{text}\u00a0» n’est pas un montant, ou il est trop grand.',
    'errors.dunning.amountNotPositive': '«\u00a0{text}\u00a0» n’est pas un montant positif.',
    'errors.dunning.promiseNoInstalment': 'Une promesse de paiement compte au moins une échéance.',
    'errors.dunning.instalmentDate': 'Échéance du {value}\u00a0: la date doit être le {date} ou après.',
    'errors.dunning.instalmentNotADate':
      'Échéance\u00a0: «\u00a0{value}\u00a0» n’est pas une date valide (AAAA-MM-JJ).',
    'errors.dunning.instalmentAmount': 'Le montant de chaque échéance doit être positif.',
    'errors.dunning.promiseAboveOwed': 'La promesse ({promised}) dépasse ce qui est dû ({owed}).',
    'errors.dunning.smsTooLong': 'Le SMS compte {length} caractères sur l’exemple ({max} au plus).',
    'errors.dunning.pauseReason': 'Le motif de la pause est obligatoire, en {max} caractères au plus.',
    'errors.dunning.pauseEndsBeforeStart':
      'La pause doit se terminer le jour où elle commence ({start}) ou après.',
    'errors.dunning.noPause': 'Aucune pause n°\u00a0{id}.',
    'errors.dunning.pauseLifted': 'La pause n°\u00a0{id} est déjà levée.',
    'errors.dunning.noLetter': 'Aucune lettre n°\u00a0{id}.',
    'errors.dunning.noAction': 'Aucune relance n°\u00a0{id}.',
    'errors.dunning.actionCancelled': 'La relance n°\u00a0{id} est déjà annulée.',
    'errors.dunning.pageLimit': 'La taille de page (limit) est un nombre entier de 1 à {max}.',
    'errors.dunning.pageOffset': 'Le décalage (offset) est un nombre entier positif ou nul.',
    'errors.dunning.noTask': 'Aucune tâche n°\u00a0{id}.',
    'errors.dunning.taskNotOpen': 'La tâche n°\u00a0{id} n’est plus ouverte.',
    'errors.dunning.noRun': 'Aucune campagne de relance n°\u00a0{id}.',
    'errors.dunning.nothingToRemind':
      'Le client {customer} n’a aucune facture ouverte ou aucune politique de relance.',
    'errors.dunning.noStepDue': 'Aucune étape n’est due aujourd’hui pour ce client\u00a0: précisez l’étape.',
    'errors.dunning.unknownStep':
      'Étape «\u00a0{value}\u00a0» absente de la politique {policy}\u00a0; étapes possibles\u00a0: {steps}.',
    'errors.dunning.noInvoiceDue':
      'Aucune facture n’est à relancer aujourd’hui pour ce client\u00a0: précisez les factures.',
    'errors.dunning.reviewOption': '--review-before-sending attend on ou off (et non «\u00a0{value}\u00a0»).',
    'errors.dunning.ratePercent':
      '{option} attend un taux en % avec deux décimales au plus (et non «\u00a0{value}\u00a0»).',
    'errors.dunning.instalmentOption': '--instalment attend date=montant (et non «\u00a0{value}\u00a0»).',
    'errors.dunning.roleMayNotRecordRegistered':
      'Le rôle «\u00a0{role}\u00a0» ne permet pas d’enregistrer le suivi des lettres recommandées.',
    'errors.dunning.noRegisteredLetter': 'Aucune lettre recommandée envoyée n°\u00a0{id}.',
    'errors.dunning.trackingNumberFormat':
      '«\u00a0{value}\u00a0» n’est pas un numéro de recommandé\u00a0: 13 caractères, 2 lettres ou chiffres puis 11 chiffres (par exemple 1A 123 456 7890 1).',
    'errors.dunning.trackingNumberTaken':
      'Le numéro de recommandé {number} est déjà celui de la lettre envoyée au client {customer} le {date}.',
    'errors.dunning.registeredNotADate':
      '{field, select, depositedOn {Date de dépôt} other {Date de l’avis de réception ou du retour}}\u00a0: «\u00a0{value}\u00a0» n’est pas une date (AAAA-MM-JJ).',
    'errors.dunning.depositBeforeLetter':
      'La lettre est datée du {letter}\u00a0: elle ne peut pas avoir été déposée le {date}.',
    'errors.dunning.registeredAfterToday':
      '{field, select, depositedOn {La date de dépôt} other {La date de l’avis de réception ou du retour}} ({date}) ne peut pas être après aujourd’hui ({today}).',
    'errors.dunning.outcomeBeforeDeposit':
      'La suite du recommandé ({date}) ne peut pas précéder son dépôt, le {deposited}.',
    'errors.dunning.registeredOutcomeChoice':
      'Suite du recommandé\u00a0: «\u00a0{value}\u00a0» n’est pas une valeur acceptée\u00a0; valeurs possibles\u00a0: {choices}.',
    'errors.dunning.registeredNoNumber':
      'Enregistrez d’abord le numéro de la lettre recommandée n°\u00a0{id} et sa date de dépôt.',
    'errors.dunning.registeredAtPost':
      'La relance n°\u00a0{id} ne peut plus être annulée\u00a0: sa lettre recommandée est à La Poste (n°\u00a0{number}, déposée le {date}).',
  },
  en: {
    'errors.dunning.field':
      '{field, select, reason {Reason} department {Department} resolution {Resolution} status {Status} channel {Channel} lang {Language} stepKind {Step kind} outcome {Call outcome} rateMode {Interest rate mode} openedOn {Opening date} respondBy {Respond by} resolvedOn {Resolution date} pausedUntil {Paused until} pausedOn {Paused on} liftedOn {Lifted on} activeOn {Pauses active on} doneOn {Done on} asOf {As-of date} effectiveFrom {Effective from} legalName {Legal name} addressLine1 {Address} addressLine2 {Address line 2} postalCode {Postal code} city {City} siren {SIREN} other {{field}}}',
    'errors.dunning.notOneOf': '{field}: "{value}" is not accepted; possible values: {choices}.',
    'errors.dunning.notADate': '{field}: "{value}" is not a date (YYYY-MM-DD).',
    'errors.dunning.notANumber':
      '"{value}" is not a {what, select, pause {pause} proposal {proposal} run {run} dispute {dispute} event {event} attachment {attachment} other {valid}} number.',
    'errors.dunning.template.unknownVariable':
      'Unknown variable {name} (line {line}){suggestion, select, none {} other {; did you mean {suggestion}?}}',
    'errors.dunning.template.unknownFilter':
      'Unknown filter {name} (line {line}){suggestion, select, none {} other {; did you mean {suggestion}?}}',
    'errors.dunning.template.noSubject':
      'An e-mail needs a subject: write it on the line after "## subject".',
    'errors.dunning.template.include':
      'A template cannot include another file ({tag}, line {line}, column {col}).',
    'errors.dunning.template.tagNotClosed':
      'The {tag} tag opened at line {line}, column {col} is never closed: {closer} is missing.',
    'errors.dunning.template.outputNotClosed':
      'The variable opened with {open} at line {line}, column {col} is not closed: {close} is missing.',
    'errors.dunning.template.unknownTag': 'Unknown tag {tag} at line {line}, column {col}.',
    'errors.dunning.template.strayEnd': 'The {tag} tag at line {line}, column {col} closes no open tag.',
    'errors.dunning.template.badExpression':
      'A value or condition is missing or badly written at line {line}, column {col}.',
    'errors.dunning.template.badTag': 'The {tag} tag at line {line}, column {col} is badly written.',
    'errors.dunning.template.syntax': 'The template has a syntax error at line {line}, column {col}.',
    'errors.dunning.template.tooLarge': 'The template is too long, or its loops produce too much text.',
    'errors.dunning.template.failed': 'The template cannot be rendered.',
    'errors.dunning.template.refused': 'The template is not saved:\n{problems}',
    'errors.dunning.template.unrenderable': 'The template cannot be shown:\n{problems}',
    'errors.dunning.policyInvalid':
      'The dunning policy is not saved: {first}{others, plural, =0 {} one { (and one more error)} other { (and # more errors)}}.',
    'errors.dunning.identityFields': 'Part of the company identity, not of the dunning settings: {fields}.',
    'errors.dunning.reviewFlag': 'Review before sending (reviewBeforeSending) must be true or false.',
    'errors.dunning.sender.invalid_iban':
      'Invalid IBAN "{value}": check the country code, the check digits and the length (for example FR76 3000 6000 0112 3456 7890 189).',
    'errors.dunning.sender.invalid_bic':
      'Invalid BIC "{value}": 8 or 11 letters and digits, for example BNPAFRPPXXX.',
    'errors.dunning.sender.invalid_email':
      'Invalid e-mail address "{value}": for example credit@company.com.',
    'errors.dunning.sender.too_long': '{field}: {max} characters at most.',
    'errors.dunning.ratesAdminOnly': 'Only an admin changes the half-year rate table.',
    'errors.dunning.semester': 'Semester "{value}" not understood: write it like 2026H2 or H2 2026.',
    'errors.dunning.semesterNotKnown':
      'The rate of the {semester} cannot be known yet: it is the ECB rate in force on the first day of the half-year. On {today}, the latest half-year that can be entered is the {latest}.',
    'errors.dunning.rateBps': 'Rates are whole basis points from 0 to {max, number}.',
    'errors.dunning.noDispute': 'No dispute {id}.',
    'errors.dunning.noDisputeCase': 'No dispute case {id}.',
    'errors.dunning.noDisputeOn': 'No dispute on invoice {ref}.',
    'errors.dunning.disputeNoInvoice': 'Name at least one disputed invoice.',
    'errors.dunning.disputeTooManyInvoices': 'At most {max} invoices in one dispute.',
    'errors.dunning.disputeOneCustomer': 'The invoices of one dispute must be of one customer.',
    'errors.dunning.disputedAmount':
      'The disputed amount must be positive and at most the invoice amount ({max}).',
    'errors.dunning.disputeAlreadyOpen': '{refs}: an invoice already has an open dispute.',
    'errors.dunning.disputeResolved':
      '{count, plural, one {Dispute {ids} is already resolved} other {Disputes {ids} are already resolved}}.',
    'errors.dunning.resolvedBeforeOpened': 'A dispute cannot be resolved before it was opened, on {date}.',
    'errors.dunning.noInvoice': 'No invoice {ref}.',
    'errors.dunning.noInvoiceOfCustomer': 'No invoice {ref} for customer {customer}.',
    'errors.dunning.noOpenInvoiceOf': 'No open invoice {ref} of customer {customer}.',
    'errors.dunning.invoiceOfSeveralCustomers': 'Several customers have an invoice {ref}: give the customer.',
    'errors.dunning.unknownCustomers': 'No customer {codes} in this company.',
    'errors.dunning.noProposal': 'No dunning proposal {id}.',
    'errors.dunning.roleMayNotDecide': 'The role {role} may not decide on a dunning proposal.',
    'errors.dunning.roleMayNotSend': 'The role {role} may not send reminders.',
    'errors.dunning.runAfterToday': 'A dunning run cannot be dated {date}, after today ({today}).',
    'errors.dunning.runBeforeLastRun':
      'A dunning run cannot be dated {date}, before the last run (of {last}): its letters would be backdated. Choose {last} or a later date.',
    'errors.dunning.chooseCustomer': 'Choose at least one customer to send to.',
    'errors.dunning.notInProposal': 'Not in proposal {id}: {codes}.',
    'errors.dunning.amountUnreadable': '"{text}" is not an amount, or too large.',
    'errors.dunning.amountNotPositive': '"{text}" is not a positive amount.',
    'errors.dunning.promiseNoInstalment': 'A promise needs at least one instalment.',
    'errors.dunning.instalmentDate': 'Instalment of {value}: the date must be on or after {date}.',
    'errors.dunning.instalmentNotADate': 'Instalment: "{value}" is not a valid date (YYYY-MM-DD).',
    'errors.dunning.instalmentAmount': 'Instalment amounts must be positive.',
    'errors.dunning.promiseAboveOwed': 'The promise ({promised}) exceeds what is owed ({owed}).',
    'errors.dunning.smsTooLong': 'The SMS takes {length} characters on the sample (at most {max}).',
    'errors.dunning.pauseReason': 'A reason of 1 to {max} characters is required for the pause.',
    'errors.dunning.pauseEndsBeforeStart': 'The pause must end on or after the day it starts ({start}).',
    'errors.dunning.noPause': 'No invoice pause {id}.',
    'errors.dunning.pauseLifted': 'Invoice pause {id} is already lifted.',
    'errors.dunning.noLetter': 'No letter {id}.',
    'errors.dunning.noAction': 'No dunning action {id}.',
    'errors.dunning.actionCancelled': 'Dunning action {id} is already cancelled.',
    'errors.dunning.pageLimit': 'The page size (limit) must be a whole number from 1 to {max}.',
    'errors.dunning.pageOffset': 'The offset must be a whole number from 0.',
    'errors.dunning.noTask': 'No task {id}.',
    'errors.dunning.taskNotOpen': 'Task {id} is not open.',
    'errors.dunning.noRun': 'No dunning run {id}.',
    'errors.dunning.nothingToRemind': 'No open invoice or no dunning policy for customer {customer}.',
    'errors.dunning.noStepDue': 'No step is due today for this customer: give the step.',
    'errors.dunning.unknownStep': 'Step "{value}" is not in policy {policy}; possible steps: {steps}.',
    'errors.dunning.noInvoiceDue': 'No invoice is due today for this customer: give the invoices.',
    'errors.dunning.reviewOption': '--review-before-sending wants on or off (not "{value}").',
    'errors.dunning.ratePercent': '{option} wants a rate in % with at most two decimals (not "{value}").',
    'errors.dunning.instalmentOption': '--instalment wants date=amount (not "{value}").',
    'errors.dunning.roleMayNotRecordRegistered':
      'The role {role} may not record the tracking of registered letters.',
    'errors.dunning.noRegisteredLetter': 'No registered letter {id} sent.',
    'errors.dunning.trackingNumberFormat':
      '"{value}" is not a registered letter number: 13 characters, 2 letters or digits then 11 digits (for example 1A 123 456 7890 1).',
    'errors.dunning.trackingNumberTaken':
      'Registered letter number {number} is already that of the letter sent to customer {customer} on {date}.',
    'errors.dunning.registeredNotADate':
      '{field, select, depositedOn {Posting date} other {Receipt or return date}}: "{value}" is not a date (YYYY-MM-DD).',
    'errors.dunning.depositBeforeLetter':
      'The letter is dated {letter}: it cannot have been posted on {date}.',
    'errors.dunning.registeredAfterToday':
      '{field, select, depositedOn {The posting date} other {The receipt or return date}} ({date}) cannot be after today ({today}).',
    'errors.dunning.outcomeBeforeDeposit':
      'The registered letter’s outcome ({date}) cannot come before its posting, on {deposited}.',
    'errors.dunning.registeredOutcomeChoice':
      'Registered letter outcome: "{value}" is not accepted; possible values: {choices}.',
    'errors.dunning.registeredNoNumber':
      'Record the number and posting date of registered letter {id} first.',
    'errors.dunning.registeredAtPost':
      'Dunning action {id} can no longer be cancelled: its registered letter is with La Poste (no. {number}, posted on {date}).',
  },
} as const;
