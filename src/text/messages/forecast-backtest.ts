/** Messages of the back-test report: coverage, calibration, empty ranges. */
export const forecastBacktest = {
  fr: {
    'forecastBacktest.heading':
      'Back-test, coupures du {from} au {to} : {cutoffs, plural, one {# date de coupure} other {# dates de coupure}}, {invoices, plural, one {# facture évaluée} other {# factures évaluées}}',
    'forecastBacktest.defaultRange':
      'Période par défaut : les 12 fins de mois avant la date de référence du {asOf} (à cette date, rien de ce qui est ouvert n’est encore réglé).',
    'forecastBacktest.givenRange': 'Période demandée : du {from} au {to}.',
    'forecastBacktest.empty':
      'Aucune facture à évaluer : aucune facture ouverte à ces dates de coupure n’a été réglée depuis. Les chiffres restent vides.',
    'forecastBacktest.col.method': 'Méthode',
    'forecastBacktest.col.mae': 'Erreur moyenne (jours)',
    'forecastBacktest.col.accuracy': 'Exactitude retard / à l’heure',
    'forecastBacktest.col.balancedAccuracy': 'Exactitude équilibrée',
    'forecastBacktest.baseRate':
      '{rate} des factures évaluées ont été payées en retard : c’est l’exactitude de la réponse constante « toujours en retard ».',
    'forecastBacktest.verdict.none':
      'Exactitude équilibrée du modèle : {balanced} (50 % pour une réponse constante) : le modèle ne distingue pas mieux que « toujours en retard ».',
    'forecastBacktest.verdict.weak':
      'Exactitude équilibrée du modèle : {balanced} (50 % pour une réponse constante) : le modèle distingue peu mieux que « toujours en retard ».',
    'forecastBacktest.verdict.good':
      'Exactitude équilibrée du modèle : {balanced} (50 % pour une réponse constante) : le modèle distingue les retards des paiements à l’heure.',
    'forecastBacktest.brier':
      'Score de Brier de la probabilité de retard : {brier} (plus bas = mieux calibré).',
    'forecastBacktest.calibration':
      'Calibration de la probabilité de retard (factures évaluées, par tranche de probabilité prévue)',
    'forecastBacktest.col.bin': 'P(retard) prévue',
    'forecastBacktest.col.invoices': 'Factures',
    'forecastBacktest.col.meanPredicted': 'Moyenne prévue',
    'forecastBacktest.col.observedLate': 'Part observée en retard',
    'forecastBacktest.bin': '{from} – {to}',
    'forecastBacktest.coverage':
      'Couverture sur toutes les factures ouvertes aux dates de coupure, payées ensuite ou jamais (issues connues jusqu’au {censoredOn})',
    'forecastBacktest.coverageNote':
      'Une date médiane (P50) honnête est tenue pour environ la moitié des factures, une date P90 pour environ 9 sur 10. Ne comptent que les factures dont la date tombe au plus tard le {censoredOn}, et pour les 13 semaines celles dont les 13 semaines sont écoulées à cette date.',
    'forecastBacktest.col.bucket': 'Retard à la coupure',
    'forecastBacktest.col.open': 'Factures ouvertes',
    'forecastBacktest.col.paidByP50': 'Payées à la date P50',
    'forecastBacktest.col.paidByP90': 'Payées à la date P90',
    'forecastBacktest.col.expected13': 'Payées sous 13 semaines : prévu',
    'forecastBacktest.col.actual13': 'Payées sous 13 semaines : constaté',
    'forecastBacktest.share': '{share} ({paid} sur {invoices})',
    'forecastBacktest.bucket.all': 'Toutes',
    'forecastBacktest.evaluations':
      'Une facture ouverte à plusieurs dates de coupure est évaluée à chacune : ces {evaluations, plural, one {# évaluation porte} other {# évaluations portent}} sur {invoices, plural, one {# facture} other {# factures}}.',
    'forecastBacktest.paidLongLate':
      '{invoices, plural, one {# facture payée} other {# factures payées}} plus de {days} jours après l’échéance {invoices, plural, one {compte} other {comptent}} pour {evaluations, plural, one {# évaluation} other {# évaluations}} et {share} de l’erreur du modèle : un encaissement de vieilles créances fait monter l’erreur moyenne sans que le modèle ait changé.',
  },
  en: {
    'forecastBacktest.heading':
      'Back-test, cut-offs from {from} to {to}: {cutoffs, plural, one {# cut-off} other {# cut-offs}}, {invoices, plural, one {# invoice scored} other {# invoices scored}}',
    'forecastBacktest.defaultRange':
      'Default range: the 12 month-ends before the reference date {asOf} (at that date nothing open is settled yet).',
    'forecastBacktest.givenRange': 'Range asked for: {from} to {to}.',
    'forecastBacktest.empty':
      'No invoice to score: no invoice open at these cut-offs has been settled since. The figures are left empty.',
    'forecastBacktest.col.method': 'Method',
    'forecastBacktest.col.mae': 'Mean absolute error (days)',
    'forecastBacktest.col.accuracy': 'Late / on-time accuracy',
    'forecastBacktest.col.balancedAccuracy': 'Balanced accuracy',
    'forecastBacktest.baseRate':
      '{rate} of the scored invoices were paid late: that is the accuracy of always answering “late”.',
    'forecastBacktest.verdict.none':
      'The model’s balanced accuracy is {balanced} (50% for a constant answer): it tells late from on-time no better than “always late”.',
    'forecastBacktest.verdict.weak':
      'The model’s balanced accuracy is {balanced} (50% for a constant answer): it tells late from on-time only a little better than “always late”.',
    'forecastBacktest.verdict.good':
      'The model’s balanced accuracy is {balanced} (50% for a constant answer): it tells late payments from on-time ones.',
    'forecastBacktest.brier': 'Brier score of the late probability: {brier} (lower = better calibrated).',
    'forecastBacktest.calibration':
      'Calibration of the late probability (scored invoices, by band of predicted probability)',
    'forecastBacktest.col.bin': 'Predicted P(late)',
    'forecastBacktest.col.invoices': 'Invoices',
    'forecastBacktest.col.meanPredicted': 'Mean predicted',
    'forecastBacktest.col.observedLate': 'Observed late share',
    'forecastBacktest.bin': '{from} – {to}',
    'forecastBacktest.coverage':
      'Coverage on every invoice open at the cut-offs, paid later or never (outcomes known up to {censoredOn})',
    'forecastBacktest.coverageNote':
      'An honest median (P50) date is met for about half of the invoices, a P90 date for about 9 in 10. Only invoices whose date falls on or before {censoredOn} count, and for the 13 weeks those whose 13 weeks have ended by then.',
    'forecastBacktest.col.bucket': 'Overdue at the cut-off',
    'forecastBacktest.col.open': 'Open invoices',
    'forecastBacktest.col.paidByP50': 'Paid by the P50 date',
    'forecastBacktest.col.paidByP90': 'Paid by the P90 date',
    'forecastBacktest.col.expected13': 'Paid within 13 weeks: predicted',
    'forecastBacktest.col.actual13': 'Paid within 13 weeks: actual',
    'forecastBacktest.share': '{share} ({paid} of {invoices})',
    'forecastBacktest.bucket.all': 'All',
    'forecastBacktest.evaluations':
      'An invoice open at several cut-offs is scored at each: these {evaluations, plural, one {# evaluation is} other {# evaluations are}} of {invoices, plural, one {# invoice} other {# invoices}}.',
    'forecastBacktest.paidLongLate':
      '{invoices, plural, one {# invoice paid} other {# invoices paid}} more than {days} days after the due date {invoices, plural, one {counts} other {count}} for {evaluations, plural, one {# evaluation} other {# evaluations}} and {share} of the model’s error: receipts settling old debts raise the mean error without the model changing.',
  },
};
