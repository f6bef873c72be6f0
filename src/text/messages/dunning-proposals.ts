/**
 * Messages of dunning runs reviewed before sending: the proposal the daily job stores, its
 * approval or rejection (run page, `encours dunning proposals|approve|reject`, audit log), and
 * the setting that asks for it.
 */
const STATUS_FR =
  '{status, select, pending {à valider} approved {validées} rejected {refusées} superseded {remplacées par de plus récentes} other {{status}}}';
const STATUS_EN =
  '{status, select, pending {awaiting approval} approved {approved} rejected {rejected} superseded {superseded by newer ones} other {{status}}}';

export const dunningProposals = {
  fr: {
    'auditAction.dunning.proposal_create': 'Relances proposées à la validation',
    'auditAction.dunning.proposal_approve': 'Relances validées et envoyées',
    'auditAction.dunning.proposal_reject': 'Relances refusées',
    'auditEntity.dunning_run_proposal': 'Relances à valider',
    'dunningProposals.error.notPending':
      'Les relances n° {id} ne sont plus à valider : elles sont ' + STATUS_FR + '.',
    'dunningProposals.status': STATUS_FR,
    'dunningProposals.title': 'Relances à valider',
    'dunningProposals.summary':
      'Campagne du {date} : {customers, plural, one {# client} other {# clients}}, {actions, plural, one {# relance} other {# relances}}, {amount} à recouvrer.',
    'dunningProposals.createdBy': 'Préparées le {date} par {actor}.',
    'dunningProposals.approve':
      '{count, plural, =0 {Aucun client sélectionné} one {Valider et envoyer au client sélectionné} other {Valider et envoyer aux # clients sélectionnés}}',
    'dunningProposals.reject': 'Refuser',
    'dunningProposals.rejectTitle': 'Refuser ces relances',
    'dunningProposals.rejectNote': 'Motif du refus (facultatif)',
    'dunningProposals.rejectConfirm': 'Refuser les relances',
    'dunningProposals.cancel': 'Annuler',
    'dunningProposals.approved':
      'Relances validées : campagne n° {run}, {sent, plural, =0 {aucune relance envoyée} one {# relance envoyée} other {# relances envoyées}}.',
    'dunningProposals.proposed':
      'Validation avant envoi : rien n’est envoyé. Les relances du {date} ({customers, plural, one {# client} other {# clients}}, {actions, plural, one {# relance} other {# relances}}) attendent la décision d’un responsable crédit (proposition n° {id}).',
    'dunningProposals.proposedNothing':
      'Validation avant envoi : rien n’est envoyé, et aucune relance n’est due le {date}.',
    'dunningProposals.propose':
      '{count, plural, =0 {Aucune relance à proposer} one {Proposer la relance sélectionnée à la validation} other {Proposer les # relances sélectionnées à la validation}}',
    'dunningProposals.proposeBeforePreview': 'Proposer la sélection à la validation',
    'dunningProposals.rejected': 'Relances refusées.',
    'dunningProposals.setting.reviewBeforeSending': 'Valider les relances avant envoi',
    'dunningProposals.setting.reviewHelp':
      'Les campagnes, quotidiennes ou lancées ici, préparent les relances sans les envoyer ; un responsable crédit les valide ou les refuse.',
    'dunningProposals.cli.none': 'Aucune proposition de relances.',
    'dunningProposals.cli.id': 'N°',
    'dunningProposals.cli.date': 'Date',
    'dunningProposals.cli.statusHeader': 'Statut',
    'dunningProposals.cli.customers': 'Clients',
    'dunningProposals.cli.actions': 'Relances',
    'dunningProposals.cli.amount': 'Montant dû',
    'dunningProposals.cli.decidedBy': 'Décidé par',
    'dunningProposals.cli.settingSaved':
      'Validation avant envoi : {review, select, true {activée} other {désactivée}}.',
    'dunning.settings.cli.defaultTitle':
      '— («\u00a0{title}\u00a0» en français, le titre du catalogue dans la langue de chaque lettre)',
    'auditField.actions': 'Relances',
    'auditField.byChannel': 'Par canal',
    'auditField.bySteps': 'Par étape',
    'auditField.totals': 'Totaux',
    'auditField.superseded': 'Propositions remplacées',
    'auditField.plannedActions': 'Relances prévues',
    'auditField.sentActions': 'Relances envoyées',
    'auditField.skippedItems': 'Factures écartées',
    'auditField.tasksCreated': 'Tâches créées',
    'auditField.claims': 'Sommes réclamées',
    'auditField.step': 'Étape',
    'auditField.madeOn': 'Date de la promesse',
    'auditField.instalments': 'Échéances promises',
  },
  en: {
    'auditAction.dunning.proposal_create': 'Reminders proposed for approval',
    'auditAction.dunning.proposal_approve': 'Reminders approved and sent',
    'auditAction.dunning.proposal_reject': 'Reminders rejected',
    'auditEntity.dunning_run_proposal': 'Reminders awaiting approval',
    'dunningProposals.error.notPending':
      'Reminders no. {id} no longer await approval: they are ' + STATUS_EN + '.',
    'dunningProposals.status': STATUS_EN,
    'dunningProposals.title': 'Reminders awaiting approval',
    'dunningProposals.summary':
      'Run of {date}: {customers, plural, one {# customer} other {# customers}}, {actions, plural, one {# reminder} other {# reminders}}, {amount} to collect.',
    'dunningProposals.createdBy': 'Prepared on {date} by {actor}.',
    'dunningProposals.approve':
      '{count, plural, =0 {No customer selected} one {Approve and send to the selected customer} other {Approve and send to the # selected customers}}',
    'dunningProposals.reject': 'Reject',
    'dunningProposals.rejectTitle': 'Reject these reminders',
    'dunningProposals.rejectNote': 'Reason (optional)',
    'dunningProposals.rejectConfirm': 'Reject the reminders',
    'dunningProposals.cancel': 'Cancel',
    'dunningProposals.approved':
      'Reminders approved: run no. {run}, {sent, plural, =0 {no reminder sent} one {# reminder sent} other {# reminders sent}}.',
    'dunningProposals.proposed':
      'Approval before sending: nothing is sent. The reminders of {date} ({customers, plural, one {# customer} other {# customers}}, {actions, plural, one {# reminder} other {# reminders}}) await a credit manager’s decision (proposal no. {id}).',
    'dunningProposals.proposedNothing':
      'Approval before sending: nothing is sent, and no reminder is due on {date}.',
    'dunningProposals.propose':
      '{count, plural, =0 {No reminder to propose} one {Propose the selected reminder for approval} other {Propose the # selected reminders for approval}}',
    'dunningProposals.proposeBeforePreview': 'Propose the selection for approval',
    'dunningProposals.rejected': 'Reminders rejected.',
    'dunningProposals.setting.reviewBeforeSending': 'Approve reminders before sending',
    'dunningProposals.setting.reviewHelp':
      'Runs, daily or started here, prepare the reminders without sending them; a credit manager approves or rejects them.',
    'dunningProposals.cli.none': 'No dunning proposal.',
    'dunningProposals.cli.id': 'No.',
    'dunningProposals.cli.date': 'Date',
    'dunningProposals.cli.statusHeader': 'Status',
    'dunningProposals.cli.customers': 'Customers',
    'dunningProposals.cli.actions': 'Reminders',
    'dunningProposals.cli.amount': 'Amount due',
    'dunningProposals.cli.decidedBy': 'Decided by',
    'dunningProposals.cli.settingSaved': 'Approval before sending: {review, select, true {on} other {off}}.',
    'dunning.settings.cli.defaultTitle':
      '— ("{title}" in English, the catalogue’s title in each letter’s language)',
    'auditField.actions': 'Reminders',
    'auditField.byChannel': 'By channel',
    'auditField.bySteps': 'By step',
    'auditField.totals': 'Totals',
    'auditField.superseded': 'Proposals superseded',
    'auditField.plannedActions': 'Reminders planned',
    'auditField.sentActions': 'Reminders sent',
    'auditField.skippedItems': 'Invoices left out',
    'auditField.tasksCreated': 'Tasks created',
    'auditField.claims': 'Amounts claimed',
    'auditField.step': 'Step',
    'auditField.madeOn': 'Promise made on',
    'auditField.instalments': 'Instalments promised',
  },
};
