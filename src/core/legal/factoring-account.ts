/**
 * The current account with the factor (compte courant d'affacturage), seen from the company: a
 * movement > 0 is in our favour (the factor owes us more), < 0 against us. Assigning a batch
 * credits the gross amount bought and debits the reserve put into the guarantee fund, the
 * commission, the fees and their VAT, the interest charged in advance and the funds paid to us;
 * closing an invoice credits its reserve back, adjusts the interest to the real end and, under
 * recourse, debits the gross amount charged back. With a full advance a batch nets to zero: the
 * balance is what the factor still has to pay us (released reserves), or what we owe it.
 * The reconciliation sets these movements against the lines of the factor's own statement.
 */
import { daysBetween } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { BatchFigures, ItemClosing } from './factoring.ts';

export const MOVEMENT_KINDS = [
  'assignment',
  'reserve_held',
  'commission',
  'fees',
  'fees_vat',
  'interest',
  'financing',
  'reserve_released',
  'interest_adjustment',
  'chargeback',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface AccountMovement {
  kind: MovementKind;
  date: IsoDate;
  /** The batch (BC-n) or the invoice the movement is about, as the factor's statement names it. */
  reference: string;
  amountMinor: number;
}

/** The movements of a batch financed on its financing date; zero amounts are left out. */
export function batchMovements(figures: BatchFigures, reference: string): AccountMovement[] {
  const date = figures.financingDate;
  const entries: [MovementKind, number][] = [
    ['assignment', figures.grossMinor],
    ['reserve_held', -figures.reserveMinor],
    ['commission', -figures.commissionMinor],
    ['fees', -figures.feesMinor],
    ['fees_vat', -figures.feesVatMinor],
    ['interest', -figures.interestMinor],
    ['financing', -figures.netFundsMinor],
  ];
  return entries
    .filter(([, amountMinor]) => amountMinor !== 0)
    .map(([kind, amountMinor]) => ({ kind, date, reference, amountMinor }));
}

/** The movements of an invoice collected by the factor or charged back, on the closing date. */
export function closingMovements(closing: ItemClosing, reference: string): AccountMovement[] {
  const entries: [MovementKind, number][] = [
    ['chargeback', -closing.chargebackMinor],
    ['reserve_released', closing.reserveReleasedMinor],
    ['interest_adjustment', closing.interestAdjustmentMinor],
  ];
  return entries
    .filter(([, amountMinor]) => amountMinor !== 0)
    .map(([kind, amountMinor]) => ({ kind, date: closing.date, reference, amountMinor }));
}

export interface AccountSummary {
  asOf: IsoDate;
  /** Σ movements dated ≤ asOf: > 0 the factor owes us, < 0 we owe the factor. */
  balanceMinor: number;
  /** The guarantee fund: reserves held less reserves released. */
  reserveFundMinor: number;
  byKind: Record<MovementKind, number>;
}

export function summariseAccount(movements: readonly AccountMovement[], asOf: IsoDate): AccountSummary {
  const byKind = Object.fromEntries(MOVEMENT_KINDS.map((kind) => [kind, 0])) as Record<MovementKind, number>;
  let balanceMinor = 0;
  for (const movement of movements) {
    if (movement.date > asOf) continue;
    byKind[movement.kind] += movement.amountMinor;
    balanceMinor += movement.amountMinor;
  }
  return { asOf, balanceMinor, reserveFundMinor: -byKind.reserve_held - byKind.reserve_released, byKind };
}

/** A line of the factor's statement, signed as ours: credit to our account > 0, debit < 0. */
export interface StatementLine {
  line: number;
  date: IsoDate;
  reference: string | null;
  label: string;
  amountMinor: number;
}

export interface Reconciliation<M extends AccountMovement> {
  matched: { movement: M; line: StatementLine; daysApart: number }[];
  /** Our movements the statement does not show (yet). */
  onlyOurs: M[];
  /** Statement lines we have no movement for. */
  onlyTheirs: StatementLine[];
  ourTotalMinor: number;
  theirTotalMinor: number;
  /** Statement total less ours over the lines compared. */
  differenceMinor: number;
}

/**
 * Pairs each statement line with one movement of the same amount: the same date and reference
 * first, then the same date, then the nearest date within `toleranceDays` (a factor books a day
 * or two after us). Each side is used once; what is left on either side is a difference to explain.
 */
export function reconcileStatement<M extends AccountMovement>(
  movements: readonly M[],
  lines: readonly StatementLine[],
  toleranceDays = 3,
): Reconciliation<M> {
  const free = new Set(movements.map((_m, index) => index));
  const matched: Reconciliation<M>['matched'] = [];
  const pending: StatementLine[] = [];
  const passes: ((m: M, l: StatementLine) => boolean)[] = [
    (m, l) => m.date === l.date && l.reference !== null && sameReference(m.reference, l.reference),
    (m, l) => m.date === l.date,
    (m, l) => Math.abs(daysBetween(m.date, l.date)) <= toleranceDays,
  ];
  let remaining = [...lines];
  for (const accepts of passes) {
    pending.length = 0;
    for (const line of remaining) {
      let best: number | null = null;
      for (const index of free) {
        const movement = movements[index]!;
        if (movement.amountMinor !== line.amountMinor || !accepts(movement, line)) continue;
        const gap = Math.abs(daysBetween(movement.date, line.date));
        if (best === null || gap < Math.abs(daysBetween(movements[best]!.date, line.date))) best = index;
      }
      if (best === null) pending.push(line);
      else {
        free.delete(best);
        const movement = movements[best]!;
        matched.push({ movement, line, daysApart: daysBetween(movement.date, line.date) });
      }
    }
    remaining = [...pending];
  }
  const onlyOurs = [...free].sort((a, b) => a - b).map((index) => movements[index]!);
  const ourTotalMinor = movements.reduce((sum, m) => sum + m.amountMinor, 0);
  const theirTotalMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  return {
    matched,
    onlyOurs,
    onlyTheirs: remaining,
    ourTotalMinor,
    theirTotalMinor,
    differenceMinor: theirTotalMinor - ourTotalMinor,
  };
}

function sameReference(ours: string, theirs: string): boolean {
  const norm = (text: string) => text.replace(/[\s\-_/]/g, '').toUpperCase();
  const [a, b] = [norm(ours), norm(theirs)];
  return a !== '' && b !== '' && (b.includes(a) || a.includes(b));
}
