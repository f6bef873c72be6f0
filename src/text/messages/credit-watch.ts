/**
 * Credit decisions, continued: group exposure, re-scoring after a change and at night, reminders
 * of late limit requests, the signed ERP webhook, balance-sheet files and the risk map; the
 * customer file's risk words (forced class, blocked credit, imported limit changes, units, legal forms).
 */
export const creditWatch = {
  fr: {
    'jobKind.credit.rescore_changed': 'Recalcul des scores après un changement',
    'jobKind.credit.limit_reminders': 'Rappel des demandes de limite en retard',
    'credit.limit.reason.customerFile': 'Modification de la fiche client',
    'credit.limit.reason.import': 'Import du fichier {file}',
    'credit.reason.group_over_limit':
      'L’encours du groupe {groupCode} de {groupExposure} plus cette commande de {order} le porterait à {groupExposureAfter}, au-delà de la limite du groupe de {groupLimit} (tolérance {tolerance}) : dépassement de {excess}.',
    'credit.mail.reminder.subject':
      'Rappel : demande de limite n° {id} pour {customer} en attente de votre décision',
    'credit.mail.reminder.text':
      'Bonjour,\n\nLa demande de limite de crédit n° {id} pour {customer}, d’un montant de {amount}, attend toujours une décision ({role}). Elle devait être décidée avant le {dueAt}.\n\nDemandée par {requestedBy} le {requestedAt} : {justification}\n\nRappel n° {reminder}.\n\nEncours\n',
    'credit.mail.limitRequest.subject': '{action} — {customer} — {amount}',
    'credit.mail.limitRequest.text': '{action} n° {id} : {customer} ({code}), {amount}.\n',
    'auditAction.credit.webhook_secret': 'Secret du webhook ERP renouvelé',
    'auditEntity.credit_webhook': 'Webhook ERP',
    'credit.web.groupExposure': 'Encours du groupe {group}',
    'credit.web.groupMembers': '{n, plural, one {# établissement} other {# établissements}} : {members}',
    'credit.web.groupLimit': 'Limite du groupe',
    'credit.web.limitHistory': 'Historique de la limite',
    'credit.web.limitHistoryEmpty': 'Aucun changement de limite enregistré.',
    'credit.web.limitFrom': 'Depuis le',
    'credit.web.limitKind': 'Nature',
    'credit.web.limitBefore': 'Avant',
    'credit.web.limitAfter': 'Après',
    'credit.web.limitUntil': 'Jusqu’au',
    'credit.web.limitBy': 'Par',
    'credit.web.limitReason': 'Motif',
    'credit.web.insured': 'Part assurée',
    'credit.web.uninsured': 'Part non assurée',
    'credit.web.beyondCover': 'Au-delà de la garantie',
    'credit.web.riskMap': 'Carte des risques par classe',
    'credit.web.riskMapIntro':
      'Clients et encours par classe de risque, avec la part que l’assureur-crédit couvrirait et le risque que l’entreprise garde.',
    'credit.web.customers': 'Clients',
    'credit.web.noClass': 'Non noté',
    'credit.web.classOverride':
      'Classe {riskClass} imposée : procédure collective en cours ({procedure}). Le score mesure les habitudes de paiement ; la procédure prime.',
    'credit.web.classOverrideStory':
      'Classe {riskClass} imposée : procédure collective inscrite à l’historique du client. Le score mesure les habitudes de paiement ; la procédure prime.',
    'credit.web.limitBlocked': 'crédit bloqué',
    'credit.web.labelled': '{label} : {value}',
    'credit.cli.classOverride': 'Classe {riskClass} imposée : procédure collective ({procedure}).',
    'limitKind.imported': 'Importée (historique)',
    'credit.web.vatNumber': 'N° TVA intracommunautaire',
    'credit.web.valueDays': '{days} j',
    'credit.web.valueYears': '{n, plural, one {# an} other {# ans}}',
    'legalForm.sa': 'SA',
    'legalForm.sas': 'SAS',
    'legalForm.sasu': 'SASU',
    'legalForm.sarl': 'SARL',
    'legalForm.eurl': 'EURL',
    'legalForm.snc': 'SNC',
    'legalForm.ei': 'Entreprise individuelle',
    'legalForm.public_body': 'Personne publique',
    'credit.cli.sheetsImported':
      '{rows, plural, =0 {aucune ligne lue} one {# ligne lue} other {# lignes lues}} ; {customers, plural, =0 {aucun bilan modifié} one {bilans de # client mis à jour} other {bilans de # clients mis à jour}}',
    'credit.cli.scheduled': 'Planifié : {kind} ({cron}), prochaine exécution le {next}',
    'credit.cli.secret':
      'Secret de signature du webhook (conservez-le : il ne sera plus affiché) :\n{secret}',
    'credit.cli.reminded':
      '{n, plural, =0 {aucune demande en retard à rappeler} one {# demande en retard rappelée} other {# demandes en retard rappelées}}',
  },
  en: {
    'jobKind.credit.rescore_changed': 'Risk scores recomputed after a change',
    'jobKind.credit.limit_reminders': 'Reminders of late limit requests',
    'credit.limit.reason.customerFile': 'Customer file changed',
    'credit.limit.reason.import': 'Import of file {file}',
    'credit.reason.group_over_limit':
      'The exposure of group {groupCode}, {groupExposure}, plus this order of {order} would bring it to {groupExposureAfter}, above the group limit of {groupLimit} (tolerance {tolerance}): {excess} over.',
    'credit.mail.reminder.subject': 'Reminder: limit request no. {id} for {customer} awaits your decision',
    'credit.mail.reminder.text':
      'Hello,\n\nCredit limit request no. {id} for {customer}, for {amount}, still awaits a decision ({role}). It was due before {dueAt}.\n\nRequested by {requestedBy} on {requestedAt}: {justification}\n\nReminder no. {reminder}.\n\nEncours\n',
    'credit.mail.limitRequest.subject': '{action} — {customer} — {amount}',
    'credit.mail.limitRequest.text': '{action} no. {id}: {customer} ({code}), {amount}.\n',
    'auditAction.credit.webhook_secret': 'ERP webhook secret renewed',
    'auditEntity.credit_webhook': 'ERP webhook',
    'credit.web.groupExposure': 'Exposure of group {group}',
    'credit.web.groupMembers': '{n, plural, one {# account} other {# accounts}}: {members}',
    'credit.web.groupLimit': 'Group limit',
    'credit.web.limitHistory': 'Limit history',
    'credit.web.limitHistoryEmpty': 'No limit change recorded.',
    'credit.web.limitFrom': 'From',
    'credit.web.limitKind': 'Kind',
    'credit.web.limitBefore': 'Before',
    'credit.web.limitAfter': 'After',
    'credit.web.limitUntil': 'Until',
    'credit.web.limitBy': 'By',
    'credit.web.limitReason': 'Reason',
    'credit.web.insured': 'Insured part',
    'credit.web.uninsured': 'Uninsured part',
    'credit.web.beyondCover': 'Beyond cover',
    'credit.web.riskMap': 'Risk map by class',
    'credit.web.riskMapIntro':
      'Customers and exposure by risk class, with the part the credit insurer would cover and the risk the company keeps.',
    'credit.web.customers': 'Customers',
    'credit.web.noClass': 'Not scored',
    'credit.web.classOverride':
      'Class {riskClass} forced: collective proceedings under way ({procedure}). The score measures payment habits; the proceedings prevail.',
    'credit.web.classOverrideStory':
      'Class {riskClass} forced: collective proceedings recorded in the customer’s story. The score measures payment habits; the proceedings prevail.',
    'credit.web.limitBlocked': 'credit blocked',
    'credit.web.labelled': '{label}: {value}',
    'credit.cli.classOverride': 'Class {riskClass} forced: collective proceedings ({procedure}).',
    'limitKind.imported': 'Imported (history)',
    'credit.web.vatNumber': 'EU VAT number',
    'credit.web.valueDays': '{days} d',
    'credit.web.valueYears': '{n, plural, one {# year} other {# years}}',
    'legalForm.sa': 'SA (public limited company)',
    'legalForm.sas': 'SAS (simplified joint-stock company)',
    'legalForm.sasu': 'SASU (single-member SAS)',
    'legalForm.sarl': 'SARL (limited liability company)',
    'legalForm.eurl': 'EURL (single-member SARL)',
    'legalForm.snc': 'SNC (general partnership)',
    'legalForm.ei': 'Sole proprietorship (EI)',
    'legalForm.public_body': 'Public body',
    'credit.cli.sheetsImported':
      '{rows, plural, =0 {no row read} one {# row read} other {# rows read}}; {customers, plural, =0 {no balance sheet changed} one {balance sheets of # customer updated} other {balance sheets of # customers updated}}',
    'credit.cli.scheduled': 'Scheduled: {kind} ({cron}), next run {next}',
    'credit.cli.secret': 'Webhook signing secret (keep it: it will not be shown again):\n{secret}',
    'credit.cli.reminded':
      '{n, plural, =0 {no late request to remind} one {# late request reminded} other {# late requests reminded}}',
  },
} as const;
