/**
 * Why a planned invoice is past the step after its last one, as a person reads it beside the
 * invoice (the run review of the web app, `dunning plan|run`): « portée au niveau de la mise en
 * demeure déjà adressée le 05/05/2026 », « relance de rattrapage : facture en retard de 192 jours »,
 * or why it gets its step again: « renvoyée par courrier : l’e-mail du 04/05/2026 n’a pas été remis
 * (échec d’envoi) », or by e-mail again when no postal address is known, « adresse e-mail à vérifier ».
 * It takes the reader's `t` and date format, as dunning-step-name.ts does.
 */

type Translate = (key: string, values?: Record<string, string | number>) => string;

export type RaisedBy =
  | { kind: 'account_notice'; noticeDate: string | null }
  | { kind: 'catch_up' }
  | { kind: 'resend'; failedOn: string; channel: string };

export function raisedReason(
  t: Translate,
  formatDate: (isoDate: string) => string,
  item: { daysLate: number; raisedBy?: RaisedBy | undefined },
): string | null {
  const reason = item.raisedBy;
  if (!reason) return null;
  if (reason.kind === 'catch_up') return t('dunningEscalation.raised.catch_up', { days: item.daysLate });
  if (reason.kind === 'resend') return resentReason(t, reason.channel, formatDate(reason.failedOn));
  return reason.noticeDate === null
    ? t('dunningEscalation.raised.account_notice_today')
    : t('dunningEscalation.raised.account_notice', { date: formatDate(reason.noticeDate) });
}

/** A step sent again after its e-mail failed for good, by post or, without an address, by e-mail. */
function resentReason(t: Translate, channel: string, date: string): string {
  if (channel === 'letter' || channel === 'registered_letter')
    return t('dunningEscalation.raised.resendByLetter', { date });
  if (channel === 'email') return t('dunningEscalation.raised.resendCheckEmail', { date });
  return t('dunningEscalation.raised.resend', { date });
}
