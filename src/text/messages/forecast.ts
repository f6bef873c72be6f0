/**
 * Payment-date prediction and the collection forecast: the reasons of a prediction (the core's
 * codes, `forecast.reason.<code>`, figures already formatted by the caller) and the CLI's lines.
 */
export const forecast = {
  fr: {
    'forecast.reason.customer_history':
      'Historique du client : {settledInvoices, plural, one {# facture réglée} other {# factures réglées}}, retard moyen {averageDelayDays} après échéance (poids {weightPercent})',
    'forecast.reason.segment_behaviour':
      'Comportement du segment « {customerType} » : retard moyen {averageDelayDays} (poids {weightPercent})',
    'forecast.reason.no_history':
      'Aucune facture réglée par ce client à cette date : prévision tirée de son segment',
    'forecast.reason.trend_slower':
      'Tendance à la dégradation : retard récent {recentDelayDays} contre {averageDelayDays} en moyenne',
    'forecast.reason.trend_faster':
      'Tendance à l’amélioration : retard récent {recentDelayDays} contre {averageDelayDays} en moyenne',
    'forecast.reason.already_overdue': 'Déjà échue depuis {daysOverdue}',
    'forecast.reason.large_invoice':
      'Montant élevé pour ce client : {amount} contre {usualAmount} d’habitude',
    'forecast.reason.payment_terms': 'Délai de paiement accordé : {termsDays}',
    'forecast.reason.dispute': 'Un litige est enregistré sur cette facture',
    'forecast.reason.promise': 'Promesse de paiement pour le {promisedDate}',
    'forecast.reason.reminders_sent': '{count, plural, one {# relance envoyée} other {# relances envoyées}}',
    'forecast.cli.predictionsHeading':
      'Prévision de paiement des factures ouvertes au {asOf} (modèle {model})',
    'forecast.cli.none': 'Aucune facture ouverte à cette date.',
    'forecast.cli.col.customer': 'Client',
    'forecast.cli.col.document': 'Facture',
    'forecast.cli.col.due': 'Échéance',
    'forecast.cli.col.open': 'Reste dû',
    'forecast.cli.col.predicted': 'Paiement prévu',
    'forecast.cli.col.range': 'P10 – P90',
    'forecast.cli.col.late': 'P(retard)',
    'forecast.cli.backtestHeading':
      'Back-test du {from} au {to} : {cutoffs, plural, one {# date de coupure} other {# dates de coupure}}, {invoices, plural, one {# facture} other {# factures}} évaluées',
    'forecast.cli.col.method': 'Méthode',
    'forecast.cli.col.mae': 'Erreur moyenne (jours)',
    'forecast.cli.col.accuracy': 'Justesse retard / à l’heure',
    'forecast.cli.method.model': 'Modèle (historique client rapproché du segment)',
    'forecast.cli.method.dueDate': 'Référence naïve : date d’échéance',
    'forecast.cli.method.customerMeanDelay': 'Référence naïve : retard moyen du client',
    'forecast.cli.collectionsHeading': 'Encaissements prévus par semaine à partir du {asOf}',
    'forecast.cli.col.week': 'Semaine du',
    'forecast.cli.col.fromOpen': 'Factures ouvertes',
    'forecast.cli.col.fromSales': 'Ventes futures',
    'forecast.cli.col.low': 'Bas',
    'forecast.cli.col.high': 'Haut',
  },
  en: {
    'forecast.reason.customer_history':
      'Customer history: {settledInvoices, plural, one {# invoice settled} other {# invoices settled}}, average delay {averageDelayDays} after due date (weight {weightPercent})',
    'forecast.reason.segment_behaviour':
      'Behaviour of the “{customerType}” segment: average delay {averageDelayDays} (weight {weightPercent})',
    'forecast.reason.no_history':
      'No invoice of this customer settled by then: forecast drawn from its segment',
    'forecast.reason.trend_slower':
      'Getting slower: recent delay {recentDelayDays} against {averageDelayDays} on average',
    'forecast.reason.trend_faster':
      'Getting faster: recent delay {recentDelayDays} against {averageDelayDays} on average',
    'forecast.reason.already_overdue': 'Already overdue by {daysOverdue}',
    'forecast.reason.large_invoice': 'Large amount for this customer: {amount} against {usualAmount} usually',
    'forecast.reason.payment_terms': 'Payment terms granted: {termsDays}',
    'forecast.reason.dispute': 'A dispute is recorded on this invoice',
    'forecast.reason.promise': 'Promise to pay on {promisedDate}',
    'forecast.reason.reminders_sent': '{count, plural, one {# reminder sent} other {# reminders sent}}',
    'forecast.cli.predictionsHeading': 'Predicted payment of the invoices open on {asOf} (model {model})',
    'forecast.cli.none': 'No invoice open at that date.',
    'forecast.cli.col.customer': 'Customer',
    'forecast.cli.col.document': 'Invoice',
    'forecast.cli.col.due': 'Due',
    'forecast.cli.col.open': 'Open',
    'forecast.cli.col.predicted': 'Predicted payment',
    'forecast.cli.col.range': 'P10 – P90',
    'forecast.cli.col.late': 'P(late)',
    'forecast.cli.backtestHeading':
      'Back-test from {from} to {to}: {cutoffs, plural, one {# cut-off} other {# cut-offs}}, {invoices, plural, one {# invoice} other {# invoices}} scored',
    'forecast.cli.col.method': 'Method',
    'forecast.cli.col.mae': 'Mean absolute error (days)',
    'forecast.cli.col.accuracy': 'Late / on-time accuracy',
    'forecast.cli.method.model': 'Model (customer history shrunk toward its segment)',
    'forecast.cli.method.dueDate': 'Naive baseline: due date',
    'forecast.cli.method.customerMeanDelay': 'Naive baseline: customer’s mean delay',
    'forecast.cli.collectionsHeading': 'Expected receipts by week from {asOf}',
    'forecast.cli.col.week': 'Week of',
    'forecast.cli.col.fromOpen': 'Open invoices',
    'forecast.cli.col.fromSales': 'Future sales',
    'forecast.cli.col.low': 'Low',
    'forecast.cli.col.high': 'High',
  },
};
