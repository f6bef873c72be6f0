/**
 * Folds the compact ledger aggregates the database returns for a KPI report (documents by issue
 * day, opening open items, allocations of the period) into the inputs of the indicators.
 *
 * The receivables cube starts from the open items at the first evaluation date (k = 0) instead of
 * the whole history: open at E_k = open at E_0 + documents issued in (E_0, E_k] − allocations
 * dated in (E_0, E_k]. This holds because no allocation predates either of its documents
 * (`checkAllocation`), so nothing dated after E_0 touches what E_0 already counted.
 */
import { monthKey, startOfMonth } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { CubeInput, DueGridCell } from './kpis-cube.ts';

/** Σ amounts of the documents of one kind issued on one day (and due on one day, for debits). */
export interface DocumentDayRow {
  issueDate: IsoDate;
  kind: string;
  /** Due date of debit documents issued after the first evaluation date; null otherwise. */
  dueDate: IsoDate | null;
  amountMinor: number;
}

/** Index of the first evaluation date on or after the date (dates after the last: none). */
export function evaluationIndex(evalDates: readonly IsoDate[], date: IsoDate): number | null {
  for (let k = 0; k < evalDates.length; k++) if (date <= (evalDates[k] as IsoDate)) return k;
  return null;
}

export interface DocumentFigures {
  /** Debit and credit documents issued after the first evaluation date, cube cells k ≥ 1. */
  debits: DueGridCell[];
  credits: { k: number; amountMinor: number }[];
  salesByMonth: Map<string, number>;
  /** Invoices issued from the first day of the period (not of its month), by month. */
  invoicedByMonth: Map<string, number>;
  dailyMovements: { date: IsoDate; amountMinor: number }[];
  /**
   * Credit notes from the first day of the period's first month. Write-offs are read apart, by
   * origin (`writeOffNature`): a day's sum cannot tell a bad debt from bank charges.
   */
  creditNotesMinor: number;
}

export function foldDocumentDays(
  rows: readonly DocumentDayRow[],
  evalDates: readonly IsoDate[],
  from: IsoDate,
): DocumentFigures {
  const figures: DocumentFigures = {
    debits: [],
    credits: [],
    salesByMonth: new Map(),
    invoicedByMonth: new Map(),
    dailyMovements: [],
    creditNotesMinor: 0,
  };
  const firstMonthStart = startOfMonth(from);
  const daily = new Map<IsoDate, number>();
  const first = evalDates[0] as IsoDate;
  for (const row of rows) {
    const { issueDate, kind, amountMinor } = row;
    if (kind === 'invoice') {
      const month = monthKey(issueDate);
      figures.salesByMonth.set(month, (figures.salesByMonth.get(month) ?? 0) + amountMinor);
      if (issueDate >= from)
        figures.invoicedByMonth.set(month, (figures.invoicedByMonth.get(month) ?? 0) + amountMinor);
    } else if (issueDate >= firstMonthStart && kind === 'credit_note')
      figures.creditNotesMinor += amountMinor;
    if (issueDate >= from) daily.set(issueDate, (daily.get(issueDate) ?? 0) + amountMinor);
    const k = issueDate > first ? evaluationIndex(evalDates, issueDate) : null;
    if (k === null) continue;
    if (amountMinor > 0 && row.dueDate !== null)
      figures.debits.push({ k, dueDate: row.dueDate, amountMinor });
    else if (amountMinor < 0) figures.credits.push({ k, amountMinor });
  }
  figures.dailyMovements = [...daily].map(([date, amountMinor]) => ({ date, amountMinor }));
  return figures;
}

/**
 * The cube: open items at the first evaluation date as k = 0 (debits by due date, credits as
 * one sum, no allocation left to apply), then the period's documents and allocations.
 */
export function cubeFromOpening(
  evalDates: readonly IsoDate[],
  opening: { debits: readonly { dueDate: IsoDate; openMinor: number }[]; creditsMinor: number },
  documents: Pick<DocumentFigures, 'debits' | 'credits'>,
  allocations: readonly DueGridCell[],
): CubeInput {
  return {
    evalDates,
    debits: [
      ...opening.debits.map((d) => ({ k: 0, dueDate: d.dueDate, amountMinor: d.openMinor })),
      ...documents.debits,
    ],
    credits: [{ k: 0, amountMinor: opening.creditsMinor }, ...documents.credits],
    allocations,
  };
}

/** Per invoice month of the period: invoiced, and settled within the at-risk horizon. */
export function invoicedAndSettled(
  invoicedByMonth: ReadonlyMap<string, number>,
  settledByMonth: readonly { month: string; settledMinor: number }[],
): { month: string; invoicedMinor: number; settledMinor: number }[] {
  const settled = new Map(settledByMonth.map((row) => [row.month, row.settledMinor]));
  return [...invoicedByMonth]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, invoicedMinor]) => ({ month, invoicedMinor, settledMinor: settled.get(month) ?? 0 }));
}
