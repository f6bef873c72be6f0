/**
 * `encours promise list` in words: the promises of the imported history, after the recorded ones
 * (read-only lines of the customers' story, core/dunning/imported-promises.ts).
 */
import type { ImportedPromiseView } from '#app/dunning/imported-promises';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { money, plain, printTable } from './output.ts';

/** `afterRecorded`: a blank line parts them from the recorded promises printed before. */
export function printImportedPromises(
  rows: readonly ImportedPromiseView[],
  lang: Lang,
  afterRecorded: boolean,
): void {
  const t = translator(lang);
  const heading = plain(t('dunningFollowUp.imported.cliHeading'));
  process.stdout.write(`${afterRecorded ? '\n' : ''}${heading}\n`);
  if (rows.length === 0) return void process.stdout.write(`${t('dunningFollowUp.imported.empty')}\n`);
  printTable(rows, [
    { header: t('dunning.page.customer'), value: (p) => `${p.customerCode} ${p.customerName}`.slice(0, 30) },
    { header: t('dunningFollowUp.imported.lineDate'), value: (p) => formatDate(lang, p.madeOn) },
    {
      header: t('dunningFollowUp.imported.promisedOn'),
      value: (p) =>
        p.promisedOn === null ? t('dunningFollowUp.imported.dateNotStated') : formatDate(lang, p.promisedOn),
    },
    {
      header: t('dunningFollowUp.imported.amount'),
      value: (p) =>
        p.amountMinor === null
          ? t('dunningFollowUp.imported.amountNotStated')
          : money(p.amountMinor, p.currency, lang),
      align: 'right',
    },
    {
      header: t('dunningFollowUp.imported.paid'),
      value: (p) => (p.paidMinor === null ? '' : money(p.paidMinor, p.currency, lang)),
      align: 'right',
    },
    {
      header: t('dunning.page.status'),
      value: (p) =>
        plain(
          p.unverifiableReason === null
            ? label(lang, 'dunningPromiseStatus', p.status)
            : t('common.labelled', {
                label: label(lang, 'dunningPromiseStatus', p.status),
                value: label(lang, 'dunningPromiseUnverifiable', p.unverifiableReason),
              }),
        ),
    },
    { header: t('dunningFollowUp.imported.line'), value: (p) => plain(p.note) },
  ]);
}
