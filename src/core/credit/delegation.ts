/**
 * Delegation of authority (délégations): who may approve a credit limit, or release a held order,
 * for a customer of a given class and a given amount. The matrix lists roles from the least to the
 * most senior; each holds a ceiling per risk class. The role required is the first one whose
 * ceiling covers the amount — so a junior is never asked to approve what only a senior may, and a
 * senior is not bothered with what a junior can sign. Riskier classes get lower ceilings.
 */
import { type CurrencyCode, ROLES, type Role } from '../types.ts';
import type { Problem } from './reason.ts';
import { RISK_CLASSES, type RiskClass } from './scoring-method.ts';

export interface DelegationLevel {
  role: Role;
  /** Highest amount the role may approve per class; null = no ceiling; 0 = nothing. */
  maxMinorByClass: Record<RiskClass, number | null>;
}

export interface DelegationMatrix {
  currency: CurrencyCode;
  /** From the least to the most senior role. */
  levels: DelegationLevel[];
  /** Class used for a customer with no score (a new customer is judged like a risky one). */
  unscoredClass: RiskClass;
}

/** Collector ≤ 10 k€, credit manager ≤ 100 k€, director above, lower for riskier classes. */
export const DEFAULT_DELEGATION_MATRIX: DelegationMatrix = {
  currency: 'EUR',
  unscoredClass: 'D',
  levels: [
    {
      role: 'collector',
      maxMinorByClass: { A: 1_000_000, B: 1_000_000, C: 500_000, D: 0, E: 0 },
    },
    {
      role: 'credit_manager',
      maxMinorByClass: { A: 10_000_000, B: 10_000_000, C: 5_000_000, D: 2_000_000, E: 0 },
    },
    {
      role: 'director',
      maxMinorByClass: { A: null, B: null, C: null, D: null, E: null },
    },
  ],
};

function covers(ceiling: number | null, amountMinor: number): boolean {
  return ceiling === null || amountMinor <= ceiling;
}

/**
 * The least senior role allowed to approve `amountMinor` for a customer of `riskClass` (null for an
 * unscored customer), or null when no role of the matrix may — which `validateDelegationMatrix`
 * reports as a configuration problem.
 */
export function requiredRole(
  matrix: DelegationMatrix,
  riskClass: RiskClass | null,
  amountMinor: number,
): Role | null {
  const effectiveClass = riskClass ?? matrix.unscoredClass;
  const level = matrix.levels.find((l) => covers(l.maxMinorByClass[effectiveClass], amountMinor));
  return level ? level.role : null;
}

/** Whether `role` may approve the amount itself (it, or a more senior role, is at least the one required). */
export function mayApprove(
  matrix: DelegationMatrix,
  role: Role,
  riskClass: RiskClass | null,
  amountMinor: number,
): boolean {
  const required = requiredRole(matrix, riskClass, amountMinor);
  if (required === null) return false;
  const roleIndex = matrix.levels.findIndex((l) => l.role === role);
  return roleIndex >= 0 && roleIndex >= matrix.levels.findIndex((l) => l.role === required);
}

function levelProblems(level: DelegationLevel, previous: DelegationLevel | undefined): Problem[] {
  const problems: Problem[] = [];
  if (!(ROLES as readonly string[]).includes(level.role)) {
    problems.push({ code: 'role_unknown', params: { role: level.role } });
  }
  RISK_CLASSES.forEach((riskClass, index) => {
    const ceiling = level.maxMinorByClass[riskClass];
    if (ceiling !== null && (!Number.isSafeInteger(ceiling) || ceiling < 0)) {
      problems.push({ code: 'ceiling_invalid', params: { role: level.role, riskClass } });
    }
    // A senior role must be allowed at least what the role below it is.
    const below = previous?.maxMinorByClass[riskClass];
    if (below !== undefined && ceiling !== null && (below === null || ceiling < below)) {
      problems.push({ code: 'ceiling_below_junior_role', params: { role: level.role, riskClass } });
    }
    // A riskier class must not get a higher ceiling than a safer one.
    const saferClass = index > 0 ? RISK_CLASSES[index - 1] : undefined;
    const safer = saferClass === undefined ? undefined : level.maxMinorByClass[saferClass];
    if (safer !== undefined && safer !== null && (ceiling === null || ceiling > safer)) {
      problems.push({ code: 'ceiling_above_safer_class', params: { role: level.role, riskClass } });
    }
  });
  return problems;
}

export function validateDelegationMatrix(matrix: DelegationMatrix): Problem[] {
  const problems: Problem[] = [];
  if (matrix.levels.length === 0) return [{ code: 'matrix_empty', params: {} }];
  const seen = new Set<Role>();
  matrix.levels.forEach((level, index) => {
    if (seen.has(level.role)) problems.push({ code: 'role_duplicated', params: { role: level.role } });
    seen.add(level.role);
    problems.push(...levelProblems(level, matrix.levels[index - 1]));
  });
  // Every amount must have someone to approve it, or a request would wait forever.
  const top = matrix.levels[matrix.levels.length - 1]!;
  for (const riskClass of RISK_CLASSES) {
    if (top.maxMinorByClass[riskClass] !== null) {
      problems.push({ code: 'no_role_without_ceiling', params: { role: top.role, riskClass } });
    }
  }
  return problems;
}
