/** Internal-audit signals (fraud and embezzlement): their kinds and the sentence stating each one's evidence. */
export const auditSignals = {
  fr: {
    'auditSignals.title': 'Signaux d’audit interne',
    'auditSignals.period': 'Période du {from} au {to}',
    'auditSignals.none': 'Aucun signal sur la période.',
    'auditSignals.from': 'Du',
    'auditSignals.to': 'Au',
    'auditSignals.nav': 'Signaux d’audit',
    'auditSignals.count': '{n, plural, =0 {aucun signal} one {# signal} other {# signaux}}',
    'auditSignals.thresholds': 'Seuils\u00a0:',
    'auditSignals.column.date': 'Date',
    'auditSignals.column.kind': 'Signal',
    'auditSignals.column.users': 'Utilisateurs',
    'auditSignals.column.customers': 'Clients',
    'auditSignals.column.documents': 'Pièces',
    'auditSignals.column.amount': 'Montant',
    'auditSignals.column.evidence': 'Constat',
    'auditSignals.kind.large_credit_note': 'Avoir élevé',
    'auditSignals.kind.large_write_off': 'Passage en perte élevé',
    'auditSignals.kind.credit_cluster': 'Série d’avoirs ou de pertes par un même utilisateur',
    'auditSignals.kind.payment_by_customer_creator': 'Règlement lettré par le créateur du client',
    'auditSignals.kind.bank_change_before_refund': 'Coordonnées bancaires modifiées avant un remboursement',
    'auditSignals.kind.sod_order': 'Séparation des tâches\u00a0: commande',
    'auditSignals.kind.sod_limit': 'Séparation des tâches\u00a0: limite de crédit',
    'auditSignals.kind.receipt_to_other_customer': 'Encaissement affecté à un autre client que d’habitude',
    'auditSignals.message.large_credit_note':
      'Avoir {document} de {amount} au client {customer} le {date}, au-delà du seuil de {threshold} ({entered}).',
    'auditSignals.message.large_write_off':
      'Passage en perte {document} de {amount} au client {customer} le {date}, au-delà du seuil de {threshold} ({entered}).',
    'auditSignals.message.credit_cluster':
      '{users} a saisi {count} avoirs ou pertes pour {amount} entre le {from} et le {to} (moins de {windowDays} jours)\u00a0: {documents}.',
    'auditSignals.message.payment_by_customer_creator':
      '{users} a créé le client {customer} le {customerCreatedOn} puis lettré le règlement {documents} pour {amount} le {date}.',
    'auditSignals.message.bank_change_before_refund':
      'Coordonnées bancaires du client {customer} modifiées par {changedBy} le {changedOn}, {days, plural, one {# jour} other {# jours}} avant le remboursement {documents} de {amount}.',
    'auditSignals.message.sod_order':
      'La commande {documents} du client {customer} ({amount}) a été contrôlée puis libérée par la même personne\u00a0: {users}.',
    'auditSignals.message.sod_limit':
      'La demande de limite {documents} du client {customer} ({amount}) a été faite puis accordée par la même personne\u00a0: {users}.',
    'auditSignals.message.receipt_to_other_customer':
      'L’encaissement {documents} de {amount} du payeur {payer}, qui règle d’habitude pour {usualCustomerCode} ({usualConfirmations} fois), a été affecté au client {customer} par {users}.',
    'auditSignals.threshold.creditNoteMinor': 'Avoir au-delà de',
    'auditSignals.threshold.writeOffMinor': 'Perte au-delà de',
    'auditSignals.threshold.clusterCount': 'Série à partir de (pièces)',
    'auditSignals.threshold.clusterWindowDays': 'Fenêtre de la série (jours)',
    'auditSignals.threshold.bankChangeDays': 'Remboursement après changement de coordonnées (jours)',
    'auditSignals.threshold.usualPayerConfirmations': 'Payeur habituel après (encaissements)',
    'auditSignals.unknownUser': 'utilisateur inconnu',
    'auditSignals.entered.user': 'saisi par {users}',
    'auditSignals.entered.import':
      '{by, select, cli {importé en ligne de commande} none {importé} other {importé par {by}}}, fichier «\u00a0{file}\u00a0»',
    'auditSignals.entered.load': 'chargé avec les données de démonstration',
    'auditField.bankChangeDays': 'Remboursement après changement de coordonnées (jours)',
    'auditField.clusterCount': 'Série à partir de (pièces)',
    'auditField.clusterWindowDays': 'Fenêtre de la série (jours)',
    'auditField.creditNoteMinor': 'Seuil des avoirs',
    'auditField.usualPayerConfirmations': 'Payeur habituel après (encaissements)',
  },
  en: {
    'auditSignals.title': 'Internal-audit signals',
    'auditSignals.period': 'Period from {from} to {to}',
    'auditSignals.none': 'No signal over the period.',
    'auditSignals.from': 'From',
    'auditSignals.to': 'To',
    'auditSignals.nav': 'Audit signals',
    'auditSignals.count': '{n, plural, =0 {no signals} one {# signal} other {# signals}}',
    'auditSignals.thresholds': 'Thresholds:',
    'auditSignals.column.date': 'Date',
    'auditSignals.column.kind': 'Signal',
    'auditSignals.column.users': 'Users',
    'auditSignals.column.customers': 'Customers',
    'auditSignals.column.documents': 'Documents',
    'auditSignals.column.amount': 'Amount',
    'auditSignals.column.evidence': 'Evidence',
    'auditSignals.kind.large_credit_note': 'Large credit note',
    'auditSignals.kind.large_write_off': 'Large write-off',
    'auditSignals.kind.credit_cluster': 'Credit notes or write-offs clustered by one user',
    'auditSignals.kind.payment_by_customer_creator': 'Payment applied by the customer’s creator',
    'auditSignals.kind.bank_change_before_refund': 'Bank details changed before a refund',
    'auditSignals.kind.sod_order': 'Segregation of duties: order',
    'auditSignals.kind.sod_limit': 'Segregation of duties: credit limit',
    'auditSignals.kind.receipt_to_other_customer': 'Receipt applied to another customer than usual',
    'auditSignals.message.large_credit_note':
      'Credit note {document} of {amount} to customer {customer} on {date}, above the {threshold} threshold ({entered}).',
    'auditSignals.message.large_write_off':
      'Write-off {document} of {amount} for customer {customer} on {date}, above the {threshold} threshold ({entered}).',
    'auditSignals.message.credit_cluster':
      '{users} entered {count} credit notes or write-offs for {amount} between {from} and {to} (within {windowDays} days): {documents}.',
    'auditSignals.message.payment_by_customer_creator':
      '{users} created customer {customer} on {customerCreatedOn}, then applied payment {documents} for {amount} on {date}.',
    'auditSignals.message.bank_change_before_refund':
      'Bank details of customer {customer} changed by {changedBy} on {changedOn}, {days, plural, one {# day} other {# days}} before refund {documents} of {amount}.',
    'auditSignals.message.sod_order':
      'Order {documents} of customer {customer} ({amount}) was checked and released by the same person: {users}.',
    'auditSignals.message.sod_limit':
      'Credit-limit request {documents} of customer {customer} ({amount}) was made and granted by the same person: {users}.',
    'auditSignals.message.receipt_to_other_customer':
      'Receipt {documents} of {amount} from payer {payer}, who usually pays for {usualCustomerCode} ({usualConfirmations} times), was applied to customer {customer} by {users}.',
    'auditSignals.threshold.creditNoteMinor': 'Credit note above',
    'auditSignals.threshold.writeOffMinor': 'Write-off above',
    'auditSignals.threshold.clusterCount': 'Cluster from (documents)',
    'auditSignals.threshold.clusterWindowDays': 'Cluster window (days)',
    'auditSignals.threshold.bankChangeDays': 'Refund after a bank-details change (days)',
    'auditSignals.threshold.usualPayerConfirmations': 'Usual payer after (receipts)',
    'auditSignals.unknownUser': 'unknown user',
    'auditSignals.entered.user': 'entered by {users}',
    'auditSignals.entered.import':
      '{by, select, cli {imported from the command line} none {imported} other {imported by {by}}}, file “{file}”',
    'auditSignals.entered.load': 'loaded with the demo data',
    'auditField.bankChangeDays': 'Refund after a bank-detail change (days)',
    'auditField.clusterCount': 'Series from (documents)',
    'auditField.clusterWindowDays': 'Series window (days)',
    'auditField.creditNoteMinor': 'Credit-note threshold',
    'auditField.usualPayerConfirmations': 'Usual payer after (receipts)',
  },
} as const;
