/**
 * The reconciliations as documents (the document port: CSV, XLSX, PDF): key figures, then every
 * difference with the words that explain it — what an accountant files with the month's closing.
 */
import type { Block, BusinessDocument, Cell, CellKind, TabularReport } from '#render/document';
import { type Lang, type Translate, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import type { DocumentSetting, ReportExport } from '../reports/report-tables.ts';
import type { BankReconciliationReport, LedgerReconciliationReport } from './reconcile.ts';

/**
 * How a person finds a listed document: the FEC's own piece, journal, entry number and date when
 * the FEC holds it (its key in Encours digests them and means nothing to a reader), else the
 * sub-ledger's reference (the invoice number).
 */
export function ledgerReferenceText(
  lang: Lang,
  report: Pick<LedgerReconciliationReport, 'fecPieces'>,
  ref: string,
): string {
  const piece = report.fecPieces[ref];
  if (piece === undefined) return ref;
  const t = translator(lang);
  const words = { journal: piece.journal, entry: piece.entry, date: formatDate(lang, piece.date) };
  return piece.piece === ''
    ? t('cash.reconcile.ledger.fecEntry', words)
    : t('cash.reconcile.ledger.fecPiece', { ...words, piece: piece.piece });
}

/** How many customers differ, and how many documents explain it. */
export function ledgerDifferenceCounts(report: Pick<LedgerReconciliationReport, 'differences'>): {
  customers: number;
  documents: number;
} {
  const documents = report.differences.reduce((count, customer) => count + customer.documents.length, 0);
  return { customers: report.differences.length, documents };
}

/** A column of the differences: its header's key under `cash.reconcile.`, its kind, its width. */
type ColumnSpec = readonly [key: string, kind: CellKind, width: number];

const BANK_COLUMNS: readonly ColumnSpec[] = [
  ['col.date', 'date', 12],
  ['col.explanation', 'text', 40],
  ['col.reference', 'text', 18],
  ['col.customer', 'text', 12],
  ['col.label', 'text', 30],
  ['col.amount', 'money', 16],
];
const LEDGER_COLUMNS: readonly ColumnSpec[] = [
  ['col.customer', 'text', 10],
  ['col.reference', 'text', 24],
  ['col.label', 'text', 28],
  ['col.explanation', 'text', 30],
  ['col.gl', 'money', 16],
  ['col.subLedger', 'money', 16],
  ['difference', 'money', 16],
];

export function bankReconciliationExport(
  report: BankReconciliationReport,
  setting: DocumentSetting,
): ReportExport {
  const { lang } = setting;
  const t = translator(lang);
  const money = (minor: number | null) => formatMoney(lang, minor, report.currency);
  const title = t('cash.reconcile.bank.title');
  // What was compared: the days each account's statements cover, or nothing at all.
  const subtitle = [
    t('cash.reconcile.bank.period', { from: formatDate(lang, report.from), to: formatDate(lang, report.to) }),
    ...(report.coverage.length === 0
      ? [t('cash.reconcile.bank.noStatement')]
      : report.coverage.map((account) =>
          t('cash.reconcile.bank.coverage', {
            account: account.accountKey,
            from: formatDate(lang, account.from),
            to: formatDate(lang, account.to),
          }),
        )),
  ];
  const rows = report.differences.map((line): Cell[] => [
    line.date,
    t(`cashBankDifference.${line.code}`),
    line.documentRef ?? (line.transactionId === null ? '' : `n° ${line.transactionId}`),
    line.customerCode ?? '',
    line.label ?? '',
    line.amountMinor,
  ]);
  const totals = ['', t('cash.reconcile.difference'), '', '', '', report.differenceMinor];
  const head = { title, subtitle, currency: report.currency };
  const table = differencesTable(t, head, BANK_COLUMNS, rows, totals);
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
    blocks.push(...differencesBlocks(t, table));
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
      '',
      t('cashLedgerDifference.customer'),
      customer.glMinor,
      customer.subLedgerMinor,
      customer.differenceMinor,
    ]);
    for (const document of customer.documents)
      rows.push([
        customer.customerCode,
        ledgerReferenceText(lang, report, document.ref),
        report.labels[document.ref] ?? '',
        t(`cashLedgerDifference.${document.code}`),
        document.glMinor,
        document.subLedgerMinor,
        document.differenceMinor,
      ]);
  }
  const totals = ['', '', '', '', report.glMinor, report.subLedgerMinor, report.differenceMinor];
  const head = { title, subtitle, currency: report.currency };
  const table = differencesTable(t, head, LEDGER_COLUMNS, rows, totals);
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
      ...differencesBlocks(t, table, t('cash.reconcile.ledger.differences', ledgerDifferenceCounts(report))),
    ],
  });
  return { table, document };
}

/** The differences as the spreadsheet's table, which the document prints under its key figures. */
function differencesTable(
  t: Translate,
  head: Pick<TabularReport, 'title' | 'subtitle' | 'currency'>,
  columns: readonly ColumnSpec[],
  rows: Cell[][],
  totals: Cell[],
): TabularReport {
  return {
    ...head,
    columns: columns.map(([key, kind, width]) => ({ header: t(`cash.reconcile.${key}`), kind, width })),
    rows,
    totals,
  };
}

/** What closes both documents: the month ties out, or how many differences, then each of them. */
function differencesBlocks(t: Translate, table: TabularReport, heading?: string): Block[] {
  const count = table.rows.length;
  return [
    {
      type: 'heading',
      text:
        count === 0 ? t('cash.reconcile.tiesOut') : (heading ?? t('cash.reconcile.differences', { count })),
    },
    ...(count > 0 ? [{ type: 'table' as const, table, fontSize: 8 }] : []),
  ];
}
