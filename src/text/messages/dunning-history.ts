/**
 * The runs already sent, as the run page shows them (their history, one run with its documents,
 * its print batch and the registered letters to post), the customer timeline's links to a
 * reminder's letter or e-mail, and the customer page's printable file.
 */
export const dunningHistory = {
  fr: {
    'dunningHistory.title': 'Campagnes envoyées',
    'dunningHistory.intro':
      'La plus récente d’abord. Ouvrez une campagne pour retrouver ses lettres, ses e-mails, son lot d’impression et ses recommandés.',
    'dunningHistory.none': 'Aucune campagne envoyée pour l’instant.',
    'dunningHistory.date': 'Date',
    'dunningHistory.by': 'Par',
    'dunningHistory.customers': 'Clients',
    'dunningHistory.emails': 'E-mails',
    'dunningHistory.letters': 'Courriers',
    'dunningHistory.registered': 'Recommandés',
    'dunningHistory.sms': 'SMS',
    'dunningHistory.tasks': 'Tâches',
    'dunningHistory.amount': 'Montant réclamé',
    'dunningHistory.open': 'Ouvrir la campagne du {date}',
    'dunningHistory.runTitle': 'Campagne du {date}',
    'dunningHistory.runBy': 'Envoyée le {when} par {who}.',
    'dunningHistory.newRun': 'Préparer une nouvelle campagne',
    'dunningHistory.notFound': 'Cette campagne n’existe pas ou plus.',
    'dunningHistory.batchTitle': 'Lot d’impression',
    'dunningHistory.batchIntro':
      '{letters, plural, =0 {Aucun courrier à imprimer dans cette campagne.} one {# courrier à imprimer et à poster.} other {# courriers à imprimer et à poster, les recommandés en premier.}}',
    'dunningHistory.batchPart':
      '{parts, plural, one {Lot d’impression (PDF)} other {Lot d’impression {part}/{parts} (PDF)}}',
    'dunningHistory.registeredTab': 'Lettres recommandées à déposer ({count})',
    'dunningHistory.registeredNone': 'Aucune lettre recommandée dans cette campagne.',
    'dunningHistory.position': 'N°',
    'dunningHistory.recipient': 'Destinataire',
    'dunningHistory.address': 'Adresse',
    'dunningHistory.depositPdf': 'Liste de dépôt (PDF)',
    'dunningHistory.depositCsv': 'CSV',
    'dunningHistory.depositXlsx': 'Excel',
    'dunningHistory.emailsState':
      'E-mails : {queued} en attente, {sent} {sent, plural, one {envoyé} other {envoyés}}, {failed} en échec, {held} {held, plural, one {retenu} other {retenus}} faute de serveur d’envoi.',
    'dunningHistory.actionsTitle': 'Relances par client',
    'dunningHistory.customer': 'Client',
    'dunningHistory.document': 'Document',
    'dunningHistory.letterPdf': 'Lettre (PDF)',
    'dunningHistory.emailAsSent': 'Voir l’e-mail',
    'dunningHistory.callTask': 'Tâche d’appel créée',
    'dunningHistory.callTaskStatus': 'Tâche d’appel créée — {status}',
    'dunningHistory.agendaLink': 'Voir l’agenda',
    'dunningHistory.timelineLetter': 'Voir la lettre (PDF)',
    'dunningHistory.timelineEmail': 'Voir l’e-mail',
    // An e-mail that did not reach the customer, in place of « Envoyée » (issue 12).
    'dunningHistory.delivery':
      '{delivery, select, failed {E-mail non remis (échec d’envoi)} held {E-mail non remis (envoi retenu)} other {E-mail en attente d’envoi}}',
    'dunningHistory.customerFilePdf': 'Fiche client (PDF)',
    // The registered letters' numbers and outcomes, typed on the run page (migration 0075).
    'dunningHistory.trackingIntro':
      'Saisissez le numéro de chaque lettre, lu sur la preuve de dépôt, et sa date de dépôt, puis l’avis de réception signé ou le retour. Chaque saisie est gardée avec son auteur\u00a0; une correction s’ajoute sans effacer la précédente.',
    'dunningHistory.trackingNumber': 'N° de recommandé',
    'dunningHistory.trackingOutcome': 'Avis de réception',
    'dunningHistory.trackingExample': '1A 123 456 7890 1',
    'dunningHistory.trackingFormat': '13 caractères\u00a0: 2 lettres ou chiffres puis 11 chiffres',
    'dunningHistory.depositedOn': 'Déposée le',
    'dunningHistory.outcomeOn': 'Le',
    'dunningHistory.trackingSave': 'Enregistrer',
    'dunningHistory.trackingEdit': 'Corriger',
    'dunningHistory.trackingDeposited': 'déposée le {date}',
    'dunningHistory.trackingRecordedBy':
      'Dernière saisie le {when} par {who}{entries, plural, one {} other { (# saisies en tout)}}',
    'dunningHistory.outcomeState':
      '{outcome, select, delivered {AR signé le {date}} returned_unclaimed {Pli avisé non réclamé, retourné le {date}} returned_unknown_address {Destinataire inconnu à l’adresse, retourné le {date}} other {{outcome}}}',
    'dunningHistory.outcomeOption':
      '{outcome, select, delivered {Distribuée, avis de réception signé} returned_unclaimed {Retournée\u00a0: pli avisé non réclamé} returned_unknown_address {Retournée\u00a0: destinataire inconnu à l’adresse} other {{outcome}}}',
    'dunningHistory.outcomeWaiting': 'En attente de l’avis de réception',
    'dunningHistory.outcomeNeedsNumber': 'Après le numéro',
    // The same tracking on the command line (`encours dunning registered…`).
    'dunningHistory.cli.letter': 'Lettre',
    'dunningHistory.cli.state':
      'Lettre recommandée n°\u00a0{id}\u00a0: recommandé n°\u00a0{number} déposé le {deposited} — {outcome}',
    'dunningHistory.cli.unchanged': 'Déjà enregistré\u00a0: rien n’a changé.',
  },
  en: {
    'dunningHistory.title': 'Runs sent',
    'dunningHistory.intro':
      'Newest first. Open a run to find its letters, its e-mails, its print batch and its registered letters.',
    'dunningHistory.none': 'No run sent yet.',
    'dunningHistory.date': 'Date',
    'dunningHistory.by': 'By',
    'dunningHistory.customers': 'Customers',
    'dunningHistory.emails': 'E-mails',
    'dunningHistory.letters': 'Letters',
    'dunningHistory.registered': 'Registered',
    'dunningHistory.sms': 'SMS',
    'dunningHistory.tasks': 'Tasks',
    'dunningHistory.amount': 'Amount claimed',
    'dunningHistory.open': 'Open the run of {date}',
    'dunningHistory.runTitle': 'Run of {date}',
    'dunningHistory.runBy': 'Sent on {when} by {who}.',
    'dunningHistory.newRun': 'Prepare a new run',
    'dunningHistory.notFound': 'This run does not exist (any more).',
    'dunningHistory.batchTitle': 'Print batch',
    'dunningHistory.batchIntro':
      '{letters, plural, =0 {No letter to print in this run.} one {# letter to print and post.} other {# letters to print and post, registered letters first.}}',
    'dunningHistory.batchPart':
      '{parts, plural, one {Print batch (PDF)} other {Print batch {part}/{parts} (PDF)}}',
    'dunningHistory.registeredTab': 'Registered letters to post ({count})',
    'dunningHistory.registeredNone': 'No registered letter in this run.',
    'dunningHistory.position': 'No.',
    'dunningHistory.recipient': 'Recipient',
    'dunningHistory.address': 'Address',
    'dunningHistory.depositPdf': 'Deposit list (PDF)',
    'dunningHistory.depositCsv': 'CSV',
    'dunningHistory.depositXlsx': 'Excel',
    'dunningHistory.emailsState':
      'E-mails: {queued} waiting, {sent} sent, {failed} failed, {held} held for want of a mail server.',
    'dunningHistory.actionsTitle': 'Reminders by customer',
    'dunningHistory.customer': 'Customer',
    'dunningHistory.document': 'Document',
    'dunningHistory.letterPdf': 'Letter (PDF)',
    'dunningHistory.emailAsSent': 'See the e-mail',
    'dunningHistory.callTask': 'Call task created',
    'dunningHistory.callTaskStatus': 'Call task created — {status}',
    'dunningHistory.agendaLink': 'Open the agenda',
    'dunningHistory.timelineLetter': 'See the letter (PDF)',
    'dunningHistory.timelineEmail': 'See the e-mail',
    'dunningHistory.delivery':
      '{delivery, select, failed {E-mail not delivered (sending failed)} held {E-mail not delivered (sending held)} other {E-mail waiting to be sent}}',
    'dunningHistory.customerFilePdf': 'Customer file (PDF)',
    'dunningHistory.trackingIntro':
      'Type each letter’s number, read on the proof of posting, and the day it was posted, then the signed acknowledgement of receipt or the return. Each entry is kept with its author; a correction is added without erasing the one before.',
    'dunningHistory.trackingNumber': 'Registered letter no.',
    'dunningHistory.trackingOutcome': 'Acknowledgement of receipt',
    'dunningHistory.trackingExample': '1A 123 456 7890 1',
    'dunningHistory.trackingFormat': '13 characters: 2 letters or digits then 11 digits',
    'dunningHistory.depositedOn': 'Posted on',
    'dunningHistory.outcomeOn': 'On',
    'dunningHistory.trackingSave': 'Save',
    'dunningHistory.trackingEdit': 'Correct',
    'dunningHistory.trackingDeposited': 'posted on {date}',
    'dunningHistory.trackingRecordedBy':
      'Last entry on {when} by {who}{entries, plural, one {} other { (# entries in all)}}',
    'dunningHistory.outcomeState':
      '{outcome, select, delivered {Receipt signed on {date}} returned_unclaimed {Not collected, returned on {date}} returned_unknown_address {Addressee unknown at the address, returned on {date}} other {{outcome}}}',
    'dunningHistory.outcomeOption':
      '{outcome, select, delivered {Delivered, acknowledgement of receipt signed} returned_unclaimed {Returned: not collected} returned_unknown_address {Returned: addressee unknown at the address} other {{outcome}}}',
    'dunningHistory.outcomeWaiting': 'Awaiting the acknowledgement of receipt',
    'dunningHistory.outcomeNeedsNumber': 'After the number',
    'dunningHistory.cli.letter': 'Letter',
    'dunningHistory.cli.state':
      'Registered letter {id}: registered post no. {number} posted on {deposited} — {outcome}',
    'dunningHistory.cli.unchanged': 'Already recorded: nothing changed.',
  },
};
