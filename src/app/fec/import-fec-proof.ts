/**
 * The proof printed by every FEC import: for every customer of the file, the sum of its open
 * items in Encours as of the file's last date equals the balance of its account in the FEC, to
 * the cent; and their total equals the balance of the customer control accounts. A difference
 * names the customer, the FEC lines of its account and the Encours documents the file does not
 * explain.
 */
import type { Kysely } from 'kysely';
import { differenceDetails, proofByCustomer } from '#db/fec/fec-proof';
import type { Database } from '#db/infra/schema';

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

/** Differences explained line by line; beyond that only named (a whole file gone wrong needs no more). */
const MAX_DETAILED = 200;

export async function reconcileFec(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<{ reconciliation: FecReconciliation; openItems: number; customers: number }> {
  const rows = await proofByCustomer(db, companyId, asOf);
  let controlBalanceMinor = 0;
  let sumOpenItemsMinor = 0;
  let openItems = 0;
  const differing = [];
  for (const row of rows) {
    controlBalanceMinor += row.fecBalanceMinor;
    sumOpenItemsMinor += row.openItemsMinor;
    openItems += row.openItems;
    if (row.openItemsMinor !== row.fecBalanceMinor) differing.push(row);
  }
  const explained = differing.slice(0, MAX_DETAILED).map((row) => row.code);
  const details = new Map(
    (await differenceDetails(db, companyId, explained, asOf)).map((detail) => [detail.code, detail]),
  );
  const customersWithDifference = differing.map((row): CustomerDifference => {
    const detail = details.get(row.code);
    return {
      customerCode: row.code,
      name: detail?.name ?? row.code,
      fecBalanceMinor: row.fecBalanceMinor,
      sumOpenItemsMinor: row.openItemsMinor,
      differenceMinor: row.openItemsMinor - row.fecBalanceMinor,
      fecLines: detail?.fecLines ?? [],
      otherDocuments: detail?.otherDocuments ?? [],
    };
  });
  return {
    reconciliation: { asOf, controlBalanceMinor, sumOpenItemsMinor, customersWithDifference },
    openItems,
    customers: rows.length,
  };
}
