/**
 * What the back-test's headline counts and what weighs in it. Its « invoices » are evaluations: an
 * invoice open at several month-end cut-offs is scored at each, so one paid two years late counts up
 * to twelve times with an error of hundreds of days. On the demo, applying June's bank statement
 * settled 127 invoices; 37 of them, paid over 180 days after their due date, made 433 of the 594 new
 * evaluations, and the model's mean error rose from 18,0 to 27,3 days with no word. These figures
 * let the report say so: how many distinct invoices, how many evaluations of invoices paid very
 * late, and their share of the model's total error.
 */
export const LONG_LATE_DAYS = 180;

export interface LongLateTally {
  scoredDocuments: Set<number>;
  evaluations: number;
  documents: Set<number>;
  modelAbsoluteError: number;
}

export interface BacktestWeights {
  /** Distinct invoices behind the evaluations (`invoices` counts one per invoice and cut-off). */
  distinctInvoices: number;
  /** The evaluations of invoices paid more than `LONG_LATE_DAYS` after their due date. */
  paidLongLate: {
    days: number;
    evaluations: number;
    invoices: number;
    /** Their share of the model's summed absolute error (0–1); null without any error. */
    modelErrorShare: number | null;
  };
}

export function emptyLongLate(): LongLateTally {
  return { scoredDocuments: new Set(), evaluations: 0, documents: new Set(), modelAbsoluteError: 0 };
}

/** One evaluation: the invoice, its days late when paid, the model's absolute error in days. */
export function addEvaluation(
  tally: LongLateTally,
  documentId: number,
  daysLate: number,
  modelErrorDays: number,
): void {
  tally.scoredDocuments.add(documentId);
  if (daysLate <= LONG_LATE_DAYS) return;
  tally.evaluations += 1;
  tally.documents.add(documentId);
  tally.modelAbsoluteError += modelErrorDays;
}

export function backtestWeights(tally: LongLateTally, modelAbsoluteError: number): BacktestWeights {
  return {
    distinctInvoices: tally.scoredDocuments.size,
    paidLongLate: {
      days: LONG_LATE_DAYS,
      evaluations: tally.evaluations,
      invoices: tally.documents.size,
      modelErrorShare:
        modelAbsoluteError > 0
          ? Math.round((tally.modelAbsoluteError / modelAbsoluteError) * 1000) / 1000
          : null,
    },
  };
}
