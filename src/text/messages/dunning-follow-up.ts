/**
 * The follow-up of the dunning as the web app shows it: the promises to pay page, and the last
 * step and hand-over of each open invoice in the customer file. Step kinds, channels and promise
 * statuses are the catalogue's labels (dunning-codes.ts).
 */
export const dunningFollowUp = {
  fr: {
    'dunningFollowUp.promises.nav': 'Promesses de paiement',
    'dunningFollowUp.promises.title': 'Promesses de paiement',
    'dunningFollowUp.promises.intro':
      'Les promesses obtenues des clients et leur état à la date de référence : une échéance est tenue quand les règlements reçus depuis la promesse la couvrent au plus tard à sa date, tolérance de la politique comprise. Un règlement déjà enregistré quand la promesse l’a été n’y compte pas, même daté du jour de l’appel : il était déjà déduit de l’impayé.',
    'dunningFollowUp.promises.statusFilter': 'État',
    'dunningFollowUp.promises.allStatuses': 'Tous les états',
    'dunningFollowUp.promises.customer': 'Client',
    'dunningFollowUp.promises.madeOn': 'Faite le',
    'dunningFollowUp.promises.instalments': 'Échéances',
    'dunningFollowUp.promises.instalment': '{date} : {amount}',
    'dunningFollowUp.promises.total': 'Total promis',
    'dunningFollowUp.promises.paid': 'Réglé',
    'dunningFollowUp.promises.status': 'État',
    'dunningFollowUp.promises.invoices': 'Factures',
    'dunningFollowUp.promises.allInvoices': 'Toutes les factures ouvertes',
    'dunningFollowUp.promises.count':
      '{count, plural, =0 {Aucune promesse} one {# promesse} other {# promesses}}',
    'dunningFollowUp.promises.empty': 'Aucune promesse de paiement enregistrée dans Encours.',
    'dunningFollowUp.promises.toAgenda': 'Ouvrir l’agenda de relance',
    'dunningFollowUp.promises.emptyStatus': 'Aucune promesse dans cet état.',
    'dunningFollowUp.openItems.lastStep': 'Dernière relance',
    'dunningFollowUp.step.numbered': '{kind} {number}',
    'dunningFollowUp.step.sent': 'le {date} · {channel}',
    'dunningFollowUp.step.taskCreated': 'tâche créée le {date}',
    'dunningFollowUp.step.handoverProposed': 'Transmission au contentieux proposée',
    'dunningFollowUp.step.imported': 'niveau déduit de la relance du {date} (historique importé)',
    'dunningFollowUp.step.importedCapped':
      '{before, select, handover {niveau déduit de la relance importée du {date}, arrêté avant la transmission au contentieux : l’historique ne la prouve pas, Encours la proposera lui-même} other {niveau déduit de la relance importée du {date}, arrêté avant la mise en demeure : l’historique n’en prouve pas l’envoi, Encours enverra la sienne}}',
    'dunningFollowUp.step.importedNotice':
      'en recommandé avec AR le {date}, selon l’historique importé (accusé de réception non conservé dans Encours)',
    'dunningFollowUp.openItems.handedOver': 'Transmis au contentieux',
    'dunningFollowUp.promises.recordedTitle': 'Enregistrées dans Encours',
    'dunningFollowUp.promises.emptyHow':
      'Une promesse s’enregistre au fil d’un appel, depuis l’agenda de relance (bouton « Promesse de paiement » sur la ligne du client) : la relance des factures qu’elle couvre attend alors sa dernière échéance, tolérance comprise.',
    'dunningFollowUp.promises.emptyImported':
      'Les promesses de l’historique importé sont listées plus bas, en lecture seule : elles ne suspendent pas la relance.',
    'dunningFollowUp.imported.title': 'Selon l’historique importé',
    'dunningFollowUp.imported.intro':
      'Les lignes « promesse » de l’historique importé avec les clients, en lecture seule : la date et le montant promis sont lus dans leur texte. Elles ne suspendent pas la relance et n’entrent pas dans les prévisions. Leur état est lu dans le grand livre : tenue quand les règlements reçus après le jour de la ligne, au plus tard à la date promise, couvrent le montant (règlements impayés déduits), non tenue sinon. Une ligne qui ne dit pas de montant mais nomme ses factures est tenue quand elles sont soldées à la date promise. Non vérifiable quand la ligne ne dit pas la date, ni le montant ou la facture, ou quand seul un règlement du jour même de l’appel la couvrirait (reçu avant ou après l’appel ?).',
    'dunningFollowUp.imported.badge': 'Importée',
    'dunningFollowUp.imported.lineDate': 'Ligne du',
    'dunningFollowUp.imported.promisedOn': 'Date promise',
    'dunningFollowUp.imported.amount': 'Montant promis',
    'dunningFollowUp.imported.paid': 'Réglé à la date promise',
    'dunningFollowUp.imported.line': 'Texte de la ligne',
    'dunningFollowUp.imported.invoice': 'Facture {ref}',
    'dunningFollowUp.imported.dateNotStated': 'non précisée',
    'dunningFollowUp.imported.amountNotStated': 'non précisé',
    'dunningFollowUp.imported.empty': 'Aucune promesse dans l’historique importé.',
    'dunningFollowUp.imported.count':
      '{count, plural, =0 {Aucune promesse importée} one {# promesse importée} other {# promesses importées}}',
    'dunningFollowUp.imported.invoiceSettled':
      '{count, plural, one {Vérifiée sur la facture {refs}, soldée le {date}} other {Vérifiée sur les factures {refs}, soldées le {date}}}',
    'dunningFollowUp.imported.invoiceOpen':
      '{status, select, pending {Suivie} other {Vérifiée}} sur {count, plural, one {la facture {refs}} other {les factures {refs}}} : solde de {open} au {date}',
    'dunningFollowUp.imported.cliRange': 'Lignes {from} à {to} sur {total}.',
    'dunningFollowUp.imported.cliPastEnd': 'Aucune ligne à partir de la ligne {from} : il y en a {total}.',
    'dunningFollowUp.imported.cliNext': 'Suivantes : --offset {next} ; toutes : --limit 0.',
    'dunningFollowUp.imported.cliHeading':
      'Promesses selon l’historique importé (lecture seule, sans effet sur la relance) :',
  },
  en: {
    'dunningFollowUp.promises.nav': 'Promises to pay',
    'dunningFollowUp.promises.title': 'Promises to pay',
    'dunningFollowUp.promises.intro':
      'The promises customers made and where they stand at the reference date: an instalment is kept when the payments received since the promise cover it by its date, the policy’s grace included. A payment already recorded when the promise was does not count, even dated the day of the call: it was already off the overdue.',
    'dunningFollowUp.promises.statusFilter': 'Status',
    'dunningFollowUp.promises.allStatuses': 'All statuses',
    'dunningFollowUp.promises.customer': 'Customer',
    'dunningFollowUp.promises.madeOn': 'Made on',
    'dunningFollowUp.promises.instalments': 'Instalments',
    'dunningFollowUp.promises.instalment': '{date}: {amount}',
    'dunningFollowUp.promises.total': 'Total promised',
    'dunningFollowUp.promises.paid': 'Paid',
    'dunningFollowUp.promises.status': 'Status',
    'dunningFollowUp.promises.invoices': 'Invoices',
    'dunningFollowUp.promises.allInvoices': 'Every open invoice',
    'dunningFollowUp.promises.count': '{count, plural, =0 {No promise} one {# promise} other {# promises}}',
    'dunningFollowUp.promises.empty': 'No promise to pay recorded in Encours.',
    'dunningFollowUp.promises.toAgenda': 'Open the collection agenda',
    'dunningFollowUp.promises.emptyStatus': 'No promise with this status.',
    'dunningFollowUp.openItems.lastStep': 'Last reminder',
    'dunningFollowUp.step.numbered': '{kind} {number}',
    'dunningFollowUp.step.sent': 'on {date} · {channel}',
    'dunningFollowUp.step.taskCreated': 'task created on {date}',
    'dunningFollowUp.step.handoverProposed': 'Hand-over to legal proposed',
    'dunningFollowUp.step.imported': 'level read from the reminder of {date} (imported history)',
    'dunningFollowUp.step.importedCapped':
      '{before, select, handover {level read from the imported reminder of {date}, stopped before the hand-over: the history does not prove it, Encours will propose its own} other {level read from the imported reminder of {date}, stopped before the formal notice: the history does not prove one was sent, Encours will send its own}}',
    'dunningFollowUp.step.importedNotice':
      'by registered letter on {date}, according to the imported history (acknowledgement of receipt not kept in Encours)',
    'dunningFollowUp.openItems.handedOver': 'Handed over to litigation',
    'dunningFollowUp.promises.recordedTitle': 'Recorded in Encours',
    'dunningFollowUp.promises.emptyHow':
      'A promise is recorded during a call, from the collection agenda (the “Promise to pay” button on the customer’s row): the invoices it covers are then not reminded until its last instalment, grace included.',
    'dunningFollowUp.promises.emptyImported':
      'The promises of the imported history are listed below, read-only: they do not pause the dunning.',
    'dunningFollowUp.imported.title': 'From the imported history',
    'dunningFollowUp.imported.intro':
      'The “promise” lines of the history imported with the customers, read-only: the date and amount promised are read from their words. They do not pause the dunning and the forecast does not read them. Their status is read from the ledger: kept when the payments received after the line’s day, by the promised date, cover the amount (bounced payments deducted), broken otherwise. A line that states no amount but names its invoices is kept when they were settled by the promised date. Not verifiable when the line does not say the date, nor the amount or the invoice, or when only a payment made the day of the call would cover it (received before or after the call?).',
    'dunningFollowUp.imported.badge': 'Imported',
    'dunningFollowUp.imported.lineDate': 'Line of',
    'dunningFollowUp.imported.promisedOn': 'Promised date',
    'dunningFollowUp.imported.amount': 'Amount promised',
    'dunningFollowUp.imported.paid': 'Paid by the promised date',
    'dunningFollowUp.imported.line': 'Line as imported',
    'dunningFollowUp.imported.invoice': 'Invoice {ref}',
    'dunningFollowUp.imported.dateNotStated': 'not stated',
    'dunningFollowUp.imported.amountNotStated': 'not stated',
    'dunningFollowUp.imported.empty': 'No promise in the imported history.',
    'dunningFollowUp.imported.count':
      '{count, plural, =0 {No imported promise} one {# imported promise} other {# imported promises}}',
    'dunningFollowUp.imported.invoiceSettled':
      '{count, plural, one {Checked against invoice {refs}, settled on {date}} other {Checked against invoices {refs}, settled on {date}}}',
    'dunningFollowUp.imported.invoiceOpen':
      '{status, select, pending {Tracked against} other {Checked against}} {count, plural, one {invoice {refs}} other {invoices {refs}}}: {open} still due on {date}',
    'dunningFollowUp.imported.cliRange': 'Lines {from} to {to} of {total}.',
    'dunningFollowUp.imported.cliPastEnd': 'No line from line {from} on: there are {total}.',
    'dunningFollowUp.imported.cliNext': 'Next ones: --offset {next}; all of them: --limit 0.',
    'dunningFollowUp.imported.cliHeading':
      'Promises from the imported history (read-only, no effect on the dunning):',
  },
};
