/**
 * Internal-audit signals (fraud and embezzlement): pure detection over plain facts read from the
 * ledger (`facts.ts`) — who created which credit note, write-off, customer, refund, order or limit, who applied
 * which payment, which payer usually pays for which customer. A signal is not a finding: it says
 * what an auditor should look at, with its evidence (documents, users, dates, amounts) as codes
 * and figures; the catalogue words it.
 */
import { daysBetween } from '../calendar.ts';
import type { CurrencyCode, ImportOrigin, IsoDate } from '../types.ts';
import type {
  AuditFacts,
  BankDetailChange,
  CreditFact,
  CustomerCreation,
  DutyFact,
  PaymentApplication,
  ReceiptApplication,
  RefundFact,
} from './facts.ts';

export const SIGNAL_KINDS = [
  'large_credit_note',
  'large_write_off',
  'credit_cluster',
  'payment_by_customer_creator',
  'bank_change_before_refund',
  'sod_order',
  'sod_limit',
  'receipt_to_other_customer',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface AuditSignalThresholds {
  /** A credit note above this (absolute amount) is a signal. */
  creditNoteMinor: number;
  writeOffMinor: number;
  /** This many credit notes / write-offs by one user within the window make a cluster. */
  clusterCount: number;
  clusterWindowDays: number;
  /** A refund this many days or fewer after the customer's bank details changed. */
  bankChangeDays: number;
  /** A payer is "usual" for a customer after this many confirmed receipts. */
  usualPayerConfirmations: number;
}

export const DEFAULT_THRESHOLDS: AuditSignalThresholds = {
  creditNoteMinor: 500_000,
  writeOffMinor: 100_000,
  clusterCount: 3,
  clusterWindowDays: 30,
  bankChangeDays: 30,
  usualPayerConfirmations: 2,
};

export interface AuditSignal {
  kind: SignalKind;
  date: IsoDate;
  users: string[];
  customerCodes: string[];
  documents: string[];
  amountMinor: number;
  currency: CurrencyCode;
  evidence: Record<string, number | string>;
  /** A large credit that came with an import (a file, the demo load): worded as imported, not as entered. */
  importOrigin?: ImportOrigin | null;
}

/** Credit notes and write-offs above their thresholds. */
export function largeCredits(credits: readonly CreditFact[], t: AuditSignalThresholds): AuditSignal[] {
  return credits
    .filter((c) => c.amountMinor > (c.kind === 'credit_note' ? t.creditNoteMinor : t.writeOffMinor))
    .map((c) => ({
      kind: c.kind === 'credit_note' ? 'large_credit_note' : 'large_write_off',
      date: c.issueDate,
      users: c.createdBy ? [c.createdBy] : [],
      customerCodes: [c.customerCode],
      documents: [c.documentRef],
      amountMinor: c.amountMinor,
      currency: c.currency,
      evidence: {
        thresholdMinor: c.kind === 'credit_note' ? t.creditNoteMinor : t.writeOffMinor,
      },
      ...(c.importOrigin ? { importOrigin: c.importOrigin } : {}),
    }));
}

/**
 * Clusters of credits by one user: the first window of `clusterWindowDays` holding at least
 * `clusterCount` of them; the next cluster starts after it, so one burst is one signal.
 */
export function creditClusters(credits: readonly CreditFact[], t: AuditSignalThresholds): AuditSignal[] {
  const byUser = new Map<string, CreditFact[]>();
  for (const credit of credits) {
    if (!credit.createdBy) continue;
    byUser.set(credit.createdBy, [...(byUser.get(credit.createdBy) ?? []), credit]);
  }
  const signals: AuditSignal[] = [];
  for (const [user, list] of [...byUser].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a.issueDate.localeCompare(b.issueDate));
    let start = 0;
    while (start < sorted.length) {
      const first = sorted[start]!;
      let end = start;
      while (
        end + 1 < sorted.length &&
        daysBetween(first.issueDate, sorted[end + 1]!.issueDate) < t.clusterWindowDays
      )
        end += 1;
      const window = sorted.slice(start, end + 1);
      if (window.length >= t.clusterCount) {
        signals.push(clusterSignal(user, window, t));
        start = end + 1;
      } else start += 1;
    }
  }
  return signals;
}

function clusterSignal(user: string, window: CreditFact[], t: AuditSignalThresholds): AuditSignal {
  const first = window[0]!;
  const last = window[window.length - 1]!;
  return {
    kind: 'credit_cluster',
    date: last.issueDate,
    users: [user],
    customerCodes: [...new Set(window.map((c) => c.customerCode))].sort(),
    documents: window.map((c) => c.documentRef),
    amountMinor: window.reduce((sum, c) => sum + c.amountMinor, 0),
    currency: first.currency,
    evidence: {
      count: window.length,
      from: first.issueDate,
      to: last.issueDate,
      windowDays: t.clusterWindowDays,
    },
  };
}

