/**
 * Credit-insurance claims: the policies' deadlines, the claims declared and their indemnities, in
 * the web page, the CLI and the audit log. Codes are those of src/core/legal/insurance-claims.
 */
export const insuranceClaims = {
  fr: {
    'auditAction.insurance.policy': 'Police d’assurance-crédit enregistrée',
    'auditAction.insurance.declare': 'Menace de sinistre déclarée',
    'auditAction.insurance.claim_update': 'Sinistre mis à jour',
    'auditEntity.insurance_policy': 'Police d’assurance-crédit',
    'auditEntity.insurance_claim': 'Sinistre assurance-crédit',
    'insurance.event.declared':
      'Menace de sinistre n° {claimId} déclarée à {insurer} : {outstanding} impayés, dont {insured} garantis',
    'insurance.event.indemnified': 'Indemnité de {indemnity} reçue de {insurer} (sinistre n° {claimId})',
    'insurance.status':
      '{status, select, declared {menace déclarée} claim_filed {demande d’indemnisation déposée} indemnified {indemnisé} rejected {refusé} settled {réglé par le client} other {inconnu}}',
    'insurance.state':
      '{state, select, not_yet {dans les délais} approaching {échéance proche} past {délai dépassé} no_policy {police non enregistrée} other {inconnu}}',
    'insurance.notGuaranteed': 'délai de déclaration dépassé le {deadline} : facture non garantie',
    'insurance.cli.none': 'Rien à signaler.',
    'insurance.cli.policy':
      '{insurer} (police {policyNumber, select, none {—} other {{policyNumber}}}) : déclaration sous {threatenedLossDays} j après l’échéance, carence {waitingDays} j, alerte {warningDays} j avant',
    'insurance.cli.deadline':
      '{customer} {ref} : {open} échue le {dueDate} — déclarer à {insurer} avant le {deadline, select, none {—} other {{deadline}}} ({state})',
    'insurance.cli.claim':
      'Sinistre n° {claimId} — {customer} — {insurer}, déclaré le {declaredOn}{late, select, yes { (hors délai)} other {{lateInvoices, plural, =0 {} one { (dont # facture hors délai)} other { (dont # factures hors délai)}}}} : {outstanding} impayés, {insured} garantis, indemnité attendue le {expected} — {status}',
    'insurance.web.nav': 'Assurance-crédit',
    'insurance.web.title': 'Sinistres assurance-crédit',
    'insurance.web.policies': 'Polices',
    'insurance.web.insurer': 'Assureur',
    'insurance.web.policyNumber': 'N° de police',
    'insurance.web.declarationDays': 'Déclaration (jours après l’échéance)',
    'insurance.web.waitingDays': 'Carence (jours)',
    'insurance.web.savePolicy': 'Enregistrer la police',
    'insurance.web.policySaved': 'Police enregistrée.',
    'insurance.web.deadlines': 'Menaces de sinistre à déclarer',
    'insurance.web.noDeadline': 'Aucune déclaration proche de son délai.',
    'insurance.web.colCustomer': 'Client et assureur',
    'insurance.web.colInvoice': 'Facture',
    'insurance.web.colDue': 'Échéance',
    'insurance.web.colOpen': 'Reste dû',
    'insurance.web.colDeadline': 'À déclarer avant le',
    'insurance.web.colState': 'État',
    'insurance.web.declare': 'Déclarer les impayés du client…',
    'insurance.web.previewTitle': 'Déclarer une menace de sinistre à {insurer} — {customer}',
    'insurance.web.previewIntro':
      'La déclaration porte sur les factures échues du client non encore déclarées, au {date}. Décochez celles à ne pas déclarer.',
    'insurance.web.colDaysLate': 'Retard',
    'insurance.web.daysLate': '{days, plural, one {# jour} other {# jours}}',
    'insurance.web.previewTotal':
      '{count, plural, =0 {Aucune facture cochée.} one {# facture, {total}} other {# factures, {total}}}{count, plural, =0 {} other { ; part garantie {insured} (quotité {share} dans la limite de l’agrément de {granted}) ; indemnité attendue le {expected}.}}',
    'insurance.web.confirmDeclare':
      '{count, plural, =0 {Aucune facture à déclarer} one {Déclarer cette facture ({total})} other {Déclarer ces # factures ({total})}}',
    'insurance.web.cancel': 'Annuler',
    'insurance.web.declared': 'Menace de sinistre n° {claimId} déclarée.',
    'insurance.web.claims': 'Sinistres',
    'insurance.web.noClaim': 'Aucun sinistre.',
    'insurance.web.claimLine':
      'n° {claimId} — {customer} — {insurer}, déclaré le {declaredOn} : {outstanding} impayés, {insured} garantis, indemnité attendue le {expected} — {status}{indemnity, select, none {} other { ({indemnity} reçus)}}',
    'insurance.web.late': 'hors délai',
    'insurance.web.partlyLate':
      '{count, plural, one {dont # facture hors délai} other {dont # factures hors délai}}',
    'insurance.web.fileClaim': 'Demande d’indemnisation déposée',
    'insurance.web.indemnity': 'Montant (€)',
    'insurance.web.indemnified': 'Indemnité reçue',
    'insurance.web.receivedOn': 'Reçue le',
    'insurance.web.settle': 'Réglé par le client',
    'insurance.web.reject': 'Refusé',
    'auditField.policyNumber': 'N° de police',
    'auditField.threatenedLossDays': 'Délai de déclaration de menace de sinistre (jours)',
    'auditField.waitingDays': 'Délai de carence (jours)',
    'auditField.warningDays': 'Alerte avant l’échéance (jours)',
    'auditField.createdBy': 'Créé par',
    'auditField.indemnityReceivedOn': 'Indemnité reçue le',
    'auditField.statusNote': 'Note sur le statut',
    'auditField.insuredMinor': 'Montant garanti',
  },
  en: {
    'auditAction.insurance.policy': 'Credit-insurance policy saved',
    'auditAction.insurance.declare': 'Threatened loss declared',
    'auditAction.insurance.claim_update': 'Insurance claim updated',
    'auditEntity.insurance_policy': 'Credit-insurance policy',
    'auditEntity.insurance_claim': 'Credit-insurance claim',
    'insurance.event.declared':
      'Threatened loss no. {claimId} declared to {insurer}: {outstanding} unpaid, of which {insured} insured',
    'insurance.event.indemnified': 'Indemnity of {indemnity} received from {insurer} (claim no. {claimId})',
    'insurance.status':
      '{status, select, declared {threat declared} claim_filed {claim filed} indemnified {indemnified} rejected {rejected} settled {paid by the customer} other {unknown}}',
    'insurance.state':
      '{state, select, not_yet {within the deadline} approaching {deadline near} past {deadline passed} no_policy {no policy on record} other {unknown}}',
    'insurance.notGuaranteed': 'declaration deadline passed on {deadline}: invoice not guaranteed',
    'insurance.cli.none': 'Nothing to report.',
    'insurance.cli.policy':
      '{insurer} (policy {policyNumber, select, none {—} other {{policyNumber}}}): declare within {threatenedLossDays} days of the due date, waiting period {waitingDays} days, warning {warningDays} days before',
    'insurance.cli.deadline':
      '{customer} {ref}: {open} due on {dueDate} — declare to {insurer} by {deadline, select, none {—} other {{deadline}}} ({state})',
    'insurance.cli.claim':
      'Claim no. {claimId} — {customer} — {insurer}, declared on {declaredOn}{late, select, yes { (late)} other {{lateInvoices, plural, =0 {} one { (# invoice declared late)} other { (# invoices declared late)}}}}: {outstanding} unpaid, {insured} insured, indemnity expected on {expected} — {status}',
    'insurance.web.nav': 'Credit insurance',
    'insurance.web.title': 'Credit-insurance claims',
    'insurance.web.policies': 'Policies',
    'insurance.web.insurer': 'Insurer',
    'insurance.web.policyNumber': 'Policy number',
    'insurance.web.declarationDays': 'Declaration (days after due date)',
    'insurance.web.waitingDays': 'Waiting period (days)',
    'insurance.web.savePolicy': 'Save the policy',
    'insurance.web.policySaved': 'Policy saved.',
    'insurance.web.deadlines': 'Threatened losses to declare',
    'insurance.web.noDeadline': 'No declaration near its deadline.',
    'insurance.web.colCustomer': 'Customer and insurer',
    'insurance.web.colInvoice': 'Invoice',
    'insurance.web.colDue': 'Due date',
    'insurance.web.colOpen': 'Outstanding',
    'insurance.web.colDeadline': 'Declare by',
    'insurance.web.colState': 'State',
    'insurance.web.declare': 'Declare the customer’s unpaid invoices…',
    'insurance.web.previewTitle': 'Declare a threatened loss to {insurer} — {customer}',
    'insurance.web.previewIntro':
      'The declaration takes the customer’s overdue invoices not declared yet, as of {date}. Untick those not to declare.',
    'insurance.web.colDaysLate': 'Overdue',
    'insurance.web.daysLate': '{days, plural, one {# day} other {# days}}',
    'insurance.web.previewTotal':
      '{count, plural, =0 {No invoice ticked.} one {# invoice, {total}} other {# invoices, {total}}}{count, plural, =0 {} other {; insured share {insured} ({share} within the {granted} granted); indemnity expected on {expected}.}}',
    'insurance.web.confirmDeclare':
      '{count, plural, =0 {No invoice to declare} one {Declare this invoice ({total})} other {Declare these # invoices ({total})}}',
    'insurance.web.cancel': 'Cancel',
    'insurance.web.declared': 'Threatened loss no. {claimId} declared.',
    'insurance.web.claims': 'Claims',
    'insurance.web.noClaim': 'No claim.',
    'insurance.web.claimLine':
      'No. {claimId} — {customer} — {insurer}, declared on {declaredOn}: {outstanding} unpaid, {insured} insured, indemnity expected on {expected} — {status}{indemnity, select, none {} other { ({indemnity} received)}}',
    'insurance.web.late': 'late',
    'insurance.web.partlyLate':
      '{count, plural, one {# invoice declared late} other {# invoices declared late}}',
    'insurance.web.fileClaim': 'Claim filed',
    'insurance.web.indemnity': 'Amount (€)',
    'insurance.web.indemnified': 'Indemnity received',
    'insurance.web.receivedOn': 'Received on',
    'insurance.web.settle': 'Paid by the customer',
    'insurance.web.reject': 'Rejected',
    'auditField.policyNumber': 'Policy number',
    'auditField.threatenedLossDays': 'Threatened-loss declaration deadline (days)',
    'auditField.waitingDays': 'Waiting period (days)',
    'auditField.warningDays': 'Warning before the deadline (days)',
    'auditField.createdBy': 'Created by',
    'auditField.indemnityReceivedOn': 'Indemnity received on',
    'auditField.statusNote': 'Status note',
    'auditField.insuredMinor': 'Insured amount',
  },
} as const;
