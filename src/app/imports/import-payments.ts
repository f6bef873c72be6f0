/**
 * Allocation on import: a payment row that names the invoices it settles is matched to them,
 * oldest due date first; a payment that names none stays as unapplied cash. A payment that
 * already carries allocations is left alone, so re-importing the file changes nothing.
 */
import type { Kysely } from 'kysely';
import { isDebitKind, planOldestFirst } from '#core/ledger/ledger';
import type { DocumentKind } from '#core/types';
import { findDocumentsByRefs, lockDocumentsByRefs, type OpenDocumentRow } from '#db/imports/import-checks';
import type { Database } from '#db/infra/schema';
import { insertAllocations, type NewAllocation } from '#db/ledger/ledger-writes';
import { type Problem, problem } from '#importers/problems';
import type { AppContext } from '../context.ts';

export interface PaymentToAllocate {
  line: number;
  source: string;
  externalRef: string;
  customerCode: string;
  issueDate: string;
  invoiceRefs: string[];
}

type ReportProblem = (line: number, column: string | null, value: string | null, found: Problem) => void;

export async function allocateImportedPayments(
  trx: Kysely<Database>,
  ctx: AppContext,
  payments: readonly PaymentToAllocate[],
  report: ReportProblem,
): Promise<{ allocations: number; unappliedPayments: number }> {
  const naming = payments.filter((payment) => payment.invoiceRefs.length > 0);
  // The open amounts below must not change before the allocations are written (another import
  // naming the same invoice): lock first, then read.
  await lockDocumentsByRefs(trx, ctx.companyId, [
    ...new Set(naming.flatMap((p) => [p.externalRef, ...p.invoiceRefs])),
  ]);
  const paymentDocs = await findDocumentsByRefs(trx, ctx.companyId, [
    ...new Set(naming.map((p) => p.externalRef)),
  ]);
  const invoiceDocs = await findDocumentsByRefs(trx, ctx.companyId, [
    ...new Set(naming.flatMap((p) => p.invoiceRefs)),
  ]);
  const debitsByRef = new Map<string, OpenDocumentRow[]>();
  for (const doc of invoiceDocs) {
    if (!isDebitKind(doc.kind as DocumentKind)) continue;
    debitsByRef.set(doc.externalRef, [...(debitsByRef.get(doc.externalRef) ?? []), doc]);
  }
  const openByDebitId = new Map(invoiceDocs.map((doc) => [doc.documentId, doc.openMinor]));
  const planned: NewAllocation[] = [];
  for (const payment of naming) {
    const paymentDoc = paymentDocs.find(
      (doc) => doc.externalRef === payment.externalRef && doc.kind === 'payment',
    );
    if (!paymentDoc || paymentDoc.allocationCount > 0) continue;
    const debits = resolveInvoices(payment, debitsByRef, report);
    const plan = planOldestFirst(
      paymentDoc.openMinor,
      debits.map((doc) => ({
        id: doc.documentId,
        dueDate: doc.dueDate,
        issueDate: doc.issueDate,
        openMinor: openByDebitId.get(doc.documentId) ?? 0,
      })),
    );
    for (const step of plan) {
      openByDebitId.set(step.debitId, (openByDebitId.get(step.debitId) ?? 0) - step.amountMinor);
      planned.push({
        debitDocumentId: step.debitId,
        creditDocumentId: paymentDoc.documentId,
        amountMinor: step.amountMinor,
        allocationDate: payment.issueDate,
        reversesAllocationId: null,
        source: 'import',
      });
    }
  }
  await insertAllocations(trx, ctx.companyId, ctx.actor, planned);
  return { allocations: planned.length, unappliedPayments: payments.length - naming.length };
}

function resolveInvoices(
  payment: PaymentToAllocate,
  debitsByRef: Map<string, OpenDocumentRow[]>,
  report: ReportProblem,
): OpenDocumentRow[] {
  const resolved: OpenDocumentRow[] = [];
  for (const ref of payment.invoiceRefs) {
    const candidates = (debitsByRef.get(ref) ?? []).filter(
      (doc) => doc.customerCode === payment.customerCode,
    );
    const invoice = candidates[0];
    const fail = (found: Problem) => report(payment.line, 'invoiceRefs', ref, found);
    if (!invoice) {
      const elsewhere = (debitsByRef.get(ref) ?? []).length > 0;
      fail(problem(elsewhere ? 'invoice_of_other_customer' : 'unknown_invoice', { invoiceRef: ref }));
    } else if (candidates.length > 1) {
      fail(problem('ambiguous_invoice_reference', { invoiceRef: ref }));
    } else if (invoice.issueDate > payment.issueDate) {
      fail(problem('invoice_after_payment', { invoiceDate: invoice.issueDate }));
    } else {
      resolved.push(invoice);
    }
  }
  return resolved;
}
