/** Messages of payment-date prediction reasons added by the model (very late invoices, no payment expected). */
export const forecastModel = {
  fr: {
    'forecastModel.reason.no_payment_expected':
      'Pas de date de paiement prévue : la moitié au moins des factures aussi anciennes restent impayées au bout d’un an ({paidWithin365WholePercent, plural, =0 {moins de 1 % des factures de cet âge ont été payées dans l’année} other {seulement {paidWithin365Percent} des factures de cet âge ont été payées dans l’année}})',
    'forecastModel.reason.dispute_replaced':
      'Litige ouvert le {openedOn} : la promesse de paiement remplace ce signal dans la date',
    'forecastModel.reason.reminders_replaced':
      '{count, plural, one {# relance envoyée} other {# relances envoyées}} (niveau {level}, la dernière le {lastReminderOn}) : la promesse de paiement remplace ce signal dans la date',
    'forecastModel.noPaymentWithinYear': 'pas de paiement attendu dans l’année',
    'forecastModel.page.reasons': 'Pourquoi cette prévision',
  },
  en: {
    'forecastModel.reason.no_payment_expected':
      'No payment date forecast: at least half of the invoices this old are still unpaid a year later ({paidWithin365WholePercent, plural, =0 {under 1% of the invoices this old were paid within a year} other {only {paidWithin365Percent} of the invoices this old were paid within a year}})',
    'forecastModel.reason.dispute_replaced':
      'Dispute raised on {openedOn}: the promise to pay replaces this signal in the date',
    'forecastModel.reason.reminders_replaced':
      '{count, plural, one {# reminder sent} other {# reminders sent}} (level {level}, the last on {lastReminderOn}): the promise to pay replaces this signal in the date',
    'forecastModel.noPaymentWithinYear': 'no payment expected within the year',
    'forecastModel.page.reasons': 'Why this forecast',
  },
};
