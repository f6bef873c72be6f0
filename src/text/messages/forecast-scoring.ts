/**
 * Messages of the credit scoring's predicted payer profile: the `predicted_days_late` criterion, read
 * over the invoices with a payment expected, and `no_payment_expected_share_bps`, the share of the
 * predicted open amount with none (the risk panel shows it with its amount).
 */
export const forecastScoring = {
  fr: {
    'scoringCriterion.predicted_days_late':
      'Retard prévu sur l’encours (hors factures sans paiement attendu)',
    'scoringCriterion.no_payment_expected_share_bps': 'Encours sans paiement attendu',
    'credit.web.noPaymentExpectedValue': '{amount} ({share})',
  },
  en: {
    'scoringCriterion.predicted_days_late':
      'Predicted days late on open invoices (excluding those with no payment expected)',
    'scoringCriterion.no_payment_expected_share_bps': 'Open invoices with no payment expected',
    'credit.web.noPaymentExpectedValue': '{amount} ({share})',
  },
};
