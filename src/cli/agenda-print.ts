/**
 * `encours agenda` as text: the day's title, the first entries in priority order (50 unless
 * `--limit` says otherwise, 0 for all: a collector reads the top of the list, a portfolio of
 * hundreds would scroll away), how many more there are, and the entries hidden today.
 */
import { type AgendaView, agendaLines } from '#app/dunning/agenda';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';

/** The entries printed when `--limit` is not given. */
export const AGENDA_LIMIT = 50;

function scopeLine(view: AgendaView, lang: Lang): string {
  const t = translator(lang);
  if (view.scope.kind === 'collector')
    return t('agenda.scope.collector', { collector: view.scope.collector ?? '' });
  return t(view.scope.kind === 'unassigned' ? 'agenda.scope.unassigned' : 'agenda.scope.all');
}

/** The agenda's lines, at most `limit` entries (0: all of them). */
export function agendaPrintLines(view: AgendaView, lang: Lang, limit = AGENDA_LIMIT): string[] {
  const t = translator(lang);
  const lines = [
    `${t('dunning.page.agendaTitle')} — ${formatDate(lang, view.asOf, { long: true })} — ${scopeLine(view, lang)}`,
    '',
  ];
  if (view.entries.length === 0) lines.push(t('dunning.page.agendaEmpty'));
  const shown = limit === 0 ? view.entries : view.entries.slice(0, limit);
  lines.push(...agendaLines({ ...view, entries: shown }, lang));
  const more = view.entries.length - shown.length;
  if (more > 0) lines.push(t('agenda.more', { count: more }));
  if (view.hiddenCount > 0) lines.push('', t('agenda.hidden', { count: view.hiddenCount }));
  return lines;
}
