/**
 * Dunning letters and e-mails: the letter's headings, table columns, totals, interest lines and
 * payment details, the file names of letters and statements, the e-mail's invoice table.
 */
export const dunningMail = {
  fr: {
    'dunning.letter.siren': 'SIREN {siren}',
    'dunning.letter.vat': 'TVA intracommunautaire {vat}',
    'dunning.letter.registered': 'Lettre recommandée avec accusé de réception',
    'dunning.letter.placeDate': '{city}, le {date}',
    'dunning.letter.reference': 'Nos réf. :',
    'dunning.letter.customerCode': 'Votre code client :',
    'dunning.letter.subject': 'Objet :',
    'dunning.letter.colInvoice': 'N° facture',
    'dunning.letter.colIssued': 'Date',
    'dunning.letter.colDue': 'Échéance',
    'dunning.letter.colAmount': 'Montant TTC',
    'dunning.letter.colOpen': 'Reste dû',
    'dunning.letter.colDaysLate': 'Jours de retard',
    'dunning.letter.colInterest': 'Intérêts de retard',
    'dunning.letter.colIndemnity': 'Indemnité forfaitaire',
    'dunning.letter.total': 'Total',
    'dunning.letter.totalOpen': 'Factures restant dues',
    'dunning.letter.totalInterest': 'Intérêts de retard',
    'dunning.letter.totalIndemnity': 'Indemnités forfaitaires pour frais de recouvrement',
    'dunning.letter.totalCredits': 'Avoirs et règlements non affectés',
    'dunning.letter.totalDue': 'Total à régler',
    'dunning.letter.interestHeading':
      'Calcul des intérêts de retard (art. L441-10 du Code de commerce, jours comptés sur une année de 365 jours) :',
    'dunning.letter.interestLine':
      'Facture {invoice} : {amount} × {rate} × {days, plural, one {# jour} other {# jours}} / 365, du {from} au {to}',
    'dunning.letter.payment':
      'Règlement par virement : IBAN {iban} — BIC {bic}, en rappelant la référence {reference}.',
    'dunning.letter.filename': 'relance-{customer}-{date}.pdf',
    'dunning.letter.batchFilename': 'lot-relances-{date}.pdf',
    'dunning.letter.signatoryTitle': 'Responsable crédit clients',
    'dunning.separate.disputed':
      '{who, select, all {{n, plural, one {elle fait} other {elles font}}} named {{refs} {n, plural, one {fait} other {font}}} other {{n, plural, one {l’une d’entre elles fait} other {# d’entre elles font}}}} l’objet d’une contestation que nous examinons',
    'dunning.separate.promise':
      '{who, select, all {{n, plural, one {elle fait} other {elles font}}} named {{refs} {n, plural, one {fait} other {font}}} other {{n, plural, one {l’une d’entre elles fait} other {# d’entre elles font}}}} l’objet de votre promesse de règlement{date, select, none {} other { au {date}}}',
    'dunning.separate.paused':
      '{who, select, all {{n, plural, one {sa relance est suspendue} other {leur relance est suspendue}}} named {la relance {n, plural, one {de la facture} other {des factures}} {refs} est suspendue} other {la relance {n, plural, one {de l’une d’entre elles} other {de # d’entre elles}} est suspendue}}',
    'dunning.separate.handedOver':
      '{who, select, all {{n, plural, one {elle est suivie} other {elles sont suivies}}} named {{refs} {n, plural, one {est suivie} other {sont suivies}}} other {{n, plural, one {l’une d’entre elles est suivie} other {# d’entre elles sont suivies}}}} par notre service contentieux',
    'dunning.separate.call':
      'notre service crédit vous appellera {who, select, all {{n, plural, one {à son sujet} other {à leur sujet}}} named {au sujet {n, plural, one {de la facture} other {des factures}} {refs}} other {au sujet {n, plural, one {de l’une d’entre elles} other {de # d’entre elles}}}}',
    'mailCategory.courtesy': 'Prévenance',
    'dunning.separate.noticed':
      '{who, select, all {{n, plural, one {elle reste due} other {elles restent dues}}} named {{refs} {n, plural, one {reste due} other {restent dues}}} other {{n, plural, one {l’une d’entre elles reste due} other {# d’entre elles restent dues}}}} au titre de notre mise en demeure{date, select, none {} other { du {date}}}',
    'dunning.separate.other':
      '{who, select, all {{n, plural, one {elle reste due, et nous vous remercions de la régler} other {elles restent dues, et nous vous remercions de les régler}}} named {{refs} {n, plural, one {reste due, et nous vous remercions de la régler} other {restent dues, et nous vous remercions de les régler}}} other {{n, plural, one {l’une d’entre elles reste due, et nous vous remercions de la régler} other {# d’entre elles restent dues, et nous vous remercions de les régler}}}} également',
    'dunning.delivery.title': 'Lettres recommandées avec avis de réception — lot de relances n° {run}',
    'dunning.delivery.subtitle':
      'Relances du {date} : {count, plural, =0 {aucune lettre recommandée} one {# lettre recommandée} other {# lettres recommandées}}, dans l’ordre du lot d’impression',
    'dunning.delivery.position': 'N°',
    'dunning.delivery.customerCode': 'Code client',
    'dunning.delivery.recipient': 'Destinataire',
    'dunning.delivery.address': 'Adresse',
    'dunning.delivery.postalCode': 'Code postal',
    'dunning.delivery.city': 'Ville',
    'dunning.delivery.amount': 'Somme réclamée',
    'dunning.delivery.trackingNumber': 'N° de recommandé',
    'dunning.delivery.filename': 'recommandes-lot-{run}-{date}.{ext}',
    'dunning.delivery.cli.summary':
      'Lot n° {run} du {date} : {letters, plural, =0 {aucune lettre} one {# lettre} other {# lettres}} dont {registered, plural, =0 {aucune recommandée} one {# recommandée} other {# recommandées}} ; e-mails : {sent, plural, one {# envoyé} other {# envoyés}}, {queued} en attente, {held, plural, one {# retenu} other {# retenus}}, {failed} en échec',
    'dunning.delivery.cli.written': 'Écrit : {file}',
    'dunning.delivery.cli.noSmtp':
      'Aucun serveur SMTP configuré (ENCOURS_SMTP_URL) : les e-mails restent dans la boîte d’envoi',
    'dunning.letter.batchPartFilename': 'lot-relances-{date}-{part}-sur-{parts}.pdf',
    'dunning.statement.filename': 'releve-{customer}-{date}.pdf',
    'dunning.mail.colInvoice': 'Facture',
    'dunning.mail.colDue': 'Échéance',
    'dunning.mail.colOpen': 'Reste dû',
    'dunning.mail.colDaysLate': 'Retard',
    'dunning.mail.colInterest': 'Intérêts',
    'dunning.mail.colIndemnity': 'Indemnité',
    'dunning.mail.daysLate': '{n, plural, =0 {à échéance} one {# jour} other {# jours}}',
    'dunning.mail.dueIn': '{n, plural, one {échéance dans # jour} other {échéance dans # jours}}',
    'dunning.mail.total': 'Total à régler',
    // A registered letter's number and what became of it (migration 0075): the customer's story,
    // the deposit list, the audit log and the formal notice of a legal file's checklist.
    'dunning.event.registeredMail':
      '{corrected, select, yes {Rectification\u00a0: } other {}}{notice, select, formal_notice {Mise en demeure envoyée} other {Lettre envoyée}} en recommandé n°\u00a0{number}{outcome, select, delivered { — AR signé le {on}} returned_unclaimed { — pli avisé non réclamé, retourné le {on}} returned_unknown_address { — destinataire inconnu à l’adresse, retourné le {on}} other { (déposée le {deposited})}}',
    'dunning.registered.outcome':
      '{outcome, select, delivered {distribuée, avis de réception signé} returned_unclaimed {pli avisé non réclamé} returned_unknown_address {destinataire inconnu à l’adresse} other {{outcome}}}',
    'dunning.registered.pieceMention':
      '{piece} — recommandé n°\u00a0{number} déposé le {deposited}{outcome, select, delivered {, AR signé le {on}} returned_unclaimed {, pli avisé non réclamé, retourné le {on}} returned_unknown_address {, destinataire inconnu à l’adresse, retourné le {on}} other {, avis de réception non reçu}}',
    'auditAction.dunning.registered_number': 'Numéro de lettre recommandée enregistré',
    'auditAction.dunning.registered_outcome': 'Suite d’une lettre recommandée enregistrée',
    'auditField.trackingNumber': 'N° de recommandé',
    'auditField.depositedOn': 'Déposée le',
    'auditField.registeredOutcome': 'Suite du recommandé',
    'auditField.outcomeOn': 'Date de l’AR ou du retour',
  },
  en: {
    'dunning.letter.siren': 'SIREN {siren}',
    'dunning.letter.vat': 'VAT number {vat}',
    'dunning.letter.registered': 'Registered letter with acknowledgement of receipt',
    'dunning.letter.placeDate': '{city}, {date}',
    'dunning.letter.reference': 'Our ref.:',
    'dunning.letter.customerCode': 'Your customer code:',
    'dunning.letter.subject': 'Subject:',
    'dunning.letter.colInvoice': 'Invoice no.',
    'dunning.letter.colIssued': 'Date',
    'dunning.letter.colDue': 'Due date',
    'dunning.letter.colAmount': 'Amount incl. VAT',
    'dunning.letter.colOpen': 'Outstanding',
    'dunning.letter.colDaysLate': 'Days late',
    'dunning.letter.colInterest': 'Late interest',
    'dunning.letter.colIndemnity': 'Fixed indemnity',
    'dunning.letter.total': 'Total',
    'dunning.letter.totalOpen': 'Invoices outstanding',
    'dunning.letter.totalInterest': 'Late-payment interest',
    'dunning.letter.totalIndemnity': 'Fixed recovery indemnities',
    'dunning.letter.totalCredits': 'Unallocated credits and payments',
    'dunning.letter.totalDue': 'Total due',
    'dunning.letter.interestHeading':
      'Late-payment interest (French Commercial Code art. L441-10, days counted over a 365-day year):',
    'dunning.letter.interestLine':
      'Invoice {invoice}: {amount} × {rate} × {days, plural, one {# day} other {# days}} / 365, from {from} to {to}',
    'dunning.letter.payment':
      'Payment by bank transfer: IBAN {iban} — BIC {bic}, quoting reference {reference}.',
    'dunning.letter.filename': 'reminder-{customer}-{date}.pdf',
    'dunning.letter.batchFilename': 'reminder-batch-{date}.pdf',
    'dunning.letter.signatoryTitle': 'Credit Manager',
    'dunning.separate.disputed':
      '{who, select, all {{n, plural, one {it is} other {they are}}} named {{refs} {n, plural, one {is} other {are}}} other {{n, plural, one {one of them is} other {# of them are}}}} under review following your query',
    'dunning.separate.promise':
      '{who, select, all {{n, plural, one {it is} other {they are}}} named {{refs} {n, plural, one {is} other {are}}} other {{n, plural, one {one of them is} other {# of them are}}}} covered by your promise to pay{date, select, none {} other { on {date}}}',
    'dunning.separate.paused':
      '{who, select, all {{n, plural, one {its reminders are} other {their reminders are}}} named {reminders for {refs} are} other {{n, plural, one {reminders for one of them are} other {reminders for # of them are}}}} on hold',
    'dunning.separate.handedOver':
      '{who, select, all {{n, plural, one {it is} other {they are}}} named {{refs} {n, plural, one {is} other {are}}} other {{n, plural, one {one of them is} other {# of them are}}}} being handled by our legal department',
    'dunning.separate.call':
      'our credit team will call you about {who, select, all {{n, plural, one {it} other {them}}} named {{refs}} other {{n, plural, one {one of them} other {# of them}}}}',
    'mailCategory.courtesy': 'Courtesy reminder',
    'dunning.separate.noticed':
      '{who, select, all {{n, plural, one {it remains} other {they remain}}} named {{refs} {n, plural, one {remains} other {remain}}} other {{n, plural, one {one of them remains} other {# of them remain}}}} due under our formal notice{date, select, none {} other { of {date}}}',
    'dunning.separate.other':
      '{who, select, all {{n, plural, one {it is still due, and we would ask you to settle it} other {they are still due, and we would ask you to settle them}}} named {{refs} {n, plural, one {is still due, and we would ask you to settle it} other {are still due, and we would ask you to settle them}}} other {{n, plural, one {one of them is still due, and we would ask you to settle it} other {# of them are still due, and we would ask you to settle them}}}} too',
    'dunning.delivery.title': 'Registered letters with acknowledgement of receipt — reminder run {run}',
    'dunning.delivery.subtitle':
      'Reminders of {date}: {count, plural, =0 {no registered letter} one {# registered letter} other {# registered letters}}, in the print batch’s order',
    'dunning.delivery.position': 'No.',
    'dunning.delivery.customerCode': 'Customer code',
    'dunning.delivery.recipient': 'Recipient',
    'dunning.delivery.address': 'Address',
    'dunning.delivery.postalCode': 'Postcode',
    'dunning.delivery.city': 'City',
    'dunning.delivery.amount': 'Amount claimed',
    'dunning.delivery.trackingNumber': 'Tracking number',
    'dunning.delivery.filename': 'registered-letters-run-{run}-{date}.{ext}',
    'dunning.delivery.cli.summary':
      'Run {run} of {date}: {letters, plural, =0 {no letter} one {# letter} other {# letters}}, {registered, plural, =0 {none registered} one {# registered} other {# registered}}; e-mails: {sent} sent, {queued} waiting, {held} held, {failed} failed',
    'dunning.delivery.cli.written': 'Written: {file}',
    'dunning.delivery.cli.noSmtp':
      'No SMTP server configured (ENCOURS_SMTP_URL): the e-mails stay in the outbox',
    'dunning.letter.batchPartFilename': 'reminder-batch-{date}-{part}-of-{parts}.pdf',
    'dunning.statement.filename': 'statement-{customer}-{date}.pdf',
    'dunning.mail.colInvoice': 'Invoice',
    'dunning.mail.colDue': 'Due date',
    'dunning.mail.colOpen': 'Outstanding',
    'dunning.mail.colDaysLate': 'Late',
    'dunning.mail.colInterest': 'Interest',
    'dunning.mail.colIndemnity': 'Indemnity',
    'dunning.mail.daysLate': '{n, plural, =0 {due today} one {# day} other {# days}}',
    'dunning.mail.dueIn': '{n, plural, one {due in # day} other {due in # days}}',
    'dunning.mail.total': 'Total due',
    'dunning.event.registeredMail':
      '{corrected, select, yes {Correction: } other {}}{notice, select, formal_notice {Formal notice sent} other {Letter sent}} by registered post no. {number}{outcome, select, delivered { — receipt signed on {on}} returned_unclaimed { — not collected, returned on {on}} returned_unknown_address { — addressee unknown at the address, returned on {on}} other { (posted on {deposited})}}',
    'dunning.registered.outcome':
      '{outcome, select, delivered {delivered, acknowledgement of receipt signed} returned_unclaimed {not collected (returned unclaimed)} returned_unknown_address {addressee unknown at the address} other {{outcome}}}',
    'dunning.registered.pieceMention':
      '{piece} — registered letter no. {number} posted on {deposited}{outcome, select, delivered {, receipt signed on {on}} returned_unclaimed {, not collected, returned on {on}} returned_unknown_address {, addressee unknown at the address, returned on {on}} other {, acknowledgement of receipt not received}}',
    'auditAction.dunning.registered_number': 'Registered letter number recorded',
    'auditAction.dunning.registered_outcome': 'Registered letter outcome recorded',
    'auditField.trackingNumber': 'Registered letter no.',
    'auditField.depositedOn': 'Posted on',
    'auditField.registeredOutcome': 'Registered letter outcome',
    'auditField.outcomeOn': 'Receipt or return date',
  },
} as const;
