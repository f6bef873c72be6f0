import { describe, expect, it } from 'vitest';
import { reconcileStatement } from './factoring-account.ts';
import { type FactoringCandidate, selectForAssignment } from './factoring-selection.ts';

const candidate = (ref: string, changes: Partial<FactoringCandidate> = {}): FactoringCandidate => ({
  documentId: 1,
  ref,
  customerCode: 'C1',
  customerType: 'wholesaler',
  customerStatus: 'active',
  currency: 'EUR',
  issueDate: '2026-06-01',
  dueDate: '2026-07-31',
  amountMinor: 100_000,
  openMinor: 100_000,
  disputed: false,
  creditNoted: false,
  assigned: false,
  ...changes,
});

const open = [
  candidate('F1'),
  candidate('F2', { disputed: true }),
  candidate('F3', { creditNoted: true, openMinor: 60_000 }),
  candidate('F4', { openMinor: 40_000 }),
  candidate('F5', { customerStatus: 'receivership', customerCode: 'C2' }),
  candidate('F6', { assigned: true }),
  candidate('F7', { dueDate: '2026-06-15' }),
  candidate('F8', { currency: 'USD' }),
  candidate('F9', { customerType: 'retailer', amountMinor: 500_000, openMinor: 500_000 }),
  candidate('F10', { amountMinor: 20_000, openMinor: 20_000 }),
];

describe('selecting invoices for a batch', () => {
  it('takes the listed invoices and says why each other one is left out', () => {
    const refs = open.map((c) => c.ref).concat('F99');
    const { selected, excluded } = selectForAssignment(open, { refs }, 'EUR', '2026-06-30');
    expect(selected.map((c) => c.ref)).toEqual(['F1', 'F9', 'F10']);
    expect(excluded.map((e) => [e.ref, e.reason])).toEqual([
      ['F2', 'disputed'],
      ['F3', 'credit_noted'],
      ['F4', 'partly_settled'],
      ['F5', 'customer_blocked'],
      ['F6', 'already_assigned'],
      ['F7', 'overdue'],
      ['F8', 'currency_mismatch'],
      ['F99', 'not_open_invoice'],
    ]);
  });

  it('by rule, keeps the customer types and minimum amount asked, in the contract currency only', () => {
    const { selected, excluded } = selectForAssignment(
      open,
      { rule: { customerTypes: ['wholesaler'], minAmountMinor: 50_000 } },
      'EUR',
      '2026-06-30',
    );
    expect(selected.map((c) => c.ref)).toEqual(['F1']);
    // F8 is in dollars: the rule never considers it; F9 is a retailer, F10 below the minimum.
    expect(excluded.map((e) => e.ref)).toEqual(['F2', 'F3', 'F4', 'F5', 'F6', 'F7']);
    const until = selectForAssignment(open, { rule: { dueUntil: '2026-07-01' } }, 'EUR', '2026-06-30');
    expect(until.selected).toEqual([]);
  });
});

describe('reconciling the factor’s statement', () => {
  const ours = [
    { kind: 'assignment' as const, date: '2026-06-30', reference: 'BC-1', amountMinor: 2_183_333 },
    { kind: 'reserve_held' as const, date: '2026-06-30', reference: 'BC-1', amountMinor: -218_333 },
    { kind: 'financing' as const, date: '2026-06-30', reference: 'BC-1', amountMinor: -1_934_936 },
    { kind: 'commission' as const, date: '2026-06-30', reference: 'BC-1', amountMinor: -13_700 },
  ];
  const line = (n: number, date: string, amountMinor: number, reference: string | null = null) => ({
    line: n,
    date,
    reference,
    label: `ligne ${n}`,
    amountMinor,
  });

  it('pairs lines by amount, on the same date or within the tolerance, and lists the rest', () => {
    const result = reconcileStatement(ours, [
      line(2, '2026-06-30', 2_183_333, 'Bordereau BC 1'),
      line(3, '2026-07-02', -1_934_936),
      line(4, '2026-06-30', -218_333),
      line(5, '2026-06-30', -13_900),
      line(6, '2026-07-10', -1_500),
    ]);
    expect(result.matched.map((m) => [m.line.line, m.movement.kind, m.daysApart])).toEqual([
      [2, 'assignment', 0],
      [4, 'reserve_held', 0],
      [3, 'financing', 2],
    ]);
    expect(result.onlyOurs.map((m) => m.kind)).toEqual(['commission']);
    expect(result.onlyTheirs.map((l) => l.line)).toEqual([5, 6]);
    // −13 900 − 1 500 on their side against −13 700 on ours.
    expect(result.differenceMinor).toBe(-1_700);
  });

  it('does not pair a line further than the tolerance', () => {
    const result = reconcileStatement(ours, [line(2, '2026-07-06', -1_934_936)], 3);
    expect(result.matched).toEqual([]);
    expect(result.onlyTheirs).toHaveLength(1);
  });
});
