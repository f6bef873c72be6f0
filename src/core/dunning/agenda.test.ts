import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgendaAction, type AgendaCustomerFacts, buildAgenda } from './agenda.ts';

const facts = (code: string, extra: Partial<AgendaCustomerFacts>): AgendaCustomerFacts => ({
  customerCode: code,
  overdueMinor: 0,
  previousOverdueMinor: 0,
  oldestDaysLate: 0,
  riskClass: 'A',
  brokenPromises: 0,
  ...extra,
});

describe('collector agenda', () => {
  const B = {
    overdueMinor: 50_000,
    previousOverdueMinor: 200_000,
    oldestDaysLate: 200,
    riskClass: null,
    brokenPromises: 5,
  };
  const customers = [
    facts('D', {}),
    facts('B0', B),
    facts('C', {}),
    facts('B', B),
    facts('A', {
      overdueMinor: 1_234_500,
      previousOverdueMinor: 1_000_000,
      oldestDaysLate: 75,
      riskClass: 'D',
      brokenPromises: 1,
    }),
  ];
  const actions: AgendaAction[] = [
    { customerCode: 'A', channel: 'registered_letter', stepCode: 'formal_notice', stepKind: 'formal_notice' },
    { customerCode: 'A', channel: 'letter', stepCode: 'reminder_2', stepKind: 'reminder' },
    { customerCode: 'C', channel: 'call_task', stepCode: 'call', stepKind: 'reminder' },
  ];

  it('ranks by explained points, ties by customer code', () => {
    const agenda = buildAgenda(customers, actions);
    expect(agenda.map((e) => [e.rank, e.customerCode, e.scorePoints])).toEqual([
      [1, 'A', 116],
      [2, 'B', 104],
      [3, 'B0', 104],
      [4, 'C', 15],
    ]);
    // A: 10 × log10(1 + 12,345) = 40.92 → 41; 75 d × 5 / 30 = 12.5 → 13; class D 20; 1 broken × 15;
    // trend 10 × 234,500 / 1,234,500 = 1.90 → 2; letter 5 + registered letter 10 + formal notice 10 = 25.
    expect(agenda[0]?.factors.map((f) => [f.factor, f.input, f.points])).toEqual([
      ['amount_overdue', 1_234_500, 41],
      ['days_late', 75, 13],
      ['risk_class', 'D', 20],
      ['broken_promises', 1, 15],
      ['trend', 234_500, 2],
      ['planned_actions', 2, 25],
    ]);
    // B: 10 × log10(501) = 27.0 → 27; 200 d capped at 180 → 30; no class 10; 5 broken capped at 3 → 45;
    // trend 10 × −150,000 / 200,000 = −7.5 → −8 (half away from zero); no action.
    expect(agenda[1]?.factors.map((f) => f.points)).toEqual([27, 30, 10, 45, -8, 0]);
    expect(agenda[0]?.actions.map((a) => a.channel)).toEqual(['letter', 'registered_letter']);
  });

  it('calls first the customers whose money soon due is predicted late, at half the weight of overdue', () => {
    const agenda = buildAgenda(
      [facts('E', { likelyLateMinor: 1_234_500 }), facts('F', { likelyLateMinor: 0 })],
      [],
    );
    // Only E: 5 × log10(1 + 12,345) = 20.46 → 20; F has nothing to do.
    expect(agenda.map((e) => [e.customerCode, e.scorePoints])).toEqual([['E', 20]]);
    expect(agenda[0]?.factors.at(-1)).toEqual({ factor: 'likely_late', input: 1_234_500, points: 20 });
  });

  it('lists a customer whose held order or limit request waits for a decision, 15 points each up to 3', () => {
    const agenda = buildAgenda(
      [
        facts('G', { pendingDecisions: 1 }),
        facts('H', { pendingDecisions: 5 }),
        facts('I', { pendingDecisions: 0 }),
      ],
      [],
    );
    expect(agenda.map((e) => [e.customerCode, e.scorePoints])).toEqual([
      ['H', 45],
      ['G', 15],
    ]);
    expect(agenda[0]?.factors.at(-1)).toEqual({ factor: 'pending_decisions', input: 5, points: 45 });
  });

  it('lists a customer with a dispute waiting, 10 points each up to 3, beside what else it owes', () => {
    const agenda = buildAgenda(
      [
        facts('J', { openDisputes: 1 }),
        facts('K', { openDisputes: 4, overdueMinor: 100_000, oldestDaysLate: 30 }),
        facts('L', { openDisputes: 0 }),
      ],
      [],
    );
    // K: 10 × log10(1 + 1,000) = 30.0 → 30; 30 d → 5; class A 0; 4 disputes capped at 3 → 30; trend +10.
    expect(agenda.map((e) => [e.customerCode, e.scorePoints])).toEqual([
      ['K', 75],
      ['J', 10],
    ]);
    expect(agenda[0]?.factors.at(-1)).toEqual({ factor: 'open_disputes', input: 4, points: 30 });
    expect(agenda[1]?.factors.filter((f) => f.points !== 0)).toEqual([
      { factor: 'open_disputes', input: 1, points: 10 },
    ]);
  });

  const factsArb = fc.record({
    customerCode: fc.string({ minLength: 1, maxLength: 3 }),
    overdueMinor: fc.integer({ min: -100_000, max: 100_000_000 }),
    previousOverdueMinor: fc.integer({ min: 0, max: 100_000_000 }),
    oldestDaysLate: fc.integer({ min: 0, max: 400 }),
    riskClass: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'Z', null),
    brokenPromises: fc.integer({ min: 0, max: 6 }),
  });
  const customersArb = fc.uniqueArray(factsArb, { selector: (f) => f.customerCode, maxLength: 20 });

  it('explains every point, and the order depends on nothing but the scores and the codes (property)', () => {
    fc.assert(
      fc.property(customersArb, (list) => {
        const agenda = buildAgenda(list, []);
        expect(buildAgenda([...list].reverse(), [])).toEqual(agenda);
        agenda.forEach((entry, index) => {
          expect(entry.rank).toBe(index + 1);
          expect(entry.scorePoints).toBe(entry.factors.reduce((sum, f) => sum + f.points, 0));
          const next = agenda[index + 1];
          if (next) {
            const ordered = entry.scorePoints > next.scorePoints || entry.customerCode < next.customerCode;
            expect(ordered).toBe(true);
          }
        });
      }),
    );
  });

  it('never ranks a customer lower for owing more or for longer (property)', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        (f, more, later) => {
          const score = (x: AgendaCustomerFacts) => buildAgenda([x], [])[0]?.scorePoints ?? 0;
          const base = { ...f, overdueMinor: Math.max(1, f.overdueMinor) };
          expect(score({ ...base, overdueMinor: base.overdueMinor + more })).toBeGreaterThanOrEqual(
            score(base),
          );
          expect(score({ ...base, oldestDaysLate: base.oldestDaysLate + later })).toBeGreaterThanOrEqual(
            score(base),
          );
        },
      ),
    );
  });
});
