/** Words and phrases shared by every area: units, placeholders, yes/no. */
export const common = {
  fr: {
    'common.none': 'Aucun',
    'common.empty': '—',
    'common.yes': 'Oui',
    'common.no': 'Non',
    'common.all': 'Tous',
    'common.days': '{n, plural, =0 {0 jour} one {# jour} other {# jours}}',
    'common.customers': '{n, plural, =0 {aucun client} one {# client} other {# clients}}',
    'common.documents': '{n, plural, =0 {aucune pièce} one {# pièce} other {# pièces}}',
    'common.asOf': 'au {date}',
    'common.noLimit': 'aucune',
    'common.unknown': 'inconnu',
  },
  en: {
    'common.none': 'None',
    'common.empty': '—',
    'common.yes': 'Yes',
    'common.no': 'No',
    'common.all': 'All',
    'common.days': '{n, plural, =0 {0 days} one {# day} other {# days}}',
    'common.customers': '{n, plural, =0 {no customers} one {# customer} other {# customers}}',
    'common.documents': '{n, plural, =0 {no documents} one {# document} other {# documents}}',
    'common.asOf': 'as of {date}',
    'common.noLimit': 'none',
    'common.unknown': 'unknown',
  },
} as const;
