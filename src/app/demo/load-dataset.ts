/**
 * Loads a complete data set (the demo company, or a scale data set for benchmarks) in one
 * transaction: customers, documents, allocations by reference, reversals, orders, events
 * and users.
 */
import type { Allocation, Customer, CustomerEvent, IsoDate, LedgerDocument, Order, Role } from '#core/types';
import { insertUser } from '#db/auth/auth-queries';
import { type CompanyIdentity, companyExists } from '#db/companies/company-queries';
import { CUSTOMER_UPSERT, DOCUMENT_UPSERT, ORDER_UPSERT } from '#db/imports/entity-columns';
import { stageRows, upsertStaged } from '#db/imports/upsert';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import {
  deleteCompanyData,
  documentIdsByRef,
  insertAllocations,
  insertEvents,
  type NewAllocation,
} from '#db/ledger/ledger-writes';
import { movementsInOrder } from '#demo/index';
import { hashPassword } from '../auth/passwords.ts';
import { ensureCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export interface LedgerDataset {
  company: {
    code: string;
    name: string;
    currency: string;
    asOf?: IsoDate | null;
    identity?: Partial<CompanyIdentity> | undefined;
  };
  customers: readonly Customer[];
  documents: readonly LedgerDocument[];
  allocations: readonly Allocation[];
  reversals?: readonly Allocation[];
  orders: readonly Order[];
  events: readonly CustomerEvent[];
  users?: readonly { email: string; name: string; role: Role; salesperson: string | null }[];
}

export interface LoadSummary {
  companyId: string;
  customers: number;
  documents: number;
  allocations: number;
  orders: number;
  events: number;
  users: number;
}

/** Password of every demo user; printed in the README, never used outside the demo company. */
export const DEMO_PASSWORD = 'encours-demo';

export async function loadDataset(
  ctx: Omit<AppContext, 'companyId'>,
  dataset: LedgerDataset,
  options: { replace?: boolean } = {},
): Promise<LoadSummary> {
  const companyId = dataset.company.code;
  const passwordHash = dataset.users?.length ? await hashPassword(DEMO_PASSWORD) : null;
  const summary = await ctx.db.transaction().execute(async (trx) => {
    const existing = await companyExists(trx, companyId);
    if (existing && !options.replace)
      throw new DomainError('conflict', { key: 'errors.company.exists', params: { company: companyId } });
    if (existing) await deleteCompanyData(trx, companyId);
    await ensureCompany(
      { db: trx },
      {
        companyId,
        name: dataset.company.name,
        currency: dataset.company.currency,
        referenceDate: dataset.company.asOf ?? null,
        identity: dataset.company.identity,
      },
    );
    const withLine = <T>(rows: readonly T[]) => rows.map((row, index) => ({ ...row, line: index + 1 }));
    await stageRows(trx, 'stage_customers', withLine(dataset.customers), CUSTOMER_UPSERT.columns);
    await upsertStaged(trx, companyId, ctx.actor, 'stage_customers', CUSTOMER_UPSERT);
    await stageRows(trx, 'stage_documents', withLine(dataset.documents), DOCUMENT_UPSERT.columns);
    await upsertStaged(trx, companyId, ctx.actor, 'stage_documents', DOCUMENT_UPSERT);
    await stageRows(trx, 'stage_orders', withLine(dataset.orders), ORDER_UPSERT.columns);
    await upsertStaged(trx, companyId, ctx.actor, 'stage_orders', ORDER_UPSERT);
    const allocationCount = await loadAllocations(trx, companyId, ctx.actor, dataset);
    await insertEvents(trx, companyId, ctx.actor, dataset.events);
    for (const user of dataset.users ?? []) {
      await insertUser(trx, { companyId, ...user, passwordHash });
    }
    return {
      companyId,
      customers: dataset.customers.length,
      documents: dataset.documents.length,
      allocations: allocationCount,
      orders: dataset.orders.length,
      events: dataset.events.length,
      users: dataset.users?.length ?? 0,
    };
  });
  // A bulk load changes the tables' shape entirely: the planner must know it.
  await refreshPlannerStatistics(ctx.db);
  return summary;
}

/**
 * Allocations and reversals in statements of one kind, in an order the open-item triggers accept:
 * a document settled, freed by a reversal and settled again must see the reversal's statement
 * between the two allocations', or the second one lands on a settled document and is lost.
 *
 * Each movement goes into the earliest layer after every movement of the other kind that touched
 * one of its documents before it in the ledger's order (the generator's `movementsInOrder`);
 * even layers hold allocations, odd layers reversals. A few layers instead of one statement per
 * run of one kind: at 100,000 customers the ledger's order alternates thousands of times, and each
 * trigger firing keeps a lock on its dropped work table until the load's one transaction ends,
 * which filled the server's lock table ("out of shared memory").
 */
function movementLayers(dataset: LedgerDataset): { isReversal: boolean; movements: Allocation[] }[] {
  const layers: Allocation[][] = [];
  const lastLayerOf = new Map<string, number>();
  const ordered = movementsInOrder({ allocations: dataset.allocations, reversals: dataset.reversals ?? [] });
  for (const { pair, isReversal } of ordered) {
    const floor = Math.max(lastLayerOf.get(pair.debitRef) ?? 0, lastLayerOf.get(pair.creditRef) ?? 0);
    const layer = (floor % 2 === 1) === isReversal ? floor : floor + 1;
    while (layers.length <= layer) layers.push([]);
    layers[layer]?.push(pair);
    lastLayerOf.set(pair.debitRef, layer);
    lastLayerOf.set(pair.creditRef, layer);
  }
  return layers.map((movements, layer) => ({ isReversal: layer % 2 === 1, movements }));
}

async function loadAllocations(
  trx: AppContext['db'],
  companyId: string,
  actor: string,
  dataset: LedgerDataset,
): Promise<number> {
  const ids = await documentIdsByRef(trx, companyId, null);
  const idOf = (ref: string) => {
    const id = ids.get(ref);
    if (id === undefined)
      throw new DomainError('invalid_input', { key: 'errors.demo.allocation', params: { ref } });
    return id;
  };
  const toNew = (allocation: Allocation): NewAllocation => ({
    debitDocumentId: idOf(allocation.debitRef),
    creditDocumentId: idOf(allocation.creditRef),
    amountMinor: allocation.amountMinor,
    allocationDate: allocation.allocationDate,
    reversesAllocationId: null,
    source: 'demo',
  });
  const idByPair = new Map<string, number>();
  const pairOf = (allocation: NewAllocation) =>
    `${allocation.debitDocumentId}/${allocation.creditDocumentId}`;
  let count = 0;
  for (const run of movementLayers(dataset)) {
    const rows = run.movements.map((movement) => {
      const row = toNew(movement);
      if (!run.isReversal) return row;
      const reversesId = idByPair.get(pairOf(row));
      if (!reversesId)
        throw new DomainError('invalid_input', {
          key: 'errors.demo.reversal',
          params: { debit: movement.debitRef, credit: movement.creditRef },
        });
      return { ...row, amountMinor: -movement.amountMinor, reversesAllocationId: reversesId };
    });
    const insertedIds = await insertAllocations(trx, companyId, actor, rows);
    if (!run.isReversal)
      for (const [index, row] of rows.entries()) idByPair.set(pairOf(row), insertedIds[index] ?? 0);
    count += rows.length;
  }
  return count;
}
