/**
 * The customer's overdue invoices a reminder leaves out. The planner puts a customer's invoices
 * due for a written step into one document and the others elsewhere (a call task, a text), holds
 * some back (dispute, promise, pause, hand-over, a factor collecting) and leaves alone those whose
 * next step has not come: a letter that listed only its own invoices while it read as the
 * customer's whole debt would be untrue, so it says how many others are overdue and for how much.
 */
import type { PlannedAction } from '#core/dunning/planner';
import type { DunningInvoiceRow } from '#db/dunning/dunning-state';

/**
 * The invoices by customer, indexed once per map: a slice composes one document per customer from
 * the same map of the slice's invoices, and a scan of the map for each would grow as its square.
 */
const indexes = new WeakMap<ReadonlyMap<string, DunningInvoiceRow>, Map<string, DunningInvoiceRow[]>>();

function invoicesOfCustomer(
  invoices: ReadonlyMap<string, DunningInvoiceRow>,
  customerCode: string,
): readonly DunningInvoiceRow[] {
  let index = indexes.get(invoices);
  if (!index) {
    index = new Map();
    for (const row of invoices.values()) {
      const own = index.get(row.customerCode);
      if (own) own.push(row);
      else index.set(row.customerCode, [row]);
    }
    indexes.set(invoices, index);
  }
  return index.get(customerCode) ?? [];
}

/**
 * The customer's invoices overdue at `asOf` (due before it, still open) in the action's currency
 * that the action does not list, oldest due first. Another currency's are another document's; one
 * a factor collects (`factors`, by document id) is owed to the factor, who reminds of it itself.
 */
export function separateOverdue(
  invoices: ReadonlyMap<string, DunningInvoiceRow>,
  action: PlannedAction,
  asOf: string,
  factors?: ReadonlyMap<string, { factorCollects?: boolean | undefined }> | undefined,
): DunningInvoiceRow[] {
  const listed = new Set(action.items.map((item) => item.invoiceId));
  return invoicesOfCustomer(invoices, action.customerCode)
    .filter(
      (row) =>
        row.currency === action.currency &&
        row.dueDate < asOf &&
        row.openMinor > 0 &&
        !listed.has(String(row.documentId)) &&
        !factors?.get(String(row.documentId))?.factorCollects,
    )
    .sort((a, b) =>
      a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.documentRef < b.documentRef ? -1 : 1,
    );
}
