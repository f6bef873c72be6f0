/**
 * `encours promise list` in words: the promises of the imported history, after the recorded ones
 * (read-only lines of the customers' story, core/dunning/imported-promises.ts), a page at a time.
 */
import type { ImportedPromisePage, ImportedPromiseView } from '#app/dunning/imported-promises';
import { type Lang, label, translator } from '#text/catalogue';
import { listOf } from '#text/error-words';
import { formatDate } from '#text/format';
import { money, plain, printTable } from './output.ts';

/** Why the status is what it is: the reason it cannot be read, or the invoices it was read on. */
export function importedStatusWords(p: ImportedPromiseView, lang: Lang): string {
  const t = translator(lang);
  const status = label(lang, 'dunningPromiseStatus', p.status);
  const check = p.invoiceCheck;
  const why =
    p.unverifiableReason !== null
      ? label(lang, 'dunningPromiseUnverifiable', p.unverifiableReason)
      : check === null
        ? null
        : check.settledOn !== null
          ? t('dunningFollowUp.imported.invoiceSettled', {
              count: check.refs.length,
              refs: listOf(lang, check.refs),
              date: formatDate(lang, check.settledOn),
            })
          : t('dunningFollowUp.imported.invoiceOpen', {
              status: p.status,
              count: check.refs.length,
              refs: listOf(lang, check.refs),
              open: money(check.openMinor, check.currency, lang),
              date: formatDate(lang, check.on),
            });
  return plain(why === null ? status : t('common.labelled', { label: status, value: why }));
}

/**
 * `afterRecorded`: a blank line parts them from the recorded promises printed before; `offset`: the
 * lines passed over, so that the range printed under the table is the page's.
 */
export function printImportedPromises(
  page: ImportedPromisePage,
  lang: Lang,
  afterRecorded: boolean,
  offset: number,
): void {
  const t = translator(lang);
  const rows = page.items;
  const heading = plain(t('dunningFollowUp.imported.cliHeading'));
  process.stdout.write(`${afterRecorded ? '\n' : ''}${heading}\n`);
  const inAll = Object.values(page.counts).reduce((sum, count) => sum + count, 0);
  if (inAll === 0) return void process.stdout.write(`${t('dunningFollowUp.imported.empty')}\n`);
  if (page.total === 0) return void process.stdout.write(`${t('dunningFollowUp.promises.emptyStatus')}\n`);
  if (rows.length === 0) {
    const past = t('dunningFollowUp.imported.cliPastEnd', { from: offset + 1, total: page.total });
    return void process.stdout.write(`${plain(past)}\n`);
  }
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
    { header: t('dunning.page.status'), value: (p) => importedStatusWords(p, lang) },
    { header: t('dunningFollowUp.imported.line'), value: (p) => plain(p.note) },
  ]);
  const to = offset + rows.length;
  if (rows.length === page.total) return;
  process.stdout.write(
    `${plain(t('dunningFollowUp.imported.cliRange', { from: offset + 1, to, total: page.total }))}\n`,
  );
  if (to < page.total)
    process.stdout.write(`${plain(t('dunningFollowUp.imported.cliNext', { next: to }))}\n`);
}
