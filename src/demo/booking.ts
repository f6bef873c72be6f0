/**
 * Books the simulated history as ledger documents and allocations (lettrage): credit notes matched
 * to their invoice, payments matched to what they pay, bounced cheques (the original matching is
 * reversed and the payment matched to the bounce instead), bank charges written off, unapplied cash.
 */
import { addDays } from '../core/calendar.ts';
import type { Allocation, IsoDate, LedgerDocument } from '../core/types.ts';
import type { CreditNoteDraft } from './credit-notes.ts';
import type { AllocationReversal, PaymentMethod } from './demo-types.ts';
import { numberByYear } from './invoicing.ts';
import { createRng, type Rng } from './random.ts';
import {
  type ChargesWriteOff,
  type PaymentGroup,
  planAllPayments,
  type SettlementInput,
} from './settlement.ts';

export interface BounceRecord {
  customerCode: string;
  paymentRef: string;
  bounceRef: string;
  invoiceRefs: string[];
  paymentDate: IsoDate;
  bounceDate: IsoDate;
  amountMinor: number;
  regularised: boolean;
}

export interface SettlementResult {
  documents: LedgerDocument[];
  allocations: Allocation[];
  reversals: AllocationReversal[];
  bounces: BounceRecord[];
  unappliedPayments: { customerCode: string; paymentRef: string; issueDate: IsoDate; amountMinor: number }[];
}

const SOURCE = 'demo';
const CURRENCY = 'EUR';

function creditDocument(
  kind: LedgerDocument['kind'],
  externalRef: string,
  customerCode: string,
  issueDate: IsoDate,
  amountMinor: number,
  label: string,
  valueDate: IsoDate | null = null,
): LedgerDocument {
  // Credits are negative and usable from their issue date.
  return {
    kind,
    source: SOURCE,
    externalRef,
    customerCode,
    issueDate,
    dueDate: issueDate,
    valueDate,
    amountMinor: -amountMinor,
    currency: CURRENCY,
    label,
  };
}

function paymentLabel(method: PaymentMethod, group: PaymentGroup, rng: Rng): string {
  const refs = group.parts.map((part) => part.invoiceRef).join(' ');
  switch (method) {
    case 'cheque':
      return `Chèque n° ${rng.int(1_000_000, 9_999_999)}`;
    case 'lcr':
      return `LCR à échéance — ${refs}`;
    case 'public_mandate':
      return `Mandat administratif — virement DGFiP — ${refs}`;
    case 'swift':
      return `International transfer (SWIFT) — ${refs}`;
    default:
      if (group.unapplied) return 'Virement reçu sans référence de facture';
      return group.isRegularisation
        ? `Virement — régularisation chèque impayé — ${refs}`
        : `Virement reçu — ${refs}`;
  }
}

function bookCreditNotes(creditNotes: readonly CreditNoteDraft[], result: SettlementResult): void {
  for (const creditNote of creditNotes) {
    result.documents.push(
      creditDocument(
        'credit_note',
        creditNote.ref,
        creditNote.customerCode,
        creditNote.issueDate,
        creditNote.amountMinor,
        `Avoir — ${creditNote.reason}`,
      ),
    );
    result.allocations.push({
      debitRef: creditNote.invoiceRef,
      creditRef: creditNote.ref,
      amountMinor: creditNote.amountMinor,
      allocationDate: creditNote.issueDate,
    });
  }
}

function bookPayments(
  groups: readonly (PaymentGroup & { ref: string })[],
  rng: Rng,
  result: SettlementResult,
): void {
  for (const group of groups) {
    const totalMinor = group.parts.reduce((sum, part) => sum + part.amountMinor, 0);
    // Cheques reach the bank account a day or two after they are recorded.
    const valueDate = group.method === 'cheque' ? addDays(group.issueDate, rng.int(1, 2)) : group.issueDate;
    const label = paymentLabel(group.method, group, rng);
    result.documents.push(
      creditDocument('payment', group.ref, group.customerCode, group.issueDate, totalMinor, label, valueDate),
    );
    if (group.unapplied) {
      result.unappliedPayments.push({
        customerCode: group.customerCode,
        paymentRef: group.ref,
        issueDate: group.issueDate,
        amountMinor: totalMinor,
      });
      continue;
    }
    for (const part of group.parts) {
      result.allocations.push({
        debitRef: part.invoiceRef,
        creditRef: group.ref,
        amountMinor: part.amountMinor,
        allocationDate: group.issueDate,
      });
    }
  }
}

