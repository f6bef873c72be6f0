/**
 * Errors of the reports, the forecast, promotions, internal-audit signals, the demo and the FEC
 * import, as a person reads them (raised as `new DomainError(code, { key, params })`).
 * French spaces before « : ; ? ! % » and inside « » are non-breaking (U+00A0).
 */
export const errorsReports = {
  fr: {
    'errors.reports.rate': 'Le taux s’exprime en points de base entiers',
    'errors.reports.dimension': 'Dimension inconnue : {dimension} (au choix : {dimensions})',
    'errors.reports.sameDimensions': 'Choisissez deux dimensions différentes',
    'errors.reports.salespersonUnlinked': 'Ce compte commercial n’est rattaché à aucun client',
    'errors.reports.salespersonOthers': 'Un commercial ne voit que les chiffres de ses propres clients',
    'errors.reports.wholePortfolio':
      'Ce rapport couvre tout le portefeuille : il n’est pas accessible à un commercial',
    'errors.reports.basis': 'Base d’ancienneté inconnue : {basis} (due ou issue)',
    'errors.reports.bucketBounds':
      'Les bornes des tranches sont des nombres de jours entiers, positifs et croissants (et non {bounds})',
    'errors.reports.grouping': 'Regroupement inconnu : {groupBy}',
    'errors.reports.bucket': 'Tranche d’ancienneté inconnue : {bucket}',

    'errors.forecast.weeks': 'Le nombre de semaines est un entier de 1 à {max}',
    'errors.forecast.limit': 'La limite est un nombre entier d’au moins 1',
    'errors.forecast.payload': 'Les paramètres de la tâche « {job} » doivent former un objet',
    'errors.forecast.payloadDate': '{name} doit être une date (AAAA-MM-JJ)',
    'errors.forecast.backfillWeeks': 'Le champ backfillWeeks doit être un nombre entier de semaines',

    'errors.promotions.unknown': 'Promotion inconnue : {code}',
    'errors.promotions.invalid': 'Promotion invalide : {problems}',
    'errors.promotions.problem':
      '{problem, select, code_invalid {code « {value} » invalide (1 à 40 lettres, chiffres, points, tirets ou traits bas)} name_missing {nom manquant} payment_terms_invalid {conditions de paiement non reconnues (« {value} »)} payment_methods_invalid {modes de paiement absents ou inconnus} validity_invalid {période de validité incohérente} guarantee_invalid {garantie inconnue (« {value} »)} other {conditions invalides}}',
    'errors.promotions.exists': 'La promotion {code} existe déjà (une modification prend un nouveau code)',
    'errors.promotions.comment': 'Un refus se motive : ajoutez un commentaire',
    'errors.promotions.decided':
      'La promotion {code} est déjà {status, select, approved {approuvée} rejected {refusée} other {décidée}}',
    'errors.promotions.ownDecision': 'La personne qui a soumis une promotion ne peut pas en décider',
    'errors.promotions.noInvoice': 'Indiquez au moins une facture',
    'errors.promotions.notApproved':
      'La promotion {code} n’est pas approuvée : {status, select, submitted {elle attend la décision du crédit} rejected {elle a été refusée} other {elle n’est pas utilisable}}',
    'errors.promotions.tagged': 'Factures introuvables ou déjà rattachées à une promotion : {refs}',

    'errors.auditSignals.thresholds': 'Seuils invalides : {fields}',

    'errors.demo.allocation': 'Le lettrage cite une pièce inconnue : {ref}',
    'errors.demo.reversal': 'Annulation d’un lettrage inconnu : {debit}/{credit}',

    'errors.fec.customerAccounts':
      'Les comptes clients s’indiquent par les premiers chiffres de leur numéro (et non {prefixes})',
    'errors.fec.terms': 'Conditions de paiement inconnues : {terms}',
  },
  en: {
    'errors.reports.rate': 'The rate must be whole basis points',
    'errors.reports.dimension': 'Unknown dimension: {dimension} (one of {dimensions})',
    'errors.reports.sameDimensions': 'Choose two different dimensions',
    'errors.reports.salespersonUnlinked': 'This salesperson account is not linked to any customer',
    'errors.reports.salespersonOthers': 'A salesperson sees only their own customers’ figures',
    'errors.reports.wholePortfolio': 'This report covers the whole portfolio: not available to a salesperson',
    'errors.reports.basis': 'Unknown basis: {basis} (due or issue)',
    'errors.reports.bucketBounds': 'Bucket bounds must be increasing positive whole days: {bounds}',
    'errors.reports.grouping': 'Unknown grouping: {groupBy}',
    'errors.reports.bucket': 'Unknown bucket: {bucket}',

    'errors.forecast.weeks': 'The number of weeks must be an integer from 1 to {max}',
    'errors.forecast.limit': 'The limit must be a whole number ≥ 1',
    'errors.forecast.payload': 'The payload of the "{job}" job must be an object',
    'errors.forecast.payloadDate': '{name} must be a date (YYYY-MM-DD)',
    'errors.forecast.backfillWeeks': 'The backfillWeeks field must be a whole number of weeks',

    'errors.promotions.unknown': 'Unknown promotion: {code}',
    'errors.promotions.invalid': 'Invalid promotion: {problems}',
    'errors.promotions.problem':
      '{problem, select, code_invalid {invalid code "{value}" (1 to 40 letters, digits, ".", "-" or "_")} name_missing {no name} payment_terms_invalid {payment terms not understood ("{value}")} payment_methods_invalid {payment modes missing or unknown} validity_invalid {validity period inconsistent} guarantee_invalid {unknown guarantee ("{value}")} other {invalid terms}}',
    'errors.promotions.exists': 'Promotion {code} already exists (a change is a new code)',
    'errors.promotions.comment': 'A rejection says why: give a comment',
    'errors.promotions.decided':
      'Promotion {code} was already {status, select, approved {approved} rejected {rejected} other {decided}}',
    'errors.promotions.ownDecision': 'The person who submitted a promotion cannot decide on it',
    'errors.promotions.noInvoice': 'Name at least one invoice',
    'errors.promotions.notApproved':
      'Promotion {code} is not approved: {status, select, submitted {it awaits the credit decision} rejected {it was rejected} other {it is not usable}}',
    'errors.promotions.tagged': 'Not untagged invoices (unknown or already under a promotion): {refs}',

    'errors.auditSignals.thresholds': 'Invalid thresholds: {fields}',

    'errors.demo.allocation': 'Allocation names an unknown document: {ref}',
    'errors.demo.reversal': 'Reversal of an unknown allocation: {debit}/{credit}',

    'errors.fec.customerAccounts': 'Customer accounts must be account number prefixes: {prefixes}',
    'errors.fec.terms': 'Unknown payment terms: {terms}',
  },
} as const;
