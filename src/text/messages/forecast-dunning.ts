/** Messages of dunning reminders that use the payment-date predictions (pre-due reminders to the likely late). */
export const forecastDunning = {
  fr: {
    'dunningSkip.likely_on_time': 'Probablement payée à l’échéance : pas de relance avant l’échéance',
    'dunningPolicyProblem.invalid_late_probability':
      'La probabilité de retard minimale est un nombre de points de base entre 0 et 10 000',
    'dunningPolicyProblem.late_probability_not_before_due_date':
      'Une probabilité de retard minimale ne s’applique qu’à une étape avant l’échéance',
    'forecastDunning.likelyOnTime':
      'probabilité de retard {probability} < {minimum} : pas de relance avant l’échéance',
    'forecastDunning.notice.late_probability_unavailable':
      'Aucune prévision de paiement de moins de {days, plural, one {# jour} other {# jours}} (ni prévisions enregistrées ni modèle conservé) : les relances avant échéance partent pour toutes les factures, sans seuil de probabilité de retard.',
    'forecastDunning.source.stored_predictions': 'Probabilités de retard : prévisions enregistrées du {date}',
    'forecastDunning.source.stored_model':
      'Probabilités de retard : calculées avec le modèle entraîné le {date}',
    'forecastDunning.lateProbability': 'Probabilité de retard',
    'forecastDunning.minimumLateProbability': 'Retard probable min. (%)',
    'forecastDunning.minimumLateProbabilityHelp':
      'Avant l’échéance seulement : pas de relance si la probabilité de retard prédite est inférieure (vide : toutes les factures)',
  },
  en: {
    'dunningSkip.likely_on_time': 'Likely paid on time: no reminder before the due date',
    'dunningPolicyProblem.invalid_late_probability':
      'The minimum probability of lateness is a number of basis points from 0 to 10,000',
    'dunningPolicyProblem.late_probability_not_before_due_date':
      'A minimum probability of lateness applies only to a step before the due date',
    'forecastDunning.likelyOnTime':
      'probability of lateness {probability} < {minimum}: no reminder before the due date',
    'forecastDunning.notice.late_probability_unavailable':
      'No payment prediction less than {days, plural, one {# day} other {# days}} old (no stored predictions, no kept model): pre-due reminders go to every invoice, without a minimum probability of lateness.',
    'forecastDunning.source.stored_predictions': 'Probabilities of lateness: predictions stored on {date}',
    'forecastDunning.source.stored_model':
      'Probabilities of lateness: computed with the model trained on {date}',
    'forecastDunning.lateProbability': 'Probability of lateness',
    'forecastDunning.minimumLateProbability': 'Min. late probability (%)',
    'forecastDunning.minimumLateProbabilityHelp':
      'Before the due date only: no reminder when the predicted probability of lateness is lower (empty: every invoice)',
  },
};
