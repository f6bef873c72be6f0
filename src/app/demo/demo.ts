/** The demo company SA CB2C and the scale data sets used by benchmarks. */
import type { Customer, LedgerDocument } from '#core/types';
import { type DemoDataset, generateDemo, generateScale } from '#demo/index';
import type { AppContext } from '../context.ts';
import { type LoadSummary, loadDataset } from './load-dataset.ts';

export function generateDemoDataset(seed?: number): DemoDataset {
  return generateDemo(seed === undefined ? {} : { seed });
}

export async function loadDemoCompany(
  ctx: Omit<AppContext, 'companyId'>,
  options: { seed?: number | undefined; replace?: boolean } = {},
): Promise<LoadSummary> {
  return loadDataset(ctx, generateDemoDataset(options.seed), { replace: options.replace ?? false });
}

export interface ScaleOptions {
  customers: number;
  invoices: number;
  seed?: number | undefined;
  replace?: boolean;
}

/** Loads the company SCALE: many customers and invoices, no payments (benchmarks only). */
export async function loadScaleCompany(
  ctx: Omit<AppContext, 'companyId'>,
  options: ScaleOptions,
): Promise<LoadSummary> {
  const scale = generateScale({
    customers: options.customers,
    invoices: options.invoices,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const documents: LedgerDocument[] = [];
  for (const batch of scale.invoiceBatches(50_000)) documents.push(...batch);
  const customers: Customer[] = scale.customers;
  return loadDataset(
    ctx,
    {
      company: { code: 'SCALE', name: 'Scale test company', currency: 'EUR', asOf: scale.asOf },
      customers,
      documents,
      allocations: [],
      orders: [],
      events: [],
    },
    { replace: options.replace ?? false },
  );
}
