/**
 * The half-year rate table's page and `encours dunning rates`: the half-years named in words (never
 * the « 2026H2 » key) and what the table lacks (core/dunning/rate-gaps.ts); the audit action of a
 * half-year entered for the first time (a correction is `auditAction.dunning.rate`, dunning.ts).
 */
export const dunningRates = {
  fr: {
    'dunningRates.semester': '{half, select, 1 {1er semestre} other {2nd semestre}} {year}',
    'dunningRates.seedSource':
      'Taux BCE en vigueur depuis le {ecbDate}{legal, select, yes { ; taux légal du {half, select, 1 {1er semestre} other {2nd semestre}} {year}} other {}}',
    'dunningRates.missingTitle': 'Table des taux incomplète',
    'dunningRates.missingEcb':
      '{count, plural, one {Taux BCE du {from} manquant} other {Taux BCE manquants du {from} au {to} (# semestres)}}',
    'dunningRates.missingLegal':
      '{count, plural, one {Taux d’intérêt légal du {from} manquant} other {Taux d’intérêt légal manquant du {from} au {to} (# semestres)}}',
    'dunningRates.missingEcbWhy':
      'Sans taux BCE, les intérêts de retard des jours de ce semestre ne peuvent pas être calculés : les relances qui en réclament les signalent comme incomplets.',
    'dunningRates.missingLegalWhy':
      'Sans taux d’intérêt légal, le plancher d’un taux contractuel (3 fois ce taux) est inconnu : les intérêts au taux contractuel de ce semestre ne peuvent pas être calculés.',
    'dunningRates.missingCell': 'manquant',
    'dunningRates.semesterRun': '{from} – {to} ({count, plural, one {# semestre} other {# semestres}})',
    'dunningRates.enter': 'Saisir',
    'dunningRates.saved': 'Taux du {semester} enregistré.',
    'dunningRates.cli.missing': 'Attention : {text}.',
    'auditAction.dunning.rate_added': 'Taux semestriel ajouté',
  },
  en: {
    'dunningRates.semester': '{half, select, 1 {first half} other {second half}} of {year}',
    'dunningRates.seedSource':
      'ECB rate in force since {ecbDate}{legal, select, yes {; legal rate of the {half, select, 1 {first half} other {second half}} of {year}} other {}}',
    'dunningRates.missingTitle': 'Rate table incomplete',
    'dunningRates.missingEcb':
      '{count, plural, one {ECB rate of the {from} missing} other {ECB rates missing from the {from} to the {to} (# half-years)}}',
    'dunningRates.missingLegal':
      '{count, plural, one {Legal interest rate of the {from} missing} other {Legal interest rate missing from the {from} to the {to} (# half-years)}}',
    'dunningRates.missingEcbWhy':
      'Without the ECB rate, the late-payment interest of that half-year’s days cannot be computed: the reminders claiming it show it as incomplete.',
    'dunningRates.missingLegalWhy':
      'Without the legal interest rate, the floor of a contractual rate (3 times that rate) is unknown: contractual interest of that half-year cannot be computed.',
    'dunningRates.missingCell': 'missing',
    'dunningRates.semesterRun': '{from} – {to} ({count, plural, one {# half-year} other {# half-years}})',
    'dunningRates.enter': 'Enter',
    'dunningRates.saved': 'Rates of the {semester} saved.',
    'dunningRates.cli.missing': 'Warning: {text}.',
    'auditAction.dunning.rate_added': 'Half-year rate added',
  },
} as const;
