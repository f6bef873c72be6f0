/** Messages of the cost of the predicted days late and the dashboard's forecast card. */
export const forecastCost = {
  fr: {
    'auditAction.company.financing_rate': 'Taux de financement de la société modifié',
    'forecastCost.rateSource':
      '{source, select, company {taux de la société} given {taux demandé} other {taux par défaut, à fixer par la société}}',
    'forecastCost.cli.heading':
      'Coût des retards prévus au {asOf} — financement à {rate} par an ({source}), modèle {model}',
    'forecastCost.cli.expected':
      'Encours compté : {open} sur {count, plural, one {# facture} other {# factures}} (les factures ouvertes hors créances antérieures à un jugement d’insolvabilité), dont {late} en retard prévu ({lateCount, plural, one {# facture} other {# factures}})',
    'forecastCost.cli.daysLate':
      'Retard prévu moyen (date médiane − échéance, pondéré par les montants) : {days, select, none {—} other {{days} jours}}',
    'forecastCost.cli.cost':
      'Coût des retards prévus : {cost}, dont {ahead} pour les jours après le {asOf} (le reste est déjà couru)',
    'forecastCost.cli.beyondHistory':
      'Dont {cost} pour {count, plural, one {# facture} other {# factures}} dont aucun paiement n’est attendu ({open}) : la moitié au moins des factures aussi anciennes restent impayées au bout d’un an ; leur retard n’est compté que jusqu’au {until}, où s’arrête le calcul faute de date de paiement : ce coût est un minimum.',
    'forecastCost.cli.notExpected':
      'Hors calcul : {count, plural, one {# créance antérieure} other {# créances antérieures}} à un jugement d’insolvabilité ({open}) — aucun paiement ordinaire attendu hors plan, donc ni retard ni coût.',
    'forecastCost.cli.rounding':
      'Coût = encours × jours de retard × taux / 365, arrondi au centime par client ; le total est la somme des clients.',
    'forecastCost.cli.more': '… et {count, plural, one {# autre client} other {# autres clients}} (--limit)',
    'forecastCost.cli.col.customer': 'Client',
    'forecastCost.cli.col.open': 'Encours compté',
    'forecastCost.cli.col.days': 'Retard moyen (j)',
    'forecastCost.cli.col.cost': 'Coût',
    'forecastCost.cli.col.ahead': 'Dont à venir',
    'forecastCost.cli.col.notExpected': 'Hors calcul',
    'forecastCost.cli.rate':
      'Taux de financement : {rate} par an ({source, select, company {fixé par {by} le {on}} other {par défaut, aucun taux fixé}})',
    'forecastCost.web.rateTitle': 'Taux de financement',
    'forecastCost.web.rateIntroEverywhere':
      'Ce taux annuel est ce que coûte à la société l’argent encaissé en retard (découvert, affacturage, ligne de crédit). Il chiffre le coût des retards prévus (tableau de bord), le coût de trésorerie des retards des indicateurs et des rapports de la procédure, et le financement du poste client dans le simulateur d’externalisation.',
    'forecastCost.web.rateCurrent':
      '{rate} par an — {source, select, company {fixé par {by} le {on}} other {taux par défaut : aucun taux fixé pour la société}}',
    'forecastCost.web.rateLabel': 'Nouveau taux annuel',
    'forecastCost.web.rateSave': 'Enregistrer le taux',
    'forecastCost.web.rateSaved': 'Taux de financement enregistré : {rate} par an.',
    'forecastCost.web.rateInvalid': 'Saisissez un taux de 0 à 100 %, par exemple 4,5 %.',
    'forecastCost.web.setRate': 'Fixer le taux',
    'forecastCost.web.title': 'Encaissements prévus — 13 semaines',
    'forecastCost.web.expected': '{total} attendus du {from} au {to}',
    'forecastCost.web.band':
      'Pointillés : le bas et le haut de la fourchette de chaque semaine, calculée pour contenir les encaissements 9 fois sur 10 ; la page Prévision dit combien de semaines passées y sont tombées.',
    'forecastCost.web.fromOpen': 'dont {amount} sur les factures ouvertes',
    'forecastCost.web.chartLabel': 'Encaissements prévus par semaine, avec leur fourchette',
    'forecastCost.web.costTitle': 'Coût des retards prévus',
    'forecastCost.web.cost':
      '{cost} au taux de {rate} par an ({source}) ; {lateCount, plural, one {# facture prévue} other {# factures prévues}} en retard, retard moyen prévu {days} jours (pondéré par les montants)',
    'forecastCost.web.costAhead':
      'dont {ahead} pour les jours de retard à venir (le reste pour ceux déjà courus)',
    'forecastCost.web.notExpected':
      '{count, plural, one {# créance} other {# créances}} en procédure collective ({open}) hors calcul : aucun paiement ordinaire attendu',
    'forecastCost.web.beyondHistory':
      'Sur ce même total, {cost} portent sur {count, plural, one {# facture dont aucun paiement n’est attendu : la moitié au moins des factures aussi anciennes restent impayées au bout d’un an, et sa fiche client ne donne pas de date de paiement. Son retard n’est compté que jusqu’au {until}, où s’arrête le calcul faute de date de paiement : ce coût est donc un minimum, qui grandit tant qu’elle reste impayée.} other {# factures dont aucun paiement n’est attendu : la moitié au moins des factures aussi anciennes restent impayées au bout d’un an, et leurs fiches clients ne donnent pas de date de paiement. Leur retard n’est compté que jusqu’au {until}, où s’arrête le calcul faute de date de paiement : ce coût est donc un minimum, qui grandit tant qu’elles restent impayées.}}',
    'forecastCost.web.link': 'Voir la prévision',
    'forecastCost.web.unavailable': 'Prévision indisponible',
  },
  en: {
    'auditAction.company.financing_rate': 'Company financing rate changed',
    'forecastCost.rateSource':
      '{source, select, company {company rate} given {rate asked for} other {default rate, for the company to set}}',
    'forecastCost.cli.heading':
      'Cost of the predicted days late as of {asOf} — financed at {rate} a year ({source}), model {model}',
    'forecastCost.cli.expected':
      'Open amount counted: {open} on {count, plural, one {# invoice} other {# invoices}} (every open invoice except the claims from before an insolvency judgment), of which {late} predicted late ({lateCount, plural, one {# invoice} other {# invoices}})',
    'forecastCost.cli.daysLate':
      'Mean predicted days late (median date − due date, weighted by amounts): {days, select, none {—} other {{days} days}}',
    'forecastCost.cli.cost':
      'Cost of the predicted days late: {cost}, of which {ahead} for the days after {asOf} (the rest has already run)',
    'forecastCost.cli.beyondHistory':
      'Of which {cost} for {count, plural, one {# invoice} other {# invoices}} for which no payment is expected ({open}): at least half of the invoices this old are still unpaid a year later; their days late are counted only up to {until}, where the calculation stops for want of a payment date: this cost is a minimum.',
    'forecastCost.cli.notExpected':
      'Left out: {count, plural, one {# claim} other {# claims}} from before an insolvency judgment ({open}) — no ordinary payment expected outside the court’s plan, so no days late and no cost.',
    'forecastCost.cli.rounding':
      'Cost = open amount × days late × rate / 365, rounded to the cent per customer; the total is the sum of the customers.',
    'forecastCost.cli.more':
      '… and {count, plural, one {# more customer} other {# more customers}} (--limit)',
    'forecastCost.cli.col.customer': 'Customer',
    'forecastCost.cli.col.open': 'Open counted',
    'forecastCost.cli.col.days': 'Mean days late',
    'forecastCost.cli.col.cost': 'Cost',
    'forecastCost.cli.col.ahead': 'Of which ahead',
    'forecastCost.cli.col.notExpected': 'Left out',
    'forecastCost.cli.rate':
      'Financing rate: {rate} a year ({source, select, company {set by {by} on {on}} other {default, none set}})',
    'forecastCost.web.rateTitle': 'Financing rate',
    'forecastCost.web.rateIntroEverywhere':
      'This annual rate is what money collected late costs the company (overdraft, factoring, credit line). It prices the cost of the predicted days late (dashboard), the cash cost of late payment in the indicators and the procedure reports, and the financing of the receivables in the outsourcing simulator.',
    'forecastCost.web.rateCurrent':
      '{rate} a year — {source, select, company {set by {by} on {on}} other {default rate: none set for the company}}',
    'forecastCost.web.rateLabel': 'New annual rate',
    'forecastCost.web.rateSave': 'Save the rate',
    'forecastCost.web.rateSaved': 'Financing rate saved: {rate} a year.',
    'forecastCost.web.rateInvalid': 'Enter a rate from 0 to 100%, for example 4.5%.',
    'forecastCost.web.setRate': 'Set the rate',
    'forecastCost.web.title': 'Expected collections — 13 weeks',
    'forecastCost.web.expected': '{total} expected from {from} to {to}',
    'forecastCost.web.band':
      'Dashed lines: the low and high ends of each week’s range, set to hold the receipts 9 times in 10; the Forecast page says how many past weeks fell inside it.',
    'forecastCost.web.fromOpen': 'of which {amount} on open invoices',
    'forecastCost.web.chartLabel': 'Expected receipts by week, with their range',
    'forecastCost.web.costTitle': 'Cost of the predicted days late',
    'forecastCost.web.cost':
      '{cost} at {rate} a year ({source}); {lateCount, plural, one {# invoice} other {# invoices}} predicted late, mean predicted lateness {days} days (weighted by amounts)',
    'forecastCost.web.costAhead':
      'of which {ahead} for the days late still ahead (the rest for those already run)',
    'forecastCost.web.notExpected':
      '{count, plural, one {# claim} other {# claims}} in insolvency proceedings ({open}) left out: no ordinary payment expected',
    'forecastCost.web.beyondHistory':
      'Of that same total, {cost} is on {count, plural, one {# invoice for which no payment is expected: at least half of the invoices this old are still unpaid a year later, and its customer file gives no payment date. Its days late are counted only up to {until}, where the calculation stops for want of a payment date: so this cost is a minimum, which grows for as long as it stays unpaid.} other {# invoices for which no payment is expected: at least half of the invoices this old are still unpaid a year later, and their customer files give no payment date. Their days late are counted only up to {until}, where the calculation stops for want of a payment date: so this cost is a minimum, which grows for as long as they stay unpaid.}}',
    'forecastCost.web.link': 'Open the forecast',
    'forecastCost.web.unavailable': 'Forecast unavailable',
  },
};
