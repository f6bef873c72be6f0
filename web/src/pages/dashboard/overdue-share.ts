/**
 * The dashboard's overdue share, its figure and its month-on-month trend on one base: overdue ÷ the
 * net encours (the « Encours total » tile: open invoices less open credit notes and unapplied
 * payments). The indicators report's own `overdueShare` divides by the open invoices before those
 * credits, a larger base: a trend read from it set the tile's figure beside a change of another share.
 */
import type { PortfolioSummary } from '../../api.ts';
import type { KpiMonth } from '../../reports.ts';

/** Overdue ÷ net encours; none when the encours is not positive (a share of nothing, or of a credit). */
export function overdueShareOfOutstanding(overdueMinor: number, outstandingMinor: number): number | null {
  return outstandingMinor > 0 ? overdueMinor / outstandingMinor : null;
}

/** The tile's figure: the portfolio's overdue ÷ its net encours at the as-of date. */
export function tileOverdueShare(figures: Pick<PortfolioSummary, 'overdueMinor' | 'outstandingMinor'>) {
  return overdueShareOfOutstanding(figures.overdueMinor, figures.outstandingMinor);
}

/** A point of the tile's trend: the month's overdue ÷ its net encours at the month's end. */
export function monthOverdueShare(month: Pick<KpiMonth, 'endingOverdueMinor' | 'endingReceivablesMinor'>) {
  return overdueShareOfOutstanding(month.endingOverdueMinor, month.endingReceivablesMinor);
}
