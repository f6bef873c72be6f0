/** Cross tabulations (tris croisés) of the outstanding over any two customer dimensions, as of a date. */
import { type Crosstab, type CrosstabItem, crossTabulate } from '#core/analytics/crosstab';
import { RISK_LEVELS } from '#core/analytics/risk-levels';
import type { IsoDate } from '#core/types';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { scopedToCaller } from './report-scope.ts';
import { getRiskTable, type RiskTableRow } from './risk.ts';

export const CROSSTAB_DIMENSIONS = [
  'customer_type',
  'salesperson',
  'risk_level',
  'bucket',
  'country',
  'payment_terms',
] as const;
export type CrosstabDimension = (typeof CROSSTAB_DIMENSIONS)[number];

export interface CrosstabInput {
  asOf?: string | undefined;
  rows: CrosstabDimension;
  columns: CrosstabDimension;
  customerType?: string | undefined;
  salesperson?: string | undefined;
  bucketBounds?: readonly number[] | undefined;
  lang?: string | undefined;
}

export interface CrosstabReport extends Crosstab {
  asOf: IsoDate;
  currency: string;
  rowDimension: CrosstabDimension;
  columnDimension: CrosstabDimension;
  /** The selection and measure, stated so that the table can be reproduced. */
  criteria: {
    measure: string;
    population: string;
    customerType: string | null;
    salesperson: string | null;
    basis: string;
  };
}

const VALUE_OF: Record<Exclude<CrosstabDimension, 'bucket'>, (row: RiskTableRow) => string> = {
  customer_type: (row) => row.customerType,
  salesperson: (row) => row.salesperson ?? '',
  risk_level: (row) => row.riskLevel,
  country: (row) => row.country,
  payment_terms: (row) => row.paymentTerms,
};

export async function getCrosstab(ctx: AppContext, asked: CrosstabInput): Promise<CrosstabReport> {
  const input = scopedToCaller(ctx, asked);
  for (const dimension of [input.rows, input.columns]) {
    if (!CROSSTAB_DIMENSIONS.includes(dimension))
      throw new DomainError('invalid_input', {
        key: 'errors.reports.dimension',
        params: { dimension, dimensions: CROSSTAB_DIMENSIONS.join(', ') },
      });
  }
  if (input.rows === input.columns)
    throw new DomainError('invalid_input', { key: 'errors.reports.sameDimensions' });
  const table = await getRiskTable(ctx, input);
  const bucketKeys = [...table.buckets.map((bucket) => bucket.key), 'credits'];
  // A customer spreads over several buckets; on every other dimension it has a single value.
  const valuesOf = (
    dimension: CrosstabDimension,
    row: RiskTableRow,
  ): { key: string; amountMinor: number }[] =>
    dimension === 'bucket'
      ? [...row.bucketsMinor, row.creditsMinor]
          .map((amountMinor, index) => ({ key: bucketKeys[index] as string, amountMinor }))
          .filter((cell) => cell.amountMinor !== 0)
      : [{ key: VALUE_OF[dimension](row), amountMinor: row.balanceMinor }];
  const items: CrosstabItem[] = [];
  for (const row of table.rows) {
    const rowValues = valuesOf(input.rows, row);
    const columnValues = valuesOf(input.columns, row);
    // At most one of the two is the bucket dimension: its amounts are the ones to add up.
    for (const r of rowValues) {
      for (const c of columnValues) {
        const amountMinor =
          input.rows === 'bucket'
            ? r.amountMinor
            : input.columns === 'bucket'
              ? c.amountMinor
              : row.balanceMinor;
        items.push({ customerCode: row.code, rowKey: r.key, columnKey: c.key, amountMinor });
      }
    }
  }
  const preferred = (dimension: CrosstabDimension) =>
    dimension === 'bucket' ? bucketKeys : dimension === 'risk_level' ? [...RISK_LEVELS].reverse() : undefined;
  const rowsOrder = preferred(input.rows);
  const columnsOrder = preferred(input.columns);
  const crosstab = crossTabulate(items, {
    ...(rowsOrder ? { rows: rowsOrder } : {}),
    ...(columnsOrder ? { columns: columnsOrder } : {}),
  });
  return {
    asOf: table.asOf,
    currency: table.currency,
    rowDimension: input.rows,
    columnDimension: input.columns,
    criteria: {
      measure:
        'Σ encours (montants ouverts, avoirs et règlements non lettrés déduits)\u00a0; effectif = nombre de clients',
      population: 'clients ayant un montant ouvert à la date',
      customerType: input.customerType ?? null,
      salesperson: input.salesperson ?? null,
      basis: `âge par date d'échéance au ${table.asOf}`,
    },
    ...crosstab,
  };
}
