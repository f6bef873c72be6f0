/** The VAT-recovery note of a write-off, worded from the catalogue for the CLI, the API and the web. */
import type { Lang } from '#text/catalogue';
import { translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import type { WriteOffView } from './write-offs.ts';

export function vatNoteText(
  lang: Lang,
  view: Pick<WriteOffView, 'vatNote' | 'currency' | 'reasonCode'>,
): string {
  const t = translator(lang);
  const note = view.vatNote;
  if (!note.eligible)
    return t('writeoff.vatNote.notEligible', { reason: t('writeoff.reason', { reason: view.reasonCode }) });
  const money = (minor: number) => formatMoney(lang, minor, view.currency);
  const split =
    note.netMinor === null || note.vatMinor === null
      ? t('writeoff.vatNote.splitUnknown')
      : t('writeoff.vatNote.split', { net: money(note.netMinor), vat: money(note.vatMinor) });
  return t('writeoff.vatNote.eligible', {
    refs: note.lines.map((line) => line.ref).join(', '),
    gross: money(note.grossMinor),
    split,
  });
}
