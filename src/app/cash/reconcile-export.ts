/**
 * The reconciliations as documents (the document port: CSV, XLSX, PDF): key figures, then every
 * difference with the words that explain it — what an accountant files with the month's closing.
 */
import type { Block, BusinessDocument, Cell, TabularReport } from '#render/document';
import { translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import type { DocumentSetting, ReportExport } from '../reports/report-tables.ts';
import type { BankReconciliationReport, LedgerReconciliationReport } from './reconcile.ts';

export function bankReconciliationExport(
  report: BankReconciliationReport,
  setting: DocumentSetting,
): ReportExport {
  const { lang } = setting;
  const t = translator(lang);
  const money = (minor: number | null) => formatMoney(lang, minor, report.currency);
  const title = t('cash.reconcile.bank.title');
  const subtitle = [
    t('cash.reconcile.bank.period', { from: formatDate(lang, report.from), to: formatDate(lang, report.to) }),
  ];
  const table: TabularReport = {
    title,
    subtitle,
    currency: report.currency,
    columns: [
      { header: t('cash.reconcile.col.date'), kind: 'date', width: 12 },
      { header: t('cash.reconcile.col.explanation'), kind: 'text', width: 40 },
      { header: t('cash.reconcile.col.reference'), kind: 'text', width: 18 },
      { header: t('cash.reconcile.col.customer'), kind: 'text', width: 12 },
      { header: t('cash.reconcile.col.label'), kind: 'text', width: 30 },
      { header: t('cash.reconcile.col.amount'), kind: 'money', width: 16 },
    ],
    rows: report.differences.map((line): Cell[] => [
      line.date,
      t(`cashBankDifference.${line.code}`),
      line.documentRef ?? (line.transactionId === null ? '' : `n° ${line.transactionId}`),
      line.customerCode ?? '',
      line.label ?? '',
      line.amountMinor,
    ]),
    totals: ['', t('cash.reconcile.difference'), '', '', '', report.differenceMinor],
  };
  const document = (): BusinessDocument => {
    const blocks: Block[] = [
      {
        type: 'keyFigures',
        items: [
          { label: t('cash.reconcile.bank.bankReceipts'), value: money(report.bankReceiptsMinor) },
          { label: t('cash.reconcile.bank.bankReturns'), value: money(report.bankReturnsMinor) },
          { label: t('cash.reconcile.bank.ledgerPayments'), value: money(report.ledgerPaymentsMinor) },
          { label: t('cash.reconcile.bank.ledgerBounces'), value: money(report.ledgerBouncesMinor) },
          { label: t('cash.reconcile.difference'), value: money(report.differenceMinor) },
        ],
      },
    ];
    if (report.statements.length > 0)
      blocks.push(
        { type: 'heading', text: t('cash.reconcile.statements') },
        {
          type: 'table',
          table: {
            currency: report.currency,
            columns: [
              { header: t('cash.reconcile.col.account'), kind: 'text', width: 3 },
              { header: t('cash.reconcile.col.statement'), kind: 'text', width: 2 },
              { header: t('cash.reconcile.col.opening'), kind: 'money', width: 2 },
              { header: t('cash.reconcile.col.closing'), kind: 'money', width: 2 },
            ],
            rows: report.statements.map((statement) => [
              statement.accountKey,
              statement.statementRef,
              statement.openingMinor,
              statement.closingMinor,
            ]),
          },
        },
      );
    blocks.push({
      type: 'heading',
      text:
        report.differences.length === 0
          ? t('cash.reconcile.tiesOut')
          : t('cash.reconcile.differences', { count: report.differences.length }),
    });
    if (report.differences.length > 0) blocks.push({ type: 'table', table, fontSize: 8 });
    return { ...setting, title, subtitle, orientation: 'landscape', blocks };
  };
  return { table, document };
}

export function ledgerReconciliationExport(
  report: LedgerReconciliationReport,
  setting: DocumentSetting,
): ReportExport {
  const { lang } = setting;
  const t = translator(lang);
  const money = (minor: number) => formatMoney(lang, minor, report.currency);
  const title = t('cash.reconcile.ledger.title');
  const subtitle = [
    t('cash.reconcile.ledger.subtitle', {
      date: formatDate(lang, report.asOf),
      accounts: report.accounts.join(', '),
      file: report.file,
    }),
  ];
  const rows: Cell[][] = [];
  for (const customer of report.differences) {
    rows.push([
      customer.customerCode,
      '',
      t('cashLedgerDifference.customer'),
      customer.glMinor,
      customer.subLedgerMinor,
      customer.differenceMinor,
    ]);
    for (const document of customer.documents)
      rows.push([
        customer.customerCode,
        report.labels[document.ref] ?? document.ref,
        t(`cashLedgerDifference.${document.code}`),
        document.glMinor,
        document.subLedgerMinor,
        document.differenceMinor,
      ]);
  }
  const table: TabularReport = {
    title,
    subtitle,
    currency: report.currency,
    columns: [
      { header: t('cash.reconcile.col.customer'), kind: 'text', width: 12 },
      { header: t('cash.reconcile.col.label'), kind: 'text', width: 36 },
      { header: t('cash.reconcile.col.explanation'), kind: 'text', width: 36 },
      { header: t('cash.reconcile.col.gl'), kind: 'money', width: 16 },
      { header: t('cash.reconcile.col.subLedger'), kind: 'money', width: 16 },
      { header: t('cash.reconcile.difference'), kind: 'money', width: 16 },
    ],
    rows,
    totals: ['', '', '', report.glMinor, report.subLedgerMinor, report.differenceMinor],
  };
  const document = (): BusinessDocument => ({
    ...setting,
    title,
    subtitle,
    orientation: 'landscape',
    blocks: [
      {
        type: 'keyFigures',
        items: [
          { label: t('cash.reconcile.ledger.gl'), value: money(report.glMinor) },
          { label: t('cash.reconcile.ledger.subLedger'), value: money(report.subLedgerMinor) },
          { label: t('cash.reconcile.difference'), value: money(report.differenceMinor) },
          { label: t('cash.reconcile.ledger.customers'), value: String(report.customers) },
        ],
      },
      {
        type: 'heading',
        text:
          report.differences.length === 0
            ? t('cash.reconcile.tiesOut')
            : t('cash.reconcile.differences', { count: rows.length }),
      },
      ...(rows.length > 0 ? [{ type: 'table' as const, table, fontSize: 8 }] : []),
    ],
  });
  return { table, document };
}
