/**
 * Public API of the demo data: the deterministic demo company SA CB2C and the scale generator.
 */

export { movementsInOrder } from './dataset-audit.ts';
export {
  type AllocationReversal,
  DEMO_AS_OF,
  DEMO_DEFAULT_SEED,
  DEMO_HISTORY_START,
  DEMO_SITUATION_KINDS,
  type DemoDataset,
  type DemoSituation,
  type DemoSituationKind,
  type DemoUser,
  PAYER_BEHAVIOURS,
  type PayerBehaviour,
  SITUATION_KINDS,
  type SituationKind,
} from './demo-types.ts';
export { DEMO_USERS } from './demo-users.ts';
export { type GenerateDemoOptions, generateDemo } from './generate-demo.ts';
export { LedgerReplay } from './ledger-replay.ts';
export { generateScale, type ScaleDataset, type ScaleOptions } from './scale.ts';
export {
  CUSTOMERS_CSV_HEADER,
  FRENCH_CUSTOMER_TYPES,
  INVOICES_CSV_HEADER,
  writeScaleCustomersCsv,
  writeScaleInvoicesCsv,
} from './scale-csv.ts';
