/**
 * Messages of the collector's agenda: portfolios, targets, done/snooze/reassign (`encours agenda`, the agenda page).
 */
export const agenda = {
  fr: {
    'agenda.heldOrder': 'Commande bloquée {order} ({amount})',
    'agenda.limitRequest': 'Demande de limite : {amount}',
    'auditAction.agenda.assign': 'Affectation à un portefeuille de recouvrement',
    'auditAction.agenda.reassign': 'Client confié à un autre chargé de recouvrement',
    'auditAction.agenda.done': 'Entrée de l’agenda traitée',
    'auditAction.agenda.snooze': 'Entrée de l’agenda reportée',
    'agenda.error.noCollector':
      'Aucun utilisateur actif {email} pouvant tenir un portefeuille de recouvrement.',
    'agenda.error.notYours':
      'Cet agenda n’est pas le vôtre : seul un responsable choisit celui d’un autre chargé de recouvrement.',
    'agenda.error.collectorOption': 'Indiquez le chargé de recouvrement : --collector EMAIL.',
    'agenda.error.noCustomer': 'Indiquez au moins un code client.',
    'agenda.error.unknownCustomers': 'Clients inconnus : {codes}.',
    'agenda.error.badDate': '« {value} » n’est pas une date (AAAA-MM-JJ).',
    'agenda.error.snoozeNotAfter': 'La date de rappel doit être postérieure au {asOf}.',
    'agenda.scope.all': 'Tous les clients',
    'agenda.scope.unassigned': 'Clients sans chargé de recouvrement',
    'agenda.scope.collector': 'Portefeuille de {collector}',
    'agenda.hidden':
      '{count, plural, one {# entrée traitée ou reportée masquée} other {# entrées traitées ou reportées masquées}} aujourd’hui.',
    'agenda.assigned':
      '{count, plural, =0 {Aucun client affecté} one {# client affecté} other {# clients affectés}} à {collector}.',
    'agenda.unassigned':
      '{count, plural, =0 {Aucun client retiré} one {# client retiré} other {# clients retirés}} de son portefeuille.',
    'agenda.unchanged': 'Déjà en place : {codes}.',
    'agenda.decision.done': '{customer} : traité pour aujourd’hui.',
    'agenda.decision.snoozed': '{customer} : reporté, de retour le {date}.',
    'agenda.decision.reassigned':
      '{customer} : confié à {collector} ({count, plural, =0 {aucune tâche ouverte} one {# tâche ouverte transférée} other {# tâches ouvertes transférées}}).',
    'agenda.page.collector': 'Agenda de',
    'agenda.page.myPortfolio': 'Mon portefeuille',
    'agenda.page.collectorColumn': 'Chargé',
    'agenda.page.nobody': 'Non affecté',
    'agenda.page.done': 'Traité',
    'agenda.page.snooze': 'Reporter',
    'agenda.page.snoozeUntil': 'Jusqu’au',
    'agenda.page.reassign': 'Réaffecter',
    'agenda.page.reassignTo': 'Confier à',
    'agenda.page.confirm': 'Valider',
    'agenda.page.cancel': 'Annuler',
  },
  en: {
    'agenda.heldOrder': 'Held order {order} ({amount})',
    'agenda.limitRequest': 'Limit request: {amount}',
    'auditAction.agenda.assign': 'Assignment to a collection portfolio',
    'auditAction.agenda.reassign': 'Customer handed to another collector',
    'auditAction.agenda.done': 'Agenda entry done',
    'auditAction.agenda.snooze': 'Agenda entry snoozed',
    'agenda.error.noCollector': 'No active user {email} who may hold a collection portfolio.',
    'agenda.error.notYours': 'This agenda is not yours: only a manager picks another collector’s.',
    'agenda.error.collectorOption': 'Name the collector: --collector EMAIL.',
    'agenda.error.noCustomer': 'Give at least one customer code.',
    'agenda.error.unknownCustomers': 'Unknown customers: {codes}.',
    'agenda.error.badDate': '“{value}” is not a date (YYYY-MM-DD).',
    'agenda.error.snoozeNotAfter': 'The snooze date must come after {asOf}.',
    'agenda.scope.all': 'All customers',
    'agenda.scope.unassigned': 'Customers without a collector',
    'agenda.scope.collector': 'Portfolio of {collector}',
    'agenda.hidden':
      '{count, plural, one {# entry done or snoozed is} other {# entries done or snoozed are}} hidden today.',
    'agenda.assigned':
      '{count, plural, =0 {No customer assigned} one {# customer assigned} other {# customers assigned}} to {collector}.',
    'agenda.unassigned':
      '{count, plural, =0 {No customer taken} one {# customer taken} other {# customers taken}} out of their portfolio.',
    'agenda.unchanged': 'Already so: {codes}.',
    'agenda.decision.done': '{customer}: done for today.',
    'agenda.decision.snoozed': '{customer}: snoozed, back on {date}.',
    'agenda.decision.reassigned':
      '{customer}: handed to {collector} ({count, plural, =0 {no open task} one {# open task moved} other {# open tasks moved}}).',
    'agenda.page.collector': 'Agenda of',
    'agenda.page.myPortfolio': 'My portfolio',
    'agenda.page.collectorColumn': 'Collector',
    'agenda.page.nobody': 'Unassigned',
    'agenda.page.done': 'Done',
    'agenda.page.snooze': 'Snooze',
    'agenda.page.snoozeUntil': 'Until',
    'agenda.page.reassign': 'Reassign',
    'agenda.page.reassignTo': 'Hand to',
    'agenda.page.confirm': 'Confirm',
    'agenda.page.cancel': 'Cancel',
  },
};