function bookBounces(groups: readonly (PaymentGroup & { ref: string })[], result: SettlementResult): void {
  const bounced = groups
    .filter((group) => group.bounceDate !== null)
    .map((group) => ({ group, issueDate: group.bounceDate as IsoDate, customerCode: group.customerCode }));
  const numbered = numberByYear(bounced, 'IMP', 4, (a, b) => (a.group.ref < b.group.ref ? -1 : 1));
  const replacedInvoices = new Set(
    groups
      .filter((group) => group.isRegularisation)
      .flatMap((group) => group.parts.map((part) => `${group.customerCode}|${part.invoiceRef}`)),
  );
  for (const { group, issueDate, ref } of numbered) {
    const totalMinor = group.parts.reduce((sum, part) => sum + part.amountMinor, 0);
    result.documents.push({
      kind: 'bounced_payment',
      source: SOURCE,
      externalRef: ref,
      customerCode: group.customerCode,
      issueDate,
      dueDate: issueDate,
      valueDate: issueDate,
      amountMinor: totalMinor,
      currency: CURRENCY,
      label: `Impayé — chèque retourné par la banque (provision insuffisante), paiement ${group.ref}`,
    });
    // Undo the matching of the bounced cheque, then match the cheque with the bounce itself.
    for (const part of group.parts) {
      result.reversals.push({
        debitRef: part.invoiceRef,
        creditRef: group.ref,
        amountMinor: part.amountMinor,
        allocationDate: issueDate,
      });
    }
    result.allocations.push({
      debitRef: ref,
      creditRef: group.ref,
      amountMinor: totalMinor,
      allocationDate: issueDate,
    });
    const invoiceRefs = group.parts.map((part) => part.invoiceRef);
    result.bounces.push({
      customerCode: group.customerCode,
      paymentRef: group.ref,
      bounceRef: ref,
      invoiceRefs,
      paymentDate: group.issueDate,
      bounceDate: issueDate,
      amountMinor: totalMinor,
      regularised: invoiceRefs.every((invoiceRef) =>
        replacedInvoices.has(`${group.customerCode}|${invoiceRef}`),
      ),
    });
  }
}

function bookWriteOffs(writeOffs: readonly ChargesWriteOff[], result: SettlementResult): void {
  const numbered = numberByYear(writeOffs, 'PP', 4, (a, b) => (a.invoiceRef < b.invoiceRef ? -1 : 1));
  for (const writeOff of numbered) {
    const label = `Frais bancaires déduits par le client sur ${writeOff.invoiceRef} — passage en perte`;
    result.documents.push(
      creditDocument(
        'write_off',
        writeOff.ref,
        writeOff.customerCode,
        writeOff.issueDate,
        writeOff.amountMinor,
        label,
      ),
    );
    result.allocations.push({
      debitRef: writeOff.invoiceRef,
      creditRef: writeOff.ref,
      amountMinor: writeOff.amountMinor,
      allocationDate: writeOff.issueDate,
    });
  }
}

export function settle(input: SettlementInput): SettlementResult {
  const { groups, writeOffs } = planAllPayments(input);
  const numberedGroups = numberByYear(groups, 'RG', 6, (a, b) =>
    a.customerCode < b.customerCode
      ? -1
      : a.customerCode > b.customerCode
        ? 1
        : a.isRegularisation === b.isRegularisation
          ? 0
          : a.isRegularisation
            ? 1
            : -1,
  );
  const result: SettlementResult = {
    documents: [],
    allocations: [],
    reversals: [],
    bounces: [],
    unappliedPayments: [],
  };
  bookCreditNotes(input.creditNotes, result);
  bookPayments(numberedGroups, createRng(input.seed, 'payment-labels'), result);
  bookBounces(numberedGroups, result);
  bookWriteOffs(writeOffs, result);
  return result;
}
