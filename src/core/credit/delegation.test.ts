import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELEGATION_MATRIX,
  type DelegationMatrix,
  mayApprove,
  requiredRole,
  validateDelegationMatrix,
} from './delegation.ts';
import { RISK_CLASSES } from './scoring-method.ts';

describe('delegation matrix', () => {
  it('names collector up to 10 k€, credit manager up to 100 k€, director above (class A)', () => {
    expect(
      [0, 1_000_000, 1_000_001, 10_000_000, 10_000_001, 1e12].map((a) =>
        requiredRole(DEFAULT_DELEGATION_MATRIX, 'A', a),
      ),
    ).toEqual(['collector', 'collector', 'credit_manager', 'credit_manager', 'director', 'director']);
  });

  it('asks for more seniority on riskier classes and treats an unscored customer as class D', () => {
    expect(requiredRole(DEFAULT_DELEGATION_MATRIX, 'C', 600_000)).toBe('credit_manager');
    expect(requiredRole(DEFAULT_DELEGATION_MATRIX, 'D', 100)).toBe('credit_manager');
    expect(requiredRole(DEFAULT_DELEGATION_MATRIX, 'E', 100)).toBe('director');
    expect(requiredRole(DEFAULT_DELEGATION_MATRIX, null, 2_500_000)).toBe('director');
  });

  it('lets a more senior role approve what a junior may, never the reverse', () => {
    expect(mayApprove(DEFAULT_DELEGATION_MATRIX, 'director', 'A', 500_000)).toBe(true);
    expect(mayApprove(DEFAULT_DELEGATION_MATRIX, 'collector', 'A', 2_000_000)).toBe(false);
    expect(mayApprove(DEFAULT_DELEGATION_MATRIX, 'salesperson', 'A', 1)).toBe(false);
  });

  it('needs a role at least as senior when the amount grows or the class worsens (property)', () => {
    const rank = (role: string | null) => DEFAULT_DELEGATION_MATRIX.levels.findIndex((l) => l.role === role);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 1e10 }),
        (classA, classB, amount, extra) => {
          const [safer, riskier] = [
            RISK_CLASSES[Math.min(classA, classB)]!,
            RISK_CLASSES[Math.max(classA, classB)]!,
          ];
          const base = rank(requiredRole(DEFAULT_DELEGATION_MATRIX, safer, amount));
          expect(base).toBeGreaterThanOrEqual(0);
          expect(rank(requiredRole(DEFAULT_DELEGATION_MATRIX, safer, amount + extra))).toBeGreaterThanOrEqual(
            base,
          );
          expect(rank(requiredRole(DEFAULT_DELEGATION_MATRIX, riskier, amount))).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });

  it('validates the matrix', () => {
    expect(validateDelegationMatrix(DEFAULT_DELEGATION_MATRIX)).toEqual([]);
    const [collector, manager] = DEFAULT_DELEGATION_MATRIX.levels;
    const bad: DelegationMatrix = {
      ...DEFAULT_DELEGATION_MATRIX,
      levels: [
        collector!,
        {
          role: 'credit_manager',
          maxMinorByClass: { ...manager!.maxMinorByClass, A: 500_000, E: 9_000_000 },
        },
        { role: 'collector', maxMinorByClass: { A: null, B: null, C: null, D: null, E: 1 } },
      ],
    };
    expect(
      validateDelegationMatrix(bad).map((p) => [p.code, p.params['role'], p.params['riskClass'] ?? null]),
    ).toEqual([
      ['ceiling_below_junior_role', 'credit_manager', 'A'],
      // Lowering A to 5 k€ leaves B (100 k€) above its safer neighbour.
      ['ceiling_above_safer_class', 'credit_manager', 'B'],
      ['ceiling_above_safer_class', 'credit_manager', 'E'],
      ['role_duplicated', 'collector', null],
      ['ceiling_below_junior_role', 'collector', 'E'],
      ['no_role_without_ceiling', 'collector', 'E'],
    ]);
    expect(validateDelegationMatrix({ ...DEFAULT_DELEGATION_MATRIX, levels: [] })).toEqual([
      { code: 'matrix_empty', params: {} },
    ]);
  });
});
