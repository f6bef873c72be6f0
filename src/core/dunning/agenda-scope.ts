/**
 * Whose agenda a reader sees: a collector their own portfolio, a manager any collector's, every
 * customer, or the customers nobody is assigned to. Pure: the caller brings the reader and whether
 * they hold a portfolio, and turns a refusal into its error.
 */
import { addDays } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

/** What the reader asked for: a collector's e-mail, 'all', 'unassigned', or nothing (their default). */
export type AgendaRequest = string | undefined;

export type AgendaScope = { kind: 'all' } | { kind: 'unassigned' } | { kind: 'collector'; email: string };

export interface AgendaReader {
  /** Absent for the command line and the system, which act for the credit department. */
  role?: string | undefined;
  email?: string | undefined;
  /** Whether the reader holds a portfolio of their own. */
  hasPortfolio: boolean;
}

/** Roles that pick any collector's agenda and see the customers nobody is assigned to. */
export const AGENDA_MANAGER_ROLES: readonly string[] = ['admin', 'credit_manager', 'director', 'auditor'];

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The scope, or 'forbidden' when the reader may not see it. A collector without a portfolio sees
 * every customer, as before portfolios existed; a salesperson's agenda stays narrowed to their own
 * customers elsewhere and takes no collector.
 */
export function resolveAgendaScope(
  reader: AgendaReader,
  requested: AgendaRequest,
): AgendaScope | 'forbidden' {
  const manager = reader.role === undefined || AGENDA_MANAGER_ROLES.includes(reader.role);
  if (reader.role === 'salesperson') return requested === undefined ? { kind: 'all' } : 'forbidden';
  if (requested === 'all') return manager || !reader.hasPortfolio ? { kind: 'all' } : 'forbidden';
  if (requested === 'unassigned') return manager ? { kind: 'unassigned' } : 'forbidden';
  if (requested !== undefined) {
    if (manager || (reader.email !== undefined && sameEmail(requested, reader.email)))
      return { kind: 'collector', email: requested };
    return 'forbidden';
  }
  if (reader.role === 'collector' && reader.hasPortfolio && reader.email !== undefined)
    return { kind: 'collector', email: reader.email };
  return { kind: 'all' };
}

/** Whether a customer assigned to `collectorEmail` (null: nobody) belongs to the scope. */
export function inAgendaScope(scope: AgendaScope, collectorEmail: string | null): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unassigned':
      return collectorEmail === null;
    case 'collector':
      return collectorEmail !== null && sameEmail(collectorEmail, scope.email);
  }
}

/**
 * The last day an entry marked on `asOf` stays hidden: done, the rest of that day; snoozed until a
 * date, the day before it (it returns on that date, which must come after `asOf`).
 */
export function hiddenThroughOf(
  mark: { kind: 'done' } | { kind: 'snoozed'; until: IsoDate },
  asOf: IsoDate,
): IsoDate | 'not_after_as_of' {
  if (mark.kind === 'done') return asOf;
  if (mark.until <= asOf) return 'not_after_as_of';
  return addDays(mark.until, -1);
}
