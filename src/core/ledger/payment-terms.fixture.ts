/**
 * Payment terms for the tests of their due dates (ledger/payment-terms.test.ts) and of their words
 * (text/payment-terms.test.ts): the worked examples, and any valid terms of every kind (fast-check).
 */
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../calendar.ts';
import type { PaymentTerms } from './payment-terms.ts';

/** « 45 jours fin de mois » (method A), « fin de mois puis 45 jours » (method B), « 60 jours nets ». */
export const EOM45_A: PaymentTerms = { kind: 'eom', days: 45, method: 'A' };
export const EOM45_B: PaymentTerms = { kind: 'eom', days: 45, method: 'B' };
export const NET60: PaymentTerms = { kind: 'net', days: 60 };

export const termsArb: fc.Arbitrary<PaymentTerms> = fc.oneof(
  fc.record({ kind: fc.constant('net' as const), days: fc.integer({ min: 0, max: 999 }) }),
  fc.record({
    kind: fc.constant('eom' as const),
    days: fc.integer({ min: 0, max: 999 }),
    method: fc.constantFrom('A' as const, 'B' as const),
  }),
  fc.record({
    kind: fc.constant('eom_plus' as const),
    days: fc.integer({ min: 0, max: 999 }),
    plusDays: fc.integer({ min: 0, max: 999 }),
  }),
  fc.record({
    kind: fc.constant('net_day' as const),
    days: fc.integer({ min: 0, max: 999 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
  }),
);

/** Any invoice date from 2000 to 2040. */
export const dateArb: fc.Arbitrary<string> = fc
  .integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31') })
  .map(fromDayNumber);
