/**
 * The proof printed by every FEC import: for every customer of the file, the sum of its open
 * items in Encours as of the file's last date equals the balance of its account in the FEC, to
 * the cent; and their total equals the balance of the customer control accounts. A difference
 * names the customer, the FEC lines of its account and the Encours documents the file does not
 * explain.
 */
import type { Kysely } from 'kysely';
import { documentsOfCustomers, openItemsByCustomer } from '#db/fec-writes';
import type { Database } from '#db/schema';
import type { FecLedger } from '#importers/fec/fec-reconstruct';

export interface CustomerDifference {
  customerCode: string;
  name: string;
  fecBalanceMinor: number;
  sumOpenItemsMinor: number;
  differenceMinor: number;
  /** FEC line numbers of the customer's account (the first 50). */
  fecLines: number[];
  /** Encours documents of the customer not read from this file, "source/ref amount" (the first 50). */
  otherDocuments: string[];
}

export interface FecReconciliation {
  asOf: string;
  controlBalanceMinor: number;
  sumOpenItemsMinor: number;
  customersWithDifference: CustomerDifference[];
}

const MAX_LISTED = 50;

export async function reconcileFec(
  db: Kysely<Database>,
  companyId: string,
  ledger: FecLedger,
  asOf: string,
): Promise<{ reconciliation: FecReconciliation; openItems: number }> {
  const codes = [...ledger.balances.keys()];
  const rows = await openItemsByCustomer(db, companyId, codes, asOf);
  const openByCode = new Map(rows.map((row) => [row.code, row]));
  let sumOpenItemsMinor = 0;
  let openItems = 0;
  const differences: CustomerDifference[] = [];
  for (const balance of ledger.balances.values()) {
    const open = openByCode.get(balance.code);
    const openMinor = open?.openItemsMinor ?? 0;
    sumOpenItemsMinor += openMinor;
    openItems += open?.openItems ?? 0;
    if (openMinor === balance.balanceMinor) continue;
    differences.push({
      customerCode: balance.code,
      name: balance.name,
      fecBalanceMinor: balance.balanceMinor,
      sumOpenItemsMinor: openMinor,
      differenceMinor: openMinor - balance.balanceMinor,
      fecLines: balance.lines.slice(0, MAX_LISTED),
      otherDocuments: [],
    });
  }
  if (differences.length > 0) {
    const fileRefs = new Set(ledger.documents.map((doc) => doc.externalRef));
    const docs = await documentsOfCustomers(
      db,
      companyId,
      differences.map((difference) => difference.customerCode),
      asOf,
    );
    for (const difference of differences) {
      difference.otherDocuments = docs
        .filter(
          (doc) =>
            doc.customerCode === difference.customerCode &&
            !(doc.source === 'fec' && fileRefs.has(doc.externalRef)),
        )
        .slice(0, MAX_LISTED)
        .map((doc) => `${doc.source}/${doc.externalRef} ${doc.amountMinor}`);
    }
  }
  return {
    reconciliation: {
      asOf,
      controlBalanceMinor: ledger.controlBalanceMinor,
      sumOpenItemsMinor,
      customersWithDifference: differences,
    },
    openItems,
  };
}
