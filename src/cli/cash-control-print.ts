/** What `encours cash unapplied` and `encours cash reconcile` print, worded by the catalogue. */

import type { reconcileBankToLedger, reconcileLedgerToSubLedger } from '#app/cash/reconcile';
import { ledgerDifferenceCounts, ledgerReferenceText } from '#app/cash/reconcile-export';
import type { listUnappliedCash } from '#app/cash/unapplied';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';

const write = (text: string) => process.stdout.write(`${text}\n`);

export function printUnappliedLines(lang: Lang, report: Awaited<ReturnType<typeof listUnappliedCash>>): void {
  const t = translator(lang);
  write(t('cash.unapplied.receipts', { count: report.receipts.total }));
  for (const item of report.receipts.items) {
    const lead = item.suggestions[0];
    write(
      t('cash.unapplied.receipt', {
        id: item.transactionId,
        date: formatDate(lang, item.bookingDate),
        amount: formatMoney(lang, item.amountMinor, item.currency),
        payer: item.counterpartyName ?? item.label ?? '',
        days: item.ageDays,
        hasLead: lead ? 'yes' : 'no',
        customer: lead ? `${lead.customerCode} ${lead.customerName}` : '',
        confidence: lead?.confidence ?? 0,
      }),
    );
  }
  write(t('cash.unapplied.credits', { count: report.credits.total }));
  for (const item of report.credits.items)
    write(
      t('cash.unapplied.credit', {
        date: formatDate(lang, item.issueDate),
        customer: `${item.customerCode} ${item.customerName}`,
        kind: label(lang, 'documentKind', item.kind),
        ref: item.ref,
        amount: formatMoney(lang, item.unappliedMinor, item.currency),
        days: item.ageDays,
        debitCount: item.openDebitCount,
        debits: formatMoney(lang, item.openDebitsMinor, item.currency),
      }),
    );
}

export function printReconciliation(
  lang: Lang,
  report: Awaited<ReturnType<typeof reconcileBankToLedger | typeof reconcileLedgerToSubLedger>>,
): void {
  const t = translator(lang);
  const money = (minor: number) => formatMoney(lang, minor, report.currency);
  if ('from' in report) {
    write(t('cash.reconcile.bank.title'));
    write(
      t('cash.reconcile.bank.period', {
        from: formatDate(lang, report.from),
        to: formatDate(lang, report.to),
      }),
    );
    // Only the days the statements cover are compared (none: nothing is, and the CLI says so).
    if (report.coverage.length === 0) write(t('cash.reconcile.bank.noStatement'));
    for (const account of report.coverage)
      write(
        t('cash.reconcile.bank.coverage', {
          account: account.accountKey,
          from: formatDate(lang, account.from),
          to: formatDate(lang, account.to),
        }),
      );
    write(
      t('cash.reconcile.figure', {
        label: t('cash.reconcile.bank.bankReceipts'),
        value: money(report.bankReceiptsMinor),
      }),
    );
    write(
      t('cash.reconcile.figure', {
        label: t('cash.reconcile.bank.bankReturns'),
        value: money(report.bankReturnsMinor),
      }),
    );
    write(
      t('cash.reconcile.figure', {
        label: t('cash.reconcile.bank.ledgerPayments'),
        value: money(report.ledgerPaymentsMinor),
      }),
    );
    write(
      t('cash.reconcile.figure', {
        label: t('cash.reconcile.bank.ledgerBounces'),
        value: money(report.ledgerBouncesMinor),
      }),
    );
    write(
      t('cash.reconcile.figure', {
        label: t('cash.reconcile.difference'),
        value: money(report.differenceMinor),
      }),
    );
    for (const line of report.differences)
      write(
        `  ${formatDate(lang, line.date)} ${t(`cashBankDifference.${line.code}`)} ${line.documentRef ?? (line.transactionId ? `n° ${line.transactionId}` : '')} ${line.label ?? ''} ${money(line.amountMinor)}`,
      );
    return;
  }
  write(t('cash.reconcile.ledger.title'));
  write(
    t('cash.reconcile.ledger.subtitle', {
      date: formatDate(lang, report.asOf),
      accounts: report.accounts.join(', '),
      file: report.file,
    }),
  );
  write(t('cash.reconcile.figure', { label: t('cash.reconcile.ledger.gl'), value: money(report.glMinor) }));
  write(
    t('cash.reconcile.figure', {
      label: t('cash.reconcile.ledger.subLedger'),
      value: money(report.subLedgerMinor),
    }),
  );
  write(
    t('cash.reconcile.figure', {
      label: t('cash.reconcile.difference'),
      value: money(report.differenceMinor),
    }),
  );
  if (report.differences.length === 0) write(t('cash.reconcile.tiesOut'));
  else write(t('cash.reconcile.ledger.differences', ledgerDifferenceCounts(report)));
  for (const customer of report.differences) {
    write(
      t('cash.reconcile.ledger.customer', {
        customer: customer.customerCode,
        gl: money(customer.glMinor),
        subLedger: money(customer.subLedgerMinor),
        difference: money(customer.differenceMinor),
      }),
    );
    for (const document of customer.documents)
      write(
        t('cash.reconcile.ledger.document', {
          ref: ledgerReferenceText(lang, report, document.ref),
          label: report.labels[document.ref] ?? '',
          explanation: t(`cashLedgerDifference.${document.code}`),
          difference: money(document.differenceMinor),
        }),
      );
  }
}
