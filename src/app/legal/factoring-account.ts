/**
 * Life of assigned invoices and the current account with the factor. When the customer pays the
 * factor, the invoice is closed as collected: its reserve is released, the interest charged in
 * advance is adjusted to the day, and a payment document (source `factoring`) settles it in our
 * ledger, since the customer no longer owes us. Under recourse, an invoice still unpaid when its
 * delay runs out is charged back: the factor takes back what it bought and the invoice is ours to
 * collect again (its flag and our dunning come back). Each step is one transaction, audited.
 */
import type { Kysely } from 'kysely';
import { type AllocationRecord, availableFrom } from '#core/ledger/ledger';
import { type ClosingKind, closeLine, recourseDate } from '#core/legal/factoring';
import { type AccountSummary, closingMovements, summariseAccount } from '#core/legal/factoring-account';
import { insertLedgerDocument, lockLedgerDocuments } from '#db/cash/cash-writes';
import type { Database } from '#db/infra/schema';
import { insertAllocations } from '#db/ledger/ledger-writes';
import { type BatchRow, selectBatches, selectContracts } from '#db/legal/factoring';
import {
  closeItem,
  type ItemRow,
  insertMovements,
  type MovementRow,
  selectItems,
  selectMovements,
} from '#db/legal/factoring-items';
import { wordedDate } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import { allocationRefusal } from '../cash/allocation-refusal.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requireDate } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';

export const FACTORING_SOURCE = 'factoring';

export interface ClosedItem {
  ref: string;
  batchId: number;
  currency: string;
  closedAs: ClosingKind;
  closedOn: string;
  reserveReleasedMinor: number;
  interestAdjustmentMinor: number;
  chargebackMinor: number;
  /** The payment written to our ledger (collected invoices still open in it). */
  paymentDocumentId: number | null;
}

/** Settles the invoice in our ledger with a payment of what it still has open (up to the amount bought). */
async function settleInLedger(
  ctx: AppContext,
  trx: Kysely<Database>,
  item: ItemRow,
  paid: { date: string; factorName: string },
) {
  const { date } = paid;
  const locked = await lockLedgerDocuments(trx, ctx.companyId, [item.documentId]);
  const invoice = locked.documents[0];
  if (!invoice)
    throw new DomainError('not_found', { key: 'errors.legal.invoiceNotInLedger', params: { ref: item.ref } });
  const amountMinor = Math.min(item.amountMinor, availableFrom(invoice, locked.allocations, date));
  if (amountMinor <= 0) return null;
  const paymentId = await insertLedgerDocument(trx, ctx.companyId, {
    kind: 'payment',
    source: FACTORING_SOURCE,
    externalRef: `FC-${item.batchId}-${item.ref}`,
    customerCode: item.customerCode,
    issueDate: date,
    amountMinor: -amountMinor,
    currency: item.currency,
    label: paid.factorName,
    createdBy: ctx.actor,
  });
  const payment = {
    ...invoice,
    id: paymentId,
    kind: 'payment' as const,
    amountMinor: -amountMinor,
    issueDate: date,
  };
  const records: AllocationRecord[] = locked.allocations;
  const refusal = allocationRefusal(
    invoice,
    { ...payment, dueDate: date },
    amountMinor,
    date,
    records,
    item.ref,
  );
  if (refusal) throw refusal;
  await insertAllocations(trx, ctx.companyId, ctx.actor, [
    {
      debitDocumentId: item.documentId,
      creditDocumentId: paymentId,
      amountMinor,
      allocationDate: date,
      reversesAllocationId: null,
      source: FACTORING_SOURCE,
    },
  ]);
  return paymentId;
}

async function closeOne(
  ctx: AppContext,
  trx: Kysely<Database>,
  item: ItemRow,
  kind: ClosingKind,
  date: string,
): Promise<ClosedItem> {
  const [contract] = await selectContracts(trx, ctx.companyId, { contractId: item.contractId });
  if (!contract) throw new Error(`contract ${item.contractId} of batch ${item.batchId} missing`);
  if (date < item.financingDate)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.financedAfter',
      params: { ref: item.ref, financed: wordedDate(item.financingDate), date: wordedDate(date) },
    });
  const closing = closeLine(contract, item, item.financingDate, kind, date);
  const paymentDocumentId =
    kind === 'collected'
      ? await settleInLedger(ctx, trx, item, { date, factorName: contract.factorName })
      : null;
  await closeItem(trx, ctx.companyId, item, { closedOn: date, closedAs: kind, paymentDocumentId });
  await insertMovements(
    trx,
    ctx.companyId,
    ctx.actor,
    closingMovements(closing, item.ref).map((movement) => ({
      ...movement,
      contractCode: item.contractCode,
      batchId: item.batchId,
      documentId: item.documentId,
      currency: item.currency,
    })),
  );
  return {
    ref: item.ref,
    batchId: item.batchId,
    currency: item.currency,
    closedAs: kind,
    closedOn: date,
    reserveReleasedMinor: closing.reserveReleasedMinor,
    interestAdjustmentMinor: closing.interestAdjustmentMinor,
    chargebackMinor: closing.chargebackMinor,
    paymentDocumentId,
  };
}

