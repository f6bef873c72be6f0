/**
 * Dunning cases handled one by one: an invoice's pause and a reminder made outside Encours
 * (`encours dunning pause|unpause|pauses|manual`, the run page, the customer's story).
 */
export const dunningCases = {
  fr: {
    'dunningCases.event.paused': 'Relances de la facture {invoice} suspendues jusqu’au {until} : {reason}',
    'dunningCases.event.unpaused': 'Relances de la facture {invoice} reprises',
    'dunningCases.event.manualReminder':
      '{step} faite hors Encours ({channel}) : {count, plural, one {# facture} other {# factures}}, {total}. {note}',
    'dunningCases.skippedPause': '{reason} (jusqu’au {until})',
    'dunningCases.cli.paused': 'Relances de la facture {invoice} suspendues jusqu’au {until} (pause n° {id})',
    'dunningCases.cli.unpaused': 'Pause n° {id} levée : la facture {invoice} sera relancée',
    'dunningCases.cli.manual':
      'Relance manuelle enregistrée ({step}) : {count, plural, one {# facture} other {# factures}}',
    'dunningCases.page.pause': 'Suspendre',
    'dunningCases.page.unpause': 'Reprendre',
    'dunningCases.page.pauses': 'Factures suspendues',
    'dunningCases.page.pauseReason': 'Motif de la suspension',
    'dunningCases.page.pauseUntil': 'Jusqu’au',
    'dunningCases.page.pausedBy': 'Par',
    'dunningCases.page.noPauses': 'Aucune facture suspendue.',
    'dunningCases.page.manualReminder': 'Noter une relance faite hors Encours',
    'dunningCases.nav.templates': 'Modèles de relance',
    'dunningCases.page.templatesTitle': 'Modèles de relance',
    'dunningCases.page.templatesIntro':
      'Le texte des e-mails, courriers et SMS de chaque étape, en français et en anglais. L’aperçu montre le modèle sur une relance d’exemple ; chaque enregistrement crée une nouvelle version, les précédentes sont conservées.',
    'dunningCases.page.language': 'Langue',
    'dunningCases.page.shipped': 'Modèle fourni',
    'dunningCases.page.templateSaved': 'Version {version} enregistrée',
    'dunningCases.page.smsLength': '{length} caractères sur 160',
    'dunningPolicyProblem.invalid_step_dates': 'Règle de date des étapes inconnue',
    'dunningCases.page.stepDates': 'Étape un week-end ou un jour férié',
    'dunningStepDates.as_is': 'Envoyée ce jour-là',
    'dunningStepDates.next_business_day': 'Reportée au jour ouvré suivant',
    'auditAction.dunning.invoice_pause': 'Relances d’une facture suspendues',
    'auditAction.dunning.invoice_unpause': 'Relances d’une facture reprises',
    'auditEntity.dunning_invoice_pause': 'Suspension de relance',
  },
  en: {
    'dunningCases.event.paused': 'Reminders of invoice {invoice} paused until {until}: {reason}',
    'dunningCases.event.unpaused': 'Reminders of invoice {invoice} resumed',
    'dunningCases.event.manualReminder':
      '{step} made outside Encours ({channel}): {count, plural, one {# invoice} other {# invoices}}, {total}. {note}',
    'dunningCases.skippedPause': '{reason} (until {until})',
    'dunningCases.cli.paused': 'Reminders of invoice {invoice} paused until {until} (pause {id})',
    'dunningCases.cli.unpaused': 'Pause {id} lifted: invoice {invoice} will be reminded again',
    'dunningCases.cli.manual':
      'Manual reminder recorded ({step}): {count, plural, one {# invoice} other {# invoices}}',
    'dunningCases.page.pause': 'Pause',
    'dunningCases.page.unpause': 'Resume',
    'dunningCases.page.pauses': 'Paused invoices',
    'dunningCases.page.pauseReason': 'Reason for the pause',
    'dunningCases.page.pauseUntil': 'Until',
    'dunningCases.page.pausedBy': 'By',
    'dunningCases.page.noPauses': 'No invoice is paused.',
    'dunningCases.page.manualReminder': 'Record a reminder made outside Encours',
    'dunningCases.nav.templates': 'Dunning templates',
    'dunningCases.page.templatesTitle': 'Dunning templates',
    'dunningCases.page.templatesIntro':
      'The text of each step’s e-mails, letters and SMS, in French and English. The preview shows the template on a sample reminder; each save creates a new version and keeps the previous ones.',
    'dunningCases.page.language': 'Language',
    'dunningCases.page.shipped': 'Shipped template',
    'dunningCases.page.templateSaved': 'Version {version} saved',
    'dunningCases.page.smsLength': '{length} characters of 160',
    'dunningPolicyProblem.invalid_step_dates': 'Unknown step date rule',
    'dunningCases.page.stepDates': 'Step on a weekend or public holiday',
    'dunningStepDates.as_is': 'Sent on that day',
    'dunningStepDates.next_business_day': 'Moved to the next business day',
    'auditAction.dunning.invoice_pause': 'Invoice reminders paused',
    'auditAction.dunning.invoice_unpause': 'Invoice reminders resumed',
    'auditEntity.dunning_invoice_pause': 'Dunning pause',
  },
} as const;
