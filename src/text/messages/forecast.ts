/**
 * Payment-date prediction and the collection forecast: the reasons of a prediction (the core's
 * codes, `forecast.reason.<code>`, figures already formatted by the caller) and the CLI's lines.
 */
export const forecast = {
  fr: {
    'forecast.reason.customer_history':
      'Historique du client : {settledInvoices, plural, one {# facture réglée} other {# factures réglées}}, {timing, select, early {paie en moyenne {averageDelayDays} avant l’échéance} on_time {paie en moyenne à l’échéance} other {retard moyen {averageDelayDays} après échéance}} (moyenne où comptent davantage les règlements récents et les gros montants ; poids {weightPercent})',
    'forecast.reason.segment_behaviour':
      'Comportement du segment « {customerType} » : {timing, select, early {paie en moyenne {averageDelayDays} avant l’échéance} on_time {paie en moyenne à l’échéance} other {retard moyen {averageDelayDays} après échéance}} (poids {weightPercent})',
    'forecast.reason.no_history':
      'Aucune facture réglée par ce client à cette date : prévision tirée de son segment',
    'forecast.reason.trend_slower':
      '{source, select, portfolio {Tendance du portefeuille : les retards de l’ensemble des clients s’allongent d’environ {monthlyDays} j par mois} other {Tendance à la dégradation : ses retards s’allongent d’environ {monthlyDays} j par mois}}, soit {extraDays} {extra, select, less {de moins} other {de plus}} que sa moyenne pour cette échéance',
    'forecast.reason.trend_faster':
      '{source, select, portfolio {Tendance du portefeuille : les retards de l’ensemble des clients raccourcissent d’environ {monthlyDays} j par mois} other {Tendance à l’amélioration : ses retards raccourcissent d’environ {monthlyDays} j par mois}}, soit {extraDays} {extra, select, less {de moins} other {de plus}} que sa moyenne pour cette échéance',
    'forecast.reason.already_overdue': 'Déjà échue depuis {daysOverdue}',
    'forecast.reason.large_invoice':
      'Montant élevé pour ce client : {amount} contre {usualAmount} d’habitude',
    'forecast.reason.payment_terms': 'Délai de paiement accordé : {termsDays}',
    'forecast.reason.dispute':
      'Litige ouvert le {openedOn}{basis, select, segment { : un litige se règle en {resolutionDays} (médiane du segment « {customerType} »), paiement attendu au plus tôt le {notBefore}} company { : un litige se règle en {resolutionDays} (médiane de l’entreprise), paiement attendu au plus tôt le {notBefore}} effect { : les factures en litige ont été payées {extraDays} plus tard que les autres, décalage compté dans la date} default { : délai de règlement d’un litige retenu par défaut {resolutionDays}, paiement attendu au plus tôt le {notBefore}} other {}}',
    'forecast.reason.channel':
      '{channel, select, unknown {Canal d’envoi inconnu : {electronicSharePercent} des factures payées de ce client (à défaut, de sa catégorie) ont été envoyées par voie électronique, ce qui compte {extraDays} {direction, select, sooner {plus tôt} other {plus tard}} dans la date} other {Facture envoyée par voie électronique : les factures électroniques ont été payées {extraDays} {direction, select, sooner {plus tôt} other {plus tard}} que les autres, écart compté dans la date}}',
    'forecast.reason.seasonality':
      'Saisonnalité : les paiements attendus en {month} arrivent en moyenne {extraDays} {direction, select, sooner {plus tôt} other {plus tard}} que d’habitude (constaté sur {years, plural, one {# an} other {# ans}}), écart compté dans la date',
    'forecast.reason.promise':
      'Promesse de paiement pour le {promisedDate}{state, select, record { : le client règle ses promesses avec un écart médian de {slipDays} ({promisesKnown, plural, one {# promesse} other {# promesses}}), paiement attendu le {expectedDate}} no_record { : paiement attendu à cette date} broken_record { : ce client ne tient pas ses promesses (plus de la moitié des {promisesKnown, plural, one {# dernière} other {# dernières}} restées impayées), date non retenue} past {, date passée sans paiement} other {}}',
    'forecast.reason.reminders_sent':
      '{count, plural, one {# relance envoyée} other {# relances envoyées}} (niveau {level}, la dernière le {lastReminderOn}){basis, select, history { : après une relance de ce niveau, le paiement vient en {typicalDays} (médiane), au plus tôt le {notBefore}} other {}}',
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
    'forecast.cli.method.model': 'Modèle (historique client rapproché du segment)',
    'forecast.cli.method.dueDate': 'Référence naïve : date d’échéance',
    'forecast.cli.method.customerMeanDelay': 'Référence naïve : retard moyen du client',
    'forecast.cli.method.forest': 'Modèle appris : forêt aléatoire d’arbres de régression',
    'jobKind.forecast.snapshot': 'Prévision d’encaissements de la semaine (enregistrée)',
    'jobKind.forecast.backtest': 'Back-test de la prévision des dates de paiement',
    'forecast.progress.backtest': 'Rejeu des dates de coupure en cours',
    'forecast.progress.snapshot':
      '{weeks, plural, =0 {aucune prévision enregistrée} one {# prévision enregistrée} other {# prévisions enregistrées}}',
    'forecast.cli.snapshotStored':
      'Prévision n° {runId} enregistrée au {asOf} (modèle {model}) : {invoices, plural, one {# facture ouverte} other {# factures ouvertes}}, {weeks} semaines.',
    'forecast.cli.backfillQueued':
      'Traitement n° {jobId} lancé : {weeks, plural, one {# prévision hebdomadaire} other {# prévisions hebdomadaires}} à enregistrer.',
    'forecast.cli.accuracyHeading':
      'Prévision et réalisé, {weeks, plural, =0 {aucune semaine écoulée avec une prévision} one {# semaine} other {# semaines}} jusqu’au {asOf}',
    'forecast.cli.accuracySummary':
      'Écart absolu pondéré (WAPE) : {wape} ; biais : {bias} (positif : prévision au-dessus du réel) ; semaines dans la fourchette : {inside} sur {weeks}.',
    'forecast.cli.accuracyNone':
      'Aucune prévision enregistrée pour ces semaines : lancez `encours forecast snapshot --backfill-weeks 26`.',
    'forecast.cli.col.forecast': 'Prévu',
    'forecast.cli.col.actual': 'Encaissé',
    'forecast.cli.col.error': 'Écart',
    'forecast.cli.col.madeOn': 'Prévision du',
    'forecast.page.title': 'Prévision des encaissements',
    'forecast.page.weeksAhead': 'Encaissements attendus, 13 prochaines semaines',
    'forecast.page.fromOpen': 'Factures ouvertes',
    'forecast.page.fromSales': 'Ventes futures',
    'forecast.page.low': 'Fourchette basse',
    'forecast.page.high': 'Fourchette haute',
    'forecast.page.vsActual': 'Prévu et encaissé, semaine par semaine',
    'forecast.page.forecast': 'Prévu (avant la semaine)',
    'forecast.page.actual': 'Encaissé',
    'forecast.page.noStored':
      'Aucune prévision enregistrée pour les semaines écoulées : enregistrez celle de la semaine ou reconstituez les 26 dernières.',
    'forecast.page.store': 'Enregistrer la prévision de la semaine',
    'forecast.page.backfill': 'Reconstituer les 26 dernières semaines',
    'forecast.page.jobState': 'Traitement n° {id} : {status}',
    'forecast.page.by': 'Découpage de la prévision',
    'forecast.page.by.day': 'Jour',
    'forecast.page.by.week': 'Semaine',
    'forecast.page.by.month': 'Mois',
    'forecast.page.weekOf': 'sem. du {date}',
    'forecast.page.period': 'Période',
    'forecast.page.total': 'Total attendu',
    'forecast.page.backtest': 'Back-test du modèle de dates de paiement',
    'forecast.page.backtestRunning': 'Back-test en cours (travail n° {id}).',
    'forecast.page.runBacktest': 'Lancer le back-test',
    'forecast.page.runBacktestForest': 'Lancer avec le modèle appris (plusieurs minutes)',
    'forecast.nav': 'Prévision',
    'forecast.page.predictedColumn': 'Paiement prévu',
    'forecast.page.range': 'Entre le {p10} et le {p90} (8 chances sur 10)',
    'forecast.page.rangeToHorizon':
      'Pas avant le {p10} (9 chances sur 10) ; 1 chance sur 10 ou plus de ne pas être payée avant le {p90}',
    'forecast.cli.rangeToHorizon': '{p10} – au-delà du {p90}',
    'forecast.page.lateProbability': 'Probabilité de retard : {probability}',
    'forecast.page.overdueBy': 'En retard de {days, plural, one {# jour} other {# jours}}',
    'forecast.page.overProbability': 'probabilité de dépasser {limit} jours de retard : {probability}',
    'forecast.cli.collectionsHeading.week': 'Encaissements prévus par semaine à partir du {asOf}',
    'forecast.cli.collectionsHeading.day': 'Encaissements prévus par jour à partir du {asOf}',
    'forecast.cli.collectionsHeading.month': 'Encaissements prévus par mois à partir du {asOf}',
    'forecast.cli.col.week': 'Semaine du',
    'forecast.cli.col.day': 'Jour',
    'forecast.cli.col.month': 'Mois',
    'forecast.cli.col.fromOpen': 'Factures ouvertes',
    'forecast.cli.col.fromSales': 'Ventes futures',
    'forecast.cli.col.low': 'Bas',
    'forecast.cli.col.high': 'Haut',
    'forecast.cli.col.total': 'Total',
    'forecast.cli.totalExpected': 'Total attendu',
    'forecast.reason.insolvency_proceedings':
      'Procédure collective ({procedure, select, safeguard {sauvegarde} receivership {redressement judiciaire} liquidation {liquidation judiciaire} other {procédure collective}}){dated, select, yes { depuis le {since}} other {}} : créance antérieure au jugement, pas de paiement attendu hors plan',
    'forecast.reason.long_overdue':
      'Échue depuis {daysOverdue} : des factures restées impayées {ageDays} après l’échéance ({observations} {basis, select, segment {dans cette catégorie de clients} other {dans l’entreprise}}), {paidWithin90Percent} ont été payées dans les 3 mois suivants et {paidWithin365Percent} dans l’année',
    'forecast.cli.noPaymentExpected': 'pas de paiement attendu hors plan',
    'forecast.cli.reasonsLine': 'Raisons : {reasons}',
    'forecast.page.asOf': 'Prévision au {asOf}, modèle de dates de paiement (version {version})',
    'forecast.page.portfolioTrend':
      '{way, select, slower {Vos clients paient de plus en plus tard : environ {days} j de retard en plus chaque mois, dont la prévision tient compte.} other {Vos clients paient de plus en plus tôt : environ {days} j de retard en moins chaque mois, dont la prévision tient compte.}}',
    'forecast.page.partialMark': '{label} *',
    'forecast.page.partialNote':
      '* {count, plural, one {Période partielle} other {Périodes partielles}} : {periods}.',
    'forecast.page.partialItem': '{label} (du {from} au {to})',
    'forecast.page.dayNote':
      'Jour par jour : les factures ouvertes sont réparties sur les jours où l’argent est arrivé par le passé. Si vos encaissements ne tombent jamais le week-end (ni les jours fériés), les dates prévues de chaque facture et celles des ventes futures (factures pas encore émises) qui tomberaient un tel jour sont reportées au jour ouvré suivant — ou au jour ouvré précédent pour un règlement attendu à une échéance tombant un week-end, si vos clients règlent d’habitude ces échéances-là le vendredi.',
    'forecast.cli.reasonSeparator': ' ; ',
    'forecast.cli.partialPeriod': '{label} (partiel : du {from} au {to})',
    'forecast.page.probabilityAbove': '> {percent}',
    'forecast.page.probabilityBelow': '< {percent}',
    'forecast.cli.col.over30': 'P(> 30 j)',
    'forecast.cli.alreadyLate': 'déjà en retard',
    'forecast.cli.alreadyOver30': 'déjà > 30 j',
    'forecast.page.byAge': 'Prévision par ancienneté',
    'forecast.page.byAge.open': 'Encours',
    'forecast.page.byAge.expected': 'Attendu sur {weeks, plural, one {# semaine} other {# semaines}}',
  },
  en: {
    'forecast.reason.customer_history':
      'Customer history: {settledInvoices, plural, one {# invoice settled} other {# invoices settled}}, {timing, select, early {pays {averageDelayDays} before the due date on average} on_time {pays on the due date on average} other {average delay {averageDelayDays} after due date}} (a mean in which recent payments and large amounts count more; weight {weightPercent})',
    'forecast.reason.segment_behaviour':
      'Behaviour of the “{customerType}” segment: {timing, select, early {pays {averageDelayDays} before the due date on average} on_time {pays on the due date on average} other {average delay {averageDelayDays} after due date}} (weight {weightPercent})',
    'forecast.reason.no_history':
      'No invoice of this customer settled by then: forecast drawn from its segment',
    'forecast.reason.trend_slower':
      '{source, select, portfolio {Portfolio trend: the delays of customers as a whole grow by about {monthlyDays} days a month} other {Getting slower: its delays grow by about {monthlyDays} days a month}}, {extraDays} {extra, select, less {less} other {more}} than its average for this due date',
    'forecast.reason.trend_faster':
      '{source, select, portfolio {Portfolio trend: the delays of customers as a whole shrink by about {monthlyDays} days a month} other {Getting faster: its delays shrink by about {monthlyDays} days a month}}, {extraDays} {extra, select, less {less} other {more}} than its average for this due date',
    'forecast.reason.already_overdue': 'Already overdue by {daysOverdue}',
    'forecast.reason.large_invoice': 'Large amount for this customer: {amount} against {usualAmount} usually',
    'forecast.reason.payment_terms': 'Payment terms granted: {termsDays}',
    'forecast.reason.dispute':
      'Dispute raised on {openedOn}{basis, select, segment {: disputes are resolved in {resolutionDays} (median of the “{customerType}” segment), payment expected on {notBefore} at the earliest} company {: disputes are resolved in {resolutionDays} (company median), payment expected on {notBefore} at the earliest} effect {: disputed invoices were paid {extraDays} later than the others, counted in the date} default {: default dispute resolution time {resolutionDays}, payment expected on {notBefore} at the earliest} other {}}',
    'forecast.reason.channel':
      '{channel, select, unknown {Channel not known: {electronicSharePercent} of the paid invoices of this customer (else of its category) were sent electronically, which counts {extraDays} {direction, select, sooner {sooner} other {later}} in the date} other {Invoice sent electronically: electronic invoices were paid {extraDays} {direction, select, sooner {sooner} other {later}} than the others, counted in the date}}',
    'forecast.reason.seasonality':
      'Seasonality: payments expected in {month} come {extraDays} {direction, select, sooner {sooner} other {later}} than usual on average (seen over {years, plural, one {# year} other {# years}}), counted in the date',
    'forecast.reason.promise':
      'Promise to pay on {promisedDate}{state, select, record {: the customer pays its promises with a median gap of {slipDays} ({promisesKnown, plural, one {# promise} other {# promises}}), payment expected on {expectedDate}} no_record {: payment expected then} broken_record {: this customer does not keep its promises (more than half of the last {promisesKnown, plural, one {#} other {#}} still unpaid), date not used} past {, passed without payment} other {}}',
    'forecast.reason.reminders_sent':
      '{count, plural, one {# reminder sent} other {# reminders sent}} (level {level}, latest on {lastReminderOn}){basis, select, history {: after a reminder of this level payment comes in {typicalDays} (median), on {notBefore} at the earliest} other {}}',
    'forecast.cli.predictionsHeading': 'Predicted payment of the invoices open on {asOf} (model {model})',
    'forecast.cli.none': 'No invoice open at that date.',
    'forecast.cli.col.customer': 'Customer',
    'forecast.cli.col.document': 'Invoice',
    'forecast.cli.col.due': 'Due',
    'forecast.cli.col.open': 'Open',
    'forecast.cli.col.predicted': 'Predicted payment',
    'forecast.cli.col.range': 'P10 – P90',
    'forecast.cli.col.late': 'P(late)',
    'forecast.cli.method.model': 'Model (customer history shrunk toward its segment)',
    'forecast.cli.method.dueDate': 'Naive baseline: due date',
    'forecast.cli.method.customerMeanDelay': 'Naive baseline: customer’s mean delay',
    'forecast.cli.method.forest': 'Learned model: random forest of regression trees',
    'jobKind.forecast.snapshot': 'Weekly collection forecast (stored)',
    'jobKind.forecast.backtest': 'Back-test of the payment-date prediction',
    'forecast.progress.backtest': 'Replaying the cut-offs',
    'forecast.progress.snapshot':
      '{weeks, plural, =0 {no forecast stored} one {# forecast stored} other {# forecasts stored}}',
    'forecast.cli.snapshotStored':
      'Forecast no. {runId} stored as of {asOf} (model {model}): {invoices, plural, one {# open invoice} other {# open invoices}}, {weeks} weeks.',
    'forecast.cli.backfillQueued':
      'Job no. {jobId} started: {weeks, plural, one {# weekly forecast} other {# weekly forecasts}} to store.',
    'forecast.cli.accuracyHeading':
      'Forecast vs actual, {weeks, plural, =0 {no elapsed week with a forecast} one {# week} other {# weeks}} up to {asOf}',
    'forecast.cli.accuracySummary':
      'Weighted absolute percentage error (WAPE): {wape}; bias: {bias} (positive: forecast above actual); weeks inside the band: {inside} of {weeks}.',
    'forecast.cli.accuracyNone':
      'No stored forecast for these weeks: run `encours forecast snapshot --backfill-weeks 26`.',
    'forecast.cli.col.forecast': 'Forecast',
    'forecast.cli.col.actual': 'Received',
    'forecast.cli.col.error': 'Difference',
    'forecast.cli.col.madeOn': 'Forecast of',
    'forecast.page.title': 'Collection forecast',
    'forecast.page.weeksAhead': 'Expected receipts, next 13 weeks',
    'forecast.page.fromOpen': 'Open invoices',
    'forecast.page.fromSales': 'Future sales',
    'forecast.page.low': 'Low',
    'forecast.page.high': 'High',
    'forecast.page.vsActual': 'Forecast and received, week by week',
    'forecast.page.forecast': 'Forecast (made before the week)',
    'forecast.page.actual': 'Received',
    'forecast.page.noStored':
      'No forecast stored for the elapsed weeks: store this week’s or rebuild the last 26.',
    'forecast.page.store': 'Store this week’s forecast',
    'forecast.page.backfill': 'Rebuild the last 26 weeks',
    'forecast.page.jobState': 'Job no. {id}: {status}',
    'forecast.page.by': 'Forecast by',
    'forecast.page.by.day': 'Day',
    'forecast.page.by.week': 'Week',
    'forecast.page.by.month': 'Month',
    'forecast.page.weekOf': 'w/c {date}',
    'forecast.page.period': 'Period',
    'forecast.page.total': 'Total expected',
    'forecast.page.backtest': 'Back-test of the payment-date model',
    'forecast.page.backtestRunning': 'Back-test running (job no. {id}).',
    'forecast.page.runBacktest': 'Run the back-test',
    'forecast.page.runBacktestForest': 'Run with the learned model (several minutes)',
    'forecast.nav': 'Forecast',
    'forecast.page.predictedColumn': 'Predicted payment',
    'forecast.page.range': 'Between {p10} and {p90} (80% likely)',
    'forecast.page.rangeToHorizon':
      'Not before {p10} (90% likely); a 10% chance or more of no payment before {p90}',
    'forecast.cli.rangeToHorizon': '{p10} – beyond {p90}',
    'forecast.page.lateProbability': 'Probability of paying late: {probability}',
    'forecast.page.overdueBy': 'Overdue by {days, plural, one {# day} other {# days}}',
    'forecast.page.overProbability': 'probability of passing {limit} days late: {probability}',
    'forecast.cli.collectionsHeading.week': 'Expected receipts by week from {asOf}',
    'forecast.cli.collectionsHeading.day': 'Expected receipts by day from {asOf}',
    'forecast.cli.collectionsHeading.month': 'Expected receipts by month from {asOf}',
    'forecast.cli.col.week': 'Week of',
    'forecast.cli.col.day': 'Day',
    'forecast.cli.col.month': 'Month',
    'forecast.cli.col.fromOpen': 'Open invoices',
    'forecast.cli.col.fromSales': 'Future sales',
    'forecast.cli.col.low': 'Low',
    'forecast.cli.col.high': 'High',
    'forecast.cli.col.total': 'Total',
    'forecast.cli.totalExpected': 'Total expected',
    'forecast.reason.insolvency_proceedings':
      'Insolvency proceedings ({procedure, select, safeguard {safeguard} receivership {receivership} liquidation {compulsory liquidation} other {collective procedure}}){dated, select, yes { since {since}} other {}}: a claim from before the judgment, no payment expected outside the court’s plan',
    'forecast.reason.long_overdue':
      'Overdue by {daysOverdue}: of the invoices still unpaid {ageDays} after their due date ({observations} {basis, select, segment {in this customer category} other {in the company}}), {paidWithin90Percent} were paid within the next 3 months and {paidWithin365Percent} within the year',
    'forecast.cli.noPaymentExpected': 'no payment expected outside the plan',
    'forecast.cli.reasonsLine': 'Reasons: {reasons}',
    'forecast.page.asOf': 'Forecast as of {asOf}, payment-date model (version {version})',
    'forecast.page.portfolioTrend':
      '{way, select, slower {Your customers pay later and later: about {days} more days late each month, which the forecast allows for.} other {Your customers pay sooner and sooner: about {days} fewer days late each month, which the forecast allows for.}}',
    'forecast.page.partialMark': '{label} *',
    'forecast.page.partialNote':
      '* {count, plural, one {Partial period} other {Partial periods}}: {periods}.',
    'forecast.page.partialItem': '{label} ({from} to {to})',
    'forecast.page.dayNote':
      'Day by day: open invoices are spread over the days money came in on in the past. If your receipts never fall at weekends (or on public holidays), each invoice’s predicted dates and those of future sales (invoices not issued yet) that would fall on such a day move to the next business day — or, for a payment expected on a due date falling at a weekend, to the business day before, when your customers usually pay such due dates on the Friday.',
    'forecast.cli.reasonSeparator': '; ',
    'forecast.cli.partialPeriod': '{label} (partial: {from} to {to})',
    'forecast.page.probabilityAbove': '> {percent}',
    'forecast.page.probabilityBelow': '< {percent}',
    'forecast.cli.col.over30': 'P(> 30 d)',
    'forecast.cli.alreadyLate': 'already late',
    'forecast.cli.alreadyOver30': 'already > 30 d',
    'forecast.page.byAge': 'Forecast by age',
    'forecast.page.byAge.open': 'Outstanding',
    'forecast.page.byAge.expected': 'Expected within {weeks, plural, one {# week} other {# weeks}}',
  },
};
