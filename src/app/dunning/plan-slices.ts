/**
 * A run planned a slice of customers at a time, so that memory follows the slice and not the
 * company: the next few thousand customer codes (keyset, in the planner's byte order), their
 * state read and planned, handed on, dropped. The planner plans each customer on its own and
 * orders actions and skipped invoices by customer first, so the slices' plans put end to end are
 * the plan of the whole company made at once (checked on the demo company and as a property).
 */
import type { Kysely } from 'kysely';
import { type DunningPlan, planDunning } from '#core/dunning/planner';
import { guardSliceReads, selectCustomerSlice } from '#db/dunning/run-slices';
import type { Database } from '#db/infra/schema';
import { loadPlanCustomers, loadPlanSettings, type PlanData, type PlanDataInput } from './plan-data.ts';

/** Customers per slice: a few thousand keep each read set-based and the heap small. */
export const PLAN_SLICE_CUSTOMERS = 2_000;

export interface PlanSlice {
  data: PlanData;
  plan: DunningPlan;
}

export async function* planInSlices(
  db: Kysely<Database>,
  companyId: string,
  input: PlanDataInput,
  sliceCustomers: number = PLAN_SLICE_CUSTOMERS,
): AsyncGenerator<PlanSlice> {
  if (!Number.isInteger(sliceCustomers) || sliceCustomers < 1)
    throw new Error(`a slice needs at least one customer (${sliceCustomers})`);
  await guardSliceReads(db);
  const settings = await loadPlanSettings(db, companyId, input.asOf);
  let after: string | null = null;
  for (;;) {
    const codes = await selectCustomerSlice(db, companyId, after, sliceCustomers, input.customerCodes);
    const last = codes.at(-1);
    if (last === undefined) return;
    // The range bounds the read to the slice's open items (by index); the codes keep it exact
    // when only some customers are planned. Every customer of the range is in the slice
    // otherwise, and the range alone is exact: a list of 2,000 codes as a filter made the
    // planner expect 50 times fewer invoices than the slice has.
    const data = await loadPlanCustomers(db, companyId, settings, {
      riskClasses: input.riskClasses,
      customerCodes: input.customerCodes === undefined ? undefined : codes,
      codeRange: { after, through: last },
    });
    yield { data, plan: planDunning(data.customers, data.invoices, data.settings) };
    after = last;
  }
}

/**
 * The slices of `source`, the next one asked for as soon as one is handed out: its state is read
 * (and planned) while the caller works on the one it has. Slices are disjoint sets of customers,
 * so reading the next before the current one is stored reads the same rows.
 */
export async function* readingAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = iterator.next();
      // Awaited on the next turn; should the caller stop first, the finally block hears it.
      next.catch(() => {});
      yield current.value;
    }
  } finally {
    // A caller stopping early (an error) leaves the read under way to settle before the
    // transaction ends.
    await Promise.resolve(next).catch(() => {});
    await iterator.return?.();
  }
}
