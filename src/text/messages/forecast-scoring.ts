/** Messages of the credit scoring's predicted payer profile (the `predicted_days_late` criterion). */
export const forecastScoring = {
  fr: {
    'scoringCriterion.predicted_days_late': 'Retard prévu sur l’encours',
  },
  en: {
    'scoringCriterion.predicted_days_late': 'Predicted days late on open invoices',
  },
};
