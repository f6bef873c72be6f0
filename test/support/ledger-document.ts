/** Documents in euros for the integration tests' small ledgers, written one a line. */
import type { LedgerDocument } from '#core/types';

export const ledgerDocument = (
  kind: LedgerDocument['kind'],
  externalRef: string,
  customerCode: string,
  issueDate: string,
  dueDate: string,
  amountMinor: number,
  source = 't',
): LedgerDocument => ({
  kind,
  source,
  externalRef,
  customerCode,
  issueDate,
  dueDate,
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

/** A document of customer C1, the one customer of most of those ledgers. */
export const c1Document = (
  kind: LedgerDocument['kind'],
  externalRef: string,
  issueDate: string,
  dueDate: string,
  amountMinor: number,
): LedgerDocument => ledgerDocument(kind, externalRef, 'C1', issueDate, dueDate, amountMinor);
