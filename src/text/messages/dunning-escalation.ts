/**
 * Dunning that escalates with the account (issue 12, `core/dunning/escalation.ts`): the policy's two
 * settings (policy page, measures report) and why a planned invoice is past the step after its last
 * one (run preview, `encours dunning plan|run`).
 */
export const dunningEscalation = {
  fr: {
    'dunningEscalation.accountFloor': 'Mise en demeure étendue au compte',
    'dunningEscalation.accountFloorHelp':
      'Une fois le client mis en demeure, ses autres factures échues dues pour une relance amiable rejoignent la mise en demeure, jamais la transmission au contentieux.',
    'dunningEscalation.catchUpByAge': 'Rattrapage selon le retard',
    'dunningEscalation.catchUpByAgeHelp':
      'Une facture jamais relancée commence à la dernière relance amiable écrite que son retard a atteinte, avec ce que cette étape réclame, jamais à la mise en demeure.',
    'dunningEscalation.raised.account_notice':
      'portée au niveau de la mise en demeure déjà adressée le {date}',
    'dunningEscalation.raised.account_notice_today':
      'portée au niveau de la mise en demeure adressée ce jour',
    'dunningEscalation.raised.catch_up':
      'relance de rattrapage\u00a0: facture en retard de {days, plural, one {# jour} other {# jours}}',
    'dunningEscalation.cli.raised': 'Factures portées au-delà de leur prochaine étape',
    'dunningEscalation.raised.resend':
      'renvoyée\u00a0: l’e-mail du {date} n’a pas été remis au client (échec d’envoi)',
    'dunningEscalation.cli.raisedOrResent':
      'Factures portées au-delà de leur prochaine étape ou relancées à nouveau',
    'dunningEscalation.raised.resendByLetter':
      'renvoyée par courrier\u00a0: l’e-mail du {date} n’a pas été remis (échec d’envoi)',
    'dunningEscalation.raised.resendCheckEmail':
      'renvoyée\u00a0: l’e-mail du {date} n’a pas été remis au client (échec d’envoi)\u00a0; adresse e-mail à vérifier',
    'dunningPolicyProblem.invalid_escalation_setting':
      'Mise en demeure étendue au compte ou rattrapage selon le retard\u00a0: oui ou non attendu',
    'procedureReports.setting.accountFloor': 'Mise en demeure étendue aux autres factures échues du client',
    'procedureReports.setting.catchUpByAge': 'Relance de rattrapage selon le retard',
    'procedureReports.code.on': 'Règle activée',
  },
  en: {
    'dunningEscalation.accountFloor': 'Formal notice covers the account',
    'dunningEscalation.accountFloorHelp':
      'Once the customer has been given formal notice, its other overdue invoices due for an amicable reminder join the notice, never the hand-over.',
    'dunningEscalation.catchUpByAge': 'Catch-up by lateness',
    'dunningEscalation.catchUpByAgeHelp':
      'An invoice never reminded starts at the last written amicable reminder its lateness has reached, claiming what that step claims, never at the formal notice.',
    'dunningEscalation.raised.account_notice': 'raised to the formal notice already sent on {date}',
    'dunningEscalation.raised.account_notice_today': 'raised to the formal notice sent today',
    'dunningEscalation.raised.catch_up':
      'catch-up reminder: invoice {days, plural, one {# day} other {# days}} late',
    'dunningEscalation.cli.raised': 'Invoices taken past their next step',
    'dunningEscalation.raised.resend':
      'sent again: the e-mail of {date} never reached the customer (sending failed)',
    'dunningEscalation.cli.raisedOrResent': 'Invoices taken past their next step or reminded again',
    'dunningEscalation.raised.resendByLetter':
      'sent again by post: the e-mail of {date} never reached the customer (sending failed)',
    'dunningEscalation.raised.resendCheckEmail':
      'sent again: the e-mail of {date} never reached the customer (sending failed); e-mail address to check',
    'dunningPolicyProblem.invalid_escalation_setting':
      'Formal notice covering the account or catch-up by lateness: on or off expected',
    'procedureReports.setting.accountFloor':
      'Formal notice extended to the customer’s other overdue invoices',
    'procedureReports.setting.catchUpByAge': 'Catch-up reminder by lateness',
    'procedureReports.code.on': 'Rule on',
  },
};