/** A payment applied to a customer's invoice by the user who created that customer. */
export function paymentsByCreator(
  creations: readonly CustomerCreation[],
  applications: readonly PaymentApplication[],
): AuditSignal[] {
  const creatorOf = new Map(creations.map((c) => [c.customerCode, c]));
  return applications.flatMap((application) => {
    const creation = creatorOf.get(application.customerCode);
    if (!creation || creation.createdBy !== application.appliedBy) return [];
    return [
      {
        kind: 'payment_by_customer_creator' as const,
        date: application.appliedOn,
        users: [application.appliedBy],
        customerCodes: [application.customerCode],
        documents: [application.paymentRef, application.invoiceRef],
        amountMinor: application.amountMinor,
        currency: application.currency,
        evidence: { customerCreatedOn: creation.createdOn },
      },
    ];
  });
}

/** A refund issued within `bankChangeDays` after the customer's bank details changed. */
export function refundsAfterBankChange(
  changes: readonly BankDetailChange[],
  refunds: readonly RefundFact[],
  t: AuditSignalThresholds,
): AuditSignal[] {
  return refunds.flatMap((refund) => {
    const change = changes
      .filter((c) => c.customerCode === refund.customerCode)
      .map((c) => ({ ...c, days: daysBetween(c.changedOn, refund.issueDate) }))
      .filter((c) => c.days >= 0 && c.days <= t.bankChangeDays)
      .sort((a, b) => a.days - b.days)[0];
    if (!change) return [];
    const users = [...new Set([change.changedBy, ...(refund.createdBy ? [refund.createdBy] : [])])];
    return [
      {
        kind: 'bank_change_before_refund' as const,
        date: refund.issueDate,
        users,
        customerCodes: [refund.customerCode],
        documents: [refund.documentRef],
        amountMinor: refund.amountMinor,
        currency: refund.currency,
        evidence: { changedOn: change.changedOn, changedBy: change.changedBy, days: change.days },
      },
    ];
  });
}

/** The same person created and approved (or released) an order or a limit. */
export function dutyBreaches(duties: readonly DutyFact[]): AuditSignal[] {
  return duties
    .filter((d) => d.decidedBy !== null && d.decidedBy === d.createdBy)
    .map((d) => ({
      kind: d.kind === 'order' ? ('sod_order' as const) : ('sod_limit' as const),
      date: d.date,
      users: [d.createdBy],
      customerCodes: [d.customerCode],
      documents: [d.ref],
      amountMinor: d.amountMinor,
      currency: d.currency,
      evidence: { createdBy: d.createdBy, decidedBy: d.decidedBy ?? '' },
    }));
}

/** A receipt applied to another customer than the one its payer usually pays for. */
export function receiptsToOtherCustomer(
  receipts: readonly ReceiptApplication[],
  t: AuditSignalThresholds,
): AuditSignal[] {
  return receipts.flatMap((receipt) => {
    const usual = [...receipt.payerHistory]
      .filter((h) => h.confirmations >= t.usualPayerConfirmations)
      .sort((a, b) => b.confirmations - a.confirmations || a.customerCode.localeCompare(b.customerCode))[0];
    if (
      !usual ||
      receipt.payerHistory.some(
        (h) => h.customerCode === receipt.customerCode && h.confirmations >= t.usualPayerConfirmations,
      )
    )
      return [];
    return [
      {
        kind: 'receipt_to_other_customer' as const,
        date: receipt.bookingDate,
        users: [receipt.appliedBy],
        customerCodes: [receipt.customerCode, usual.customerCode],
        documents: [receipt.transactionRef],
        amountMinor: receipt.amountMinor,
        currency: receipt.currency,
        evidence: {
          payer: receipt.payer,
          usualCustomerCode: usual.customerCode,
          usualConfirmations: usual.confirmations,
        },
      },
    ];
  });
}

/** Every signal of the facts, most recent first. */
export function detectAuditSignals(facts: AuditFacts, thresholds: AuditSignalThresholds): AuditSignal[] {
  const signals = [
    ...largeCredits(facts.credits, thresholds),
    ...creditClusters(facts.credits, thresholds),
    ...paymentsByCreator(facts.customerCreations, facts.paymentApplications),
    ...refundsAfterBankChange(facts.bankDetailChanges, facts.refunds, thresholds),
    ...dutyBreaches(facts.duties),
    ...receiptsToOtherCustomer(facts.receipts, thresholds),
  ];
  return signals.sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      a.kind.localeCompare(b.kind) ||
      (a.documents[0] ?? '').localeCompare(b.documents[0] ?? ''),
  );
}

/** Thresholds are natural numbers; a count or window below 1 would flag everything. */
export function validateThresholds(t: AuditSignalThresholds): string[] {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(t)) {
    if (!Number.isSafeInteger(value) || value < 0) problems.push(field);
  }
  if (t.clusterCount < 2) problems.push('clusterCount');
  if (t.clusterWindowDays < 1) problems.push('clusterWindowDays');
  return [...new Set(problems)];
}
