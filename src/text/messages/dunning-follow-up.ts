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
    'dunningFollowUp.promises.emptyWhere':
      'Une promesse s’enregistre au fil d’un appel, depuis l’agenda de relance (bouton « Promesse de paiement » sur la ligne du client). Les promesses de l’historique importé ne sont pas suivies ici : elles figurent dans la chronologie de chaque client.',
    'dunningFollowUp.promises.toAgenda': 'Ouvrir l’agenda de relance',
    'dunningFollowUp.promises.emptyStatus': 'Aucune promesse dans cet état.',
    'dunningFollowUp.openItems.lastStep': 'Dernière relance',
    'dunningFollowUp.step.numbered': '{kind} {number}',
    'dunningFollowUp.step.sent': 'le {date} · {channel}',
    'dunningFollowUp.step.imported': 'niveau déduit de la relance du {date} (historique importé)',
    'dunningFollowUp.step.importedCapped':
      '{before, select, handover {niveau déduit de la relance importée du {date}, arrêté avant la transmission au contentieux : l’historique ne la prouve pas, Encours la proposera lui-même} other {niveau déduit de la relance importée du {date}, arrêté avant la mise en demeure : l’historique n’en prouve pas l’envoi, Encours enverra la sienne}}',
    'dunningFollowUp.step.importedNotice':
      'en recommandé avec AR le {date}, selon l’historique importé (accusé de réception non conservé dans Encours)',
    'dunningFollowUp.openItems.handedOver': 'Transmis au contentieux',
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
    'dunningFollowUp.promises.emptyWhere':
      'A promise is recorded during a call, from the collection agenda (the “Promise to pay” button on the customer’s row). Promises from the imported history are not followed here: they show in each customer’s timeline.',
    'dunningFollowUp.promises.toAgenda': 'Open the collection agenda',
    'dunningFollowUp.promises.emptyStatus': 'No promise with this status.',
    'dunningFollowUp.openItems.lastStep': 'Last reminder',
    'dunningFollowUp.step.numbered': '{kind} {number}',
    'dunningFollowUp.step.sent': 'on {date} · {channel}',
    'dunningFollowUp.step.imported': 'level read from the reminder of {date} (imported history)',
    'dunningFollowUp.step.importedCapped':
      '{before, select, handover {level read from the imported reminder of {date}, stopped before the hand-over: the history does not prove it, Encours will propose its own} other {level read from the imported reminder of {date}, stopped before the formal notice: the history does not prove one was sent, Encours will send its own}}',
    'dunningFollowUp.step.importedNotice':
      'by registered letter on {date}, according to the imported history (acknowledgement of receipt not kept in Encours)',
    'dunningFollowUp.openItems.handedOver': 'Handed over to litigation',
  },
};
