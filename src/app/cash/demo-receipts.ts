/**
 * The demo company's month of bank receipts (June of its reference year), as the camt.053 its
 * bank would send: `encours demo --bank-month FILE` writes it, `encours import bank FILE` reads
 * it and the workbench has a realistic month to apply. It holds the receipts paying invoices still
 * open (to apply) and the payments the ledger already records over the month (to recognise, so
 * that the month's bank reconciliation pairs them).
 */
import { bankMonthCamt, type DemoReceipt, generateBankMonth } from '#demo/bank-month';
import { recordedPaymentReceipts } from '#demo/bank-month-recorded';
import { DEMO_DEFAULT_SEED, type DemoDataset } from '#demo/index';
import { generateDemoDataset } from '../demo/demo.ts';

export const DEMO_BANK_ACCOUNT = { iban: 'FR7630006000011234567890189', id: 'CB2C-2026-06' };

/** `dataset`: the demo data set of that seed, when the caller has it already (it takes a second to make). */
export function demoBankMonth(
  seed?: number,
  dataset: DemoDataset = generateDemoDataset(seed),
): { receipts: DemoReceipt[]; camt: string } {
  const options = { seed: seed ?? DEMO_DEFAULT_SEED, from: '2026-06-01', receipts: 120 };
  const open = generateBankMonth(dataset, options);
  // In booking order; on one day, the receipts to apply first (the sort keeps their order).
  const receipts = [...open, ...recordedPaymentReceipts(dataset, options, open)].sort((a, b) =>
    a.bookingDate.localeCompare(b.bookingDate),
  );
  return { receipts, camt: bankMonthCamt(receipts, DEMO_BANK_ACCOUNT) };
}