/** The factor tells us the customers paid these invoices (its statement, or a notice) on `date`. */
export async function recordFactorCollections(
  ctx: AppContext,
  input: { refs: readonly string[]; date?: string | undefined },
): Promise<ClosedItem[]> {
  const date = requireDate(input.date, 'date') ?? (await defaultAsOf(ctx));
  const refs = [...new Set(input.refs)];
  if (refs.length === 0) throw new DomainError('invalid_input', { key: 'errors.legal.nameCollected' });
  return ctx.db.transaction().execute(async (trx) => {
    const items = await selectItems(trx, ctx.companyId, { refs, open: true, lock: true });
    const missing = refs.filter((ref) => !items.some((item) => item.ref === ref));
    if (missing.length > 0)
      throw new DomainError(
        'invalid_input',
        { key: 'errors.legal.notAssigned', params: { count: missing.length, refs: missing.join(', ') } },
        { missing },
      );
    const closed: ClosedItem[] = [];
    for (const item of items) closed.push(await closeOne(ctx, trx, item, 'collected', date));
    await recordAudit(ctx, trx, {
      action: 'factoring.collect',
      entity: 'factoring_batch',
      entityKey: [...new Set(items.map((item) => item.batchId))].join(','),
      before: null,
      after: { date, invoices: refs },
    });
    return closed;
  });
}

/**
 * Charges back, under recourse, every assigned invoice whose delay ran out by `asOf` and that is
 * still open in our ledger, each on the day its delay ran out.
 */
export async function applyRecourse(ctx: AppContext, input: { asOf?: string | undefined } = {}) {
  const asOf = requireDate(input.asOf, 'asOf') ?? (await defaultAsOf(ctx));
  return ctx.db.transaction().execute(async (trx) => {
    const items = await selectItems(trx, ctx.companyId, { open: true, lock: true });
    const contracts = new Map(
      (await selectContracts(trx, ctx.companyId)).map((contract) => [contract.contractId, contract]),
    );
    const closed: ClosedItem[] = [];
    for (const item of items) {
      const contract = contracts.get(item.contractId);
      const date = contract ? recourseDate(contract, item.dueDate) : null;
      if (date === null || date > asOf) continue;
      const locked = await lockLedgerDocuments(trx, ctx.companyId, [item.documentId]);
      const invoice = locked.documents[0];
      // Paid by the customer in the meantime (our ledger knows it): not the factor's to charge back.
      if (!invoice || availableFrom(invoice, locked.allocations, date) <= 0) continue;
      closed.push(await closeOne(ctx, trx, item, 'charged_back', date));
    }
    if (closed.length > 0)
      await recordAudit(ctx, trx, {
        action: 'factoring.recourse',
        entity: 'factoring_batch',
        entityKey: [...new Set(closed.map((item) => item.batchId))].join(','),
        before: null,
        after: { asOf, invoices: closed.map((item) => item.ref) },
      });
    return { asOf, closed };
  });
}

export interface AccountView extends AccountSummary {
  contractCode: string;
  factorName: string;
  currency: string;
  /** Assigned invoices not yet collected nor charged back at the date (the factor's outstanding). */
  outstandingMinor: number;
  outstandingCount: number;
  movements: MovementRow[];
  batches: BatchRow[];
}

/** The current account with the factor of a contract as of a date: movements, balance, reserve, outstanding. */
export async function getFactoringAccount(
  ctx: AppContext,
  input: { contractCode: string; asOf?: string | undefined },
): Promise<AccountView> {
  const asOf = requireDate(input.asOf, 'asOf') ?? (await defaultAsOf(ctx));
  const [contract] = await selectContracts(ctx.db, ctx.companyId, { code: input.contractCode });
  if (!contract)
    throw new DomainError('not_found', {
      key: 'errors.legal.unknownContract',
      params: { code: input.contractCode },
    });
  const movements = await selectMovements(ctx.db, ctx.companyId, { contractCode: contract.code, to: asOf });
  const batches = (await selectBatches(ctx.db, ctx.companyId, { contractCode: contract.code })).filter(
    (batch) => batch.batchDate <= asOf,
  );
  const items = (await selectItems(ctx.db, ctx.companyId)).filter(
    (item) =>
      item.contractCode === contract.code &&
      batches.some((batch) => batch.batchId === item.batchId) &&
      (item.closedOn === null || item.closedOn > asOf),
  );
  return {
    ...summariseAccount(movements, asOf),
    contractCode: contract.code,
    factorName: contract.factorName,
    currency: contract.currency,
    outstandingMinor: items.reduce((sum, item) => sum + item.amountMinor, 0),
    outstandingCount: items.length,
    movements,
    batches,
  };
}

/** One batch with its invoices and where each stands. */
export async function getFactoringBatch(ctx: AppContext, batchId: number) {
  const [batch] = await selectBatches(ctx.db, ctx.companyId, { batchId });
  if (!batch) throw new DomainError('not_found', { key: 'errors.legal.unknownBatch', params: { batchId } });
  return { ...batch, items: await selectItems(ctx.db, ctx.companyId, { batchId }) };
}
