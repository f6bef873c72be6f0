/**
 * Errors of the command line's own options, as a person reads them (raised as
 * `new DomainError(code, { key, params })`, put in words in the language of `--lang`).
 * French spaces before « : ; ? ! % » and inside « » are non-breaking (U+00A0).
 */
export const errorsCli = {
  fr: {
    'errors.cli.choice': '{option} : choisissez parmi {choices}',
    'errors.cli.wholeNumber': '{option} : « {value} » n’est pas un nombre entier',
    'errors.cli.naturalNumber': '{option} : « {value} » n’est pas un nombre entier positif ou nul',
    'errors.cli.positiveNumber':
      '{option} doit être un nombre entier supérieur ou égal à 1 (et non « {value} »)',
    'errors.cli.amount': '{option} : « {value} » n’est pas un montant',
    'errors.cli.amountNegative': '{option} : « {value} » est négatif ; saisissez un montant positif ou nul',
    'errors.cli.limit': '--limit doit valoir au moins 1',
    'errors.cli.formatNeedsOut': '--format demande --out FICHIER',
    'errors.cli.formatOrJson': 'Indiquez --format pdf|docx --out FICHIER, ou --json',
    'errors.cli.rateBps': '--rate-bps attend des points de base entiers, par exemple 500',
    'errors.cli.buckets': '--buckets attend des nombres de jours entiers, par exemple 30,60,90',
    'errors.cli.shareCapital': '--share-capital : un montant tel que « 1 500 000 » ou 37000.50',
    'errors.cli.nameRequired': '--name est obligatoire',
    'errors.cli.reportKind': 'Le rapport est dysfunctions ou measures',
    'errors.cli.setNeedsSection': '--set demande la section',
    'errors.cli.threshold': 'Attendu nom=entier (et non « {pair} »)',
    'errors.cli.reconcileKind': 'Précisez reconcile bank ou reconcile ledger',
    'errors.cli.reconcileFec': 'La commande reconcile ledger demande --fec FICHIER',
  },
  en: {
    'errors.cli.choice': '{option} must be one of {choices}',
    'errors.cli.wholeNumber': '{option} is not a whole number: {value}',
    'errors.cli.naturalNumber': '{option} is not a whole number ≥ 0: {value}',
    'errors.cli.positiveNumber': '{option} must be a positive whole number, got {value}',
    'errors.cli.amount': '{option} must be an amount, got {value}',
    'errors.cli.amountNegative': '{option} must be zero or more, got {value}',
    'errors.cli.limit': '--limit must be at least 1',
    'errors.cli.formatNeedsOut': '--format needs --out FILE',
    'errors.cli.formatOrJson': 'Give --format pdf|docx --out FILE, or --json',
    'errors.cli.rateBps': '--rate-bps expects whole basis points, e.g. 500',
    'errors.cli.buckets': '--buckets expects whole days, e.g. 30,60,90',
    'errors.cli.shareCapital': '--share-capital: an amount such as "1 500 000" or 37000.50',
    'errors.cli.nameRequired': '--name is required',
    'errors.cli.reportKind': 'The report is dysfunctions or measures',
    'errors.cli.setNeedsSection': '--set needs the section',
    'errors.cli.threshold': 'Expected name=integer: {pair}',
    'errors.cli.reconcileKind': 'Specify reconcile bank or reconcile ledger',
    'errors.cli.reconcileFec': 'The reconcile ledger command needs --fec FILE',
  },
} as const;
