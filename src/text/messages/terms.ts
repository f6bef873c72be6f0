/**
 * Wordings of payment terms and age buckets. Each payment-terms wording parses back to the same
 * terms with `parsePaymentTerms` (the payment-terms text test checks it for every form).
 */
export const terms = {
  fr: {
    'terms.net': '{days, plural, =0 {à réception} one {# jour net} other {# jours nets}}',
    'terms.eom': '{days, plural, =0 {fin de mois} one {# jour fin de mois} other {# jours fin de mois}}',
    'terms.eomB':
      '{days, plural, =0 {fin de mois} one {fin de mois puis # jour} other {fin de mois puis # jours}}',
    'terms.eomPlusDay':
      '{days, plural, =0 {fin de mois} one {# jour fin de mois} other {# jours fin de mois}} le {day}',
    'terms.eomPlus':
      '{days, plural, =0 {fin de mois} one {# jour fin de mois} other {# jours fin de mois}} + {plus, plural, one {# jour} other {# jours}}',
    'terms.netDay': '{days, plural, one {# jour net} other {# jours nets}} le {day}',
    'agingBucket.notDue': 'Non échu',
    'agingBucket.credits': 'Crédits non lettrés',
    'agingBucket.upTo': '≤ {to} j',
    'agingBucket.range': '{from}–{to} j',
    'agingBucket.over': '> {from} j',
  },
  en: {
    'terms.net': '{days, plural, =0 {on receipt} one {net # day} other {net # days}}',
    'terms.eom': '{days, plural, =0 {end of month} one {# day end of month} other {# days end of month}}',
    'terms.eomB':
      '{days, plural, =0 {end of month} one {end of month then # day} other {end of month then # days}}',
    'terms.eomPlusDay':
      '{days, plural, =0 {end of month} one {# day end of month} other {# days end of month}} + {day, plural, one {# day} other {# days}}',
    'terms.eomPlus':
      '{days, plural, =0 {end of month} one {# day end of month} other {# days end of month}} + {plus, plural, one {# day} other {# days}}',
    'terms.netDay':
      'net {days, plural, one {# day} other {# days}} on the {day, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}',
    'agingBucket.notDue': 'Not due',
    'agingBucket.credits': 'Unapplied credits',
    'agingBucket.upTo': '≤ {to} d',
    'agingBucket.range': '{from}–{to} d',
    'agingBucket.over': '> {from} d',
  },
} as const;
