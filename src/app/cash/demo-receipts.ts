/**
 * The demo company's month of bank receipts (June of its reference year), as the camt.053 its
 * bank would send: `encours demo --bank-month FILE` writes it, `encours import bank FILE` reads
 * it and the workbench has a realistic month to apply.
 */
import { bankMonthCamt, type DemoReceipt, generateBankMonth } from '#demo/bank-month';
import { DEMO_DEFAULT_SEED, type DemoDataset } from '#demo/index';
import { generateDemoDataset } from '../demo/demo.ts';

export const DEMO_BANK_ACCOUNT = { iban: 'FR7630006000011234567890189', id: 'CB2C-2026-06' };

/** `dataset`: the demo data set of that seed, when the caller has it already (it takes a second to make). */
export function demoBankMonth(
  seed?: number,
  dataset: DemoDataset = generateDemoDataset(seed),
): { receipts: DemoReceipt[]; camt: string } {
  const receipts = generateBankMonth(dataset, {
    seed: seed ?? DEMO_DEFAULT_SEED,
    from: '2026-06-01',
    receipts: 120,
  });
  return { receipts, camt: bankMonthCamt(receipts, DEMO_BANK_ACCOUNT) };
}
