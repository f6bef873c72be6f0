/**
 * The human output of `encours import`: what was read and written, and a FEC's reconciliation
 * proof, in the language of `--lang`, with amounts and dates as a French (or English) reader
 * writes them. Pure: returns the lines, the command prints them.
 */
import type { FecImportSummary } from '#app/fec/import-fec';
import type { ImportSummary } from '#app/imports/import-file';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { money, plain } from './output.ts';

export function importSummaryLines(summary: ImportSummary, lang: Lang): string[] {
  const t = translator(lang);
  const payments =
    summary.entity === 'payments'
      ? t('cli.import.payments', {
          allocations: summary.allocations,
          unapplied: summary.unappliedPayments,
        })
      : '';
  const figures = t('cli.import.summary', {
    file: summary.file,
    rows: summary.rows,
    inserted: summary.inserted,
    updated: summary.updated,
    unchanged: summary.unchanged,
  });
  const disputes =
    summary.disputesOpened > 0 ? t('cli.import.disputes', { count: summary.disputesOpened }) : '';
  const notices = summary.notices.map((notice) => plain(t('cli.import.notice', { text: notice.message })));
  return [
    plain(`${summary.dryRun ? t('cli.import.dryRun') : ''}${figures}${payments}${disputes}`),
    ...notices,
  ];
}

export function fecSummaryLines(summary: FecImportSummary, lang: Lang): string[] {
  const t = translator(lang);
  const amount = (minor: number) => money(minor, summary.currency, lang);
  const { documents, changes, reconciliation } = summary;
  const lines = [
    `${summary.dryRun ? t('cli.import.dryRun') : ''}${t('cli.fec.read', {
      file: summary.file,
      encoding: summary.encoding,
      lines: summary.lines,
      entries: summary.entries,
      from: formatDate(lang, summary.firstDate),
      to: formatDate(lang, summary.lastDate),
    })}`,
    t('cli.fec.written', {
      customers: summary.customers,
      inserted: changes.customersInserted,
      ...documents,
      docsInserted: changes.documentsInserted,
      docsUpdated: changes.documentsUpdated,
      docsUnchanged: changes.documentsUnchanged,
    }),
    t('cli.fec.lettering', {
      allocations: summary.allocations,
      written: changes.allocationsInserted,
      reversed: changes.allocationsReversed,
      openItems: summary.openItems,
    }),
    t('cli.fec.proof', {
      date: formatDate(lang, reconciliation.asOf),
      control: amount(reconciliation.controlBalanceMinor),
      open: amount(reconciliation.sumOpenItemsMinor),
      ok: reconciliation.customersWithDifference.length === 0 ? 'yes' : 'no',
    }),
  ];
  for (const difference of reconciliation.customersWithDifference) {
    const others = difference.otherDocuments;
    lines.push(
      t('cli.fec.difference', {
        code: difference.customerCode,
        name: difference.name,
        fec: amount(difference.fecBalanceMinor),
        open: amount(difference.sumOpenItemsMinor),
        lines: difference.fecLines.join(', '),
      }) + (others.length > 0 ? t('cli.fec.otherDocuments', { refs: others.join(', ') }) : ''),
    );
  }
  for (const warning of summary.warnings) lines.push(t('cli.fec.warning', { text: warning.message }));
  return lines.map(plain);
}
