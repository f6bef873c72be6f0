/** Printing of the factoring commands: every word from the catalogue, amounts in the contract's currency. */
import type { BatchView, ContractRow } from '#app/legal/factoring';
import type { AccountView, ClosedItem } from '#app/legal/factoring-account';
import type { ReconciliationView } from '#app/legal/factoring-reconcile';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatPercentBps } from '#text/format';
import { money } from './output.ts';

export function contractLine(lang: Lang, c: ContractRow): string {
  const t = translator(lang);
  const pct = (bps: number) => formatPercentBps(lang, bps);
  return t('factoring.cli.contract', {
    code: c.code,
    version: c.version,
    factor: c.factorName,
    recourse: t('factoring.recourse', { recourse: c.withRecourse ? 'yes' : 'no', days: c.recourseDays }),
    advance: pct(c.advanceRateBps),
    reserve: pct(c.reserveRateBps),
    commission: pct(c.commissionBps),
    minCommission: money(c.minCommissionMinor, c.currency, lang),
    financing: pct(c.financingRateBps),
    basis: c.dayCountBasis,
    delay: c.collectionDelayDays,
    feeInvoice: money(c.feePerInvoiceMinor, c.currency, lang),
    feeBatch: money(c.feePerBatchMinor, c.currency, lang),
    vat: pct(c.feesVatRateBps),
    from: formatDate(lang, c.effectiveFrom),
    collects: c.factorCollects ? 'yes' : 'no',
  });
}

export function batchLines(lang: Lang, b: BatchView): string[] {
  const t = translator(lang);
  const eur = (minor: number) => money(minor, b.currency, lang);
  return [
    t('factoring.cli.batch', {
      batch: b.batchId === null ? 'none' : String(b.batchId),
      factor: b.factorName,
      contract: b.contractCode,
      version: b.contractVersion,
      date: formatDate(lang, b.batchDate),
      financingDate: formatDate(lang, b.financingDate),
      count: b.invoiceCount,
    }),
    ...b.lines.map((l) =>
      t('factoring.cli.line', {
        ref: l.ref,
        customer: l.customerCode,
        due: formatDate(lang, l.dueDate),
        amount: eur(l.amountMinor),
        reserve: eur(l.reserveMinor),
        advance: eur(l.advanceMinor),
        commission: eur(l.commissionMinor),
        interest: eur(l.interestMinor),
        days: l.interestDays,
      }),
    ),
    t('factoring.cli.totals', {
      gross: eur(b.grossMinor),
      reserve: eur(b.reserveMinor),
      advance: eur(b.advanceMinor),
      commission: eur(b.commissionMinor),
      fees: eur(b.feesMinor),
      vat: eur(b.feesVatMinor),
      interest: eur(b.interestMinor),
      net: eur(b.netFundsMinor),
    }),
    ...b.excluded.map((e) =>
      t('factoring.cli.excluded', { ref: e.ref, reason: t('factoring.exclusion', { reason: e.reason }) }),
    ),
  ];
}

export function closedLines(lang: Lang, items: readonly ClosedItem[]): string[] {
  const t = translator(lang);
  if (items.length === 0) return [t('factoring.cli.noneClosed')];
  return items.map((item) =>
    t('factoring.cli.closed', {
      ref: item.ref,
      closedAs: t('factoring.closedAs', { closedAs: item.closedAs }),
      date: formatDate(lang, item.closedOn),
      reserve: money(item.reserveReleasedMinor, item.currency, lang),
      adjustment: money(item.interestAdjustmentMinor, item.currency, lang),
      chargeback: item.chargebackMinor === 0 ? 'none' : money(item.chargebackMinor, item.currency, lang),
    }),
  );
}

const sideOf = (balanceMinor: number) => (balanceMinor > 0 ? 'ours' : balanceMinor < 0 ? 'theirs' : 'none');

export function accountLines(lang: Lang, a: AccountView): string[] {
  const t = translator(lang);
  const eur = (minor: number) => money(minor, a.currency, lang);
  return [
    t('factoring.cli.account', {
      factor: a.factorName,
      contract: a.contractCode,
      asOf: formatDate(lang, a.asOf),
      balance: eur(Math.abs(a.balanceMinor)),
      side: t('factoring.side', { side: sideOf(a.balanceMinor) }),
      reserve: eur(a.reserveFundMinor),
      outstanding: eur(a.outstandingMinor),
      count: a.outstandingCount,
    }),
    ...a.movements.map((m) =>
      t('factoring.cli.movement', {
        date: formatDate(lang, m.date),
        kind: t('factoring.movement', { kind: m.kind }),
        reference: m.reference,
        amount: eur(m.amountMinor),
      }),
    ),
  ];
}

export function reconciliationLines(lang: Lang, r: ReconciliationView): string[] {
  const t = translator(lang);
  const eur = (minor: number) => money(minor, r.currency, lang);
  return [
    t('factoring.cli.reconcile', {
      factor: r.factorName,
      from: formatDate(lang, r.from),
      to: formatDate(lang, r.to),
      matched: r.matched.length,
      ours: r.onlyOurs.length,
      theirs: r.onlyTheirs.length,
      difference: eur(r.differenceMinor),
    }),
    ...r.onlyOurs.map((m) =>
      t('factoring.cli.onlyOurs', {
        date: formatDate(lang, m.date),
        kind: t('factoring.movement', { kind: m.kind }),
        reference: m.reference,
        amount: eur(m.amountMinor),
      }),
    ),
    ...r.onlyTheirs.map((l) =>
      t('factoring.cli.onlyTheirs', {
        line: l.line,
        date: formatDate(lang, l.date),
        label: l.label,
        amount: eur(l.amountMinor),
      }),
    ),
  ];
}
