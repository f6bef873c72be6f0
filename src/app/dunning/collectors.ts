/**
 * Collectors and their portfolios: who works which customer on the agenda, and what a collector
 * did with an entry of the day (done, snoozed until a date, handed to a colleague with the
 * customer's open call tasks). Every change is written to the audit log.
 */

import { isValidIsoDate } from '#core/calendar';
import {
  type AgendaRequest,
  type AgendaScope,
  hiddenThroughOf,
  resolveAgendaScope,
} from '#core/dunning/agenda-scope';
import type { IsoDate } from '#core/types';
import { insertAudit, insertAudits } from '#db/audit/audit-queries';
import { findUsersByEmail } from '#db/auth/auth-queries';
import {
  type CollectorRow,
  reassignOpenTasks,
  selectCollectors,
  selectKnownCustomerCodes,
  selectPortfolios,
  upsertEntryMark,
  writePortfolio,
} from '#db/dunning/collector-queries';
import { type Lang, translator } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { resolveRunDate } from './plan-run.ts';

/** Roles whose users may hold a portfolio: those who work the customers' accounts. */
const PORTFOLIO_ROLES = new Set(['collector', 'credit_manager', 'admin']);

/** The company user a portfolio names, by e-mail (any case); refused when none may hold one. */
export async function collectorUser(ctx: AppContext, email: string, lang: Lang): Promise<string> {
  const user = (await findUsersByEmail(ctx.db, email.trim(), ctx.companyId))[0];
  if (!user || user.disabled || !PORTFOLIO_ROLES.has(user.role))
    throw new DomainError('not_found', translator(lang)('agenda.error.noCollector', { email }));
  return user.email;
}

/**
 * Whose agenda the reader sees (see `resolveAgendaScope`), with every assignment of the company
 * (customer code → collector e-mail), which the agenda shows beside each entry.
 */
export async function agendaScopeOf(
  ctx: AppContext,
  requested: AgendaRequest,
  lang: Lang,
): Promise<{ scope: AgendaScope; assignments: Map<string, string> }> {
  const rows = await selectPortfolios(ctx.db, ctx.companyId);
  const assignments = new Map(rows.map((r) => [r.customerCode, r.collectorEmail]));
  const email = ctx.user?.email.toLowerCase();
  const scope = resolveAgendaScope(
    {
      role: ctx.user?.role,
      email: ctx.user?.email,
      hasPortfolio: email !== undefined && rows.some((r) => r.collectorEmail.toLowerCase() === email),
    },
    requested?.trim() || undefined,
  );
  if (scope === 'forbidden') throw new DomainError('forbidden', translator(lang)('agenda.error.notYours'));
  if (scope.kind === 'collector')
    return { scope: { ...scope, email: scope.email.toLowerCase() }, assignments };
  return { scope, assignments };
}

export async function listCollectors(ctx: AppContext): Promise<CollectorRow[]> {
  return selectCollectors(ctx.db, ctx.companyId);
}

export interface AssignOutcome {
  collector: string | null;
  assigned: string[];
  /** Codes already in that portfolio: nothing was written for them. */
  unchanged: string[];
}

/** Puts the customers in the collector's portfolio (null: takes them out of any portfolio). */
export async function assignPortfolio(
  ctx: AppContext,
  input: { customerCodes: readonly string[]; collector: string | null; lang?: Lang },
): Promise<AssignOutcome> {
  const lang = input.lang ?? 'en';
  const codes = [...new Set(input.customerCodes.map((c) => c.trim()).filter((c) => c !== ''))];
  if (codes.length === 0) throw new DomainError('invalid_input', translator(lang)('agenda.error.noCustomer'));
  const collector = input.collector === null ? null : await collectorUser(ctx, input.collector, lang);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const known = await selectKnownCustomerCodes(trx, ctx.companyId, codes);
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw new DomainError(
        'not_found',
        translator(lang)('agenda.error.unknownCustomers', { codes: unknown.join(', ') }),
        {
          unknown,
        },
      );
    const before = await writePortfolio(trx, ctx.companyId, ctx.actor, {
      customerCodes: codes,
      collectorEmail: collector,
      at,
    });
    const changed = codes.filter((c) => (before.get(c) ?? null) !== collector);
    await insertAudits(
      trx,
      ctx.companyId,
      ctx.actor,
      changed.map((code) => ({
        at,
        action: 'agenda.assign',
        entity: 'customer',
        entityKey: code,
        before: { collector: before.get(code) ?? null },
        after: { collector },
      })),
    );
    return { collector, assigned: changed, unchanged: codes.filter((c) => !changed.includes(c)) };
  });
}

export type EntryDecision =
  | { kind: 'done' }
  | { kind: 'snoozed'; until: IsoDate }
  | { kind: 'reassigned'; collector: string };

export interface EntryDecisionOutcome {
  customerCode: string;
  asOf: IsoDate;
  decision: EntryDecision['kind'];
  /** The last day the entry stays off the agenda; null for a reassignment. */
  hiddenThrough: IsoDate | null;
  collector: string | null;
  /** Open call tasks handed to the new collector. */
  reassignedTaskIds: number[];
}

/**
 * Records what was done with a customer's entry on the agenda of `asOf`. A collector acts only on
 * their own customers and the unassigned ones.
 */
export async function decideAgendaEntry(
  ctx: AppContext,
  input: { customerCode: string; decision: EntryDecision; asOf?: string | undefined; lang?: Lang },
): Promise<EntryDecisionOutcome> {
  const lang = input.lang ?? 'en';
  const t = translator(lang);
  const asOf = await resolveRunDate(ctx, input.asOf);
  const code = input.customerCode.trim();
  if ((await selectKnownCustomerCodes(ctx.db, ctx.companyId, [code])).size === 0)
    throw new DomainError('not_found', t('agenda.error.unknownCustomers', { codes: code }));
  const current = (await selectPortfolios(ctx.db, ctx.companyId)).find((r) => r.customerCode === code);
  if (
    ctx.user?.role === 'collector' &&
    current !== undefined &&
    current.collectorEmail.toLowerCase() !== ctx.user.email.toLowerCase()
  )
    throw new DomainError('forbidden', t('agenda.error.notYours'));
  const decision = input.decision;
  if (decision.kind === 'reassigned') {
    const collector = await collectorUser(ctx, decision.collector, lang);
    const at = ctx.clock.now();
    return ctx.db.transaction().execute(async (trx) => {
      await writePortfolio(trx, ctx.companyId, ctx.actor, {
        customerCodes: [code],
        collectorEmail: collector,
        at,
      });
      const taskIds = await reassignOpenTasks(trx, ctx.companyId, code, collector);
      await insertAudit(trx, ctx.companyId, ctx.actor, {
        at,
        action: 'agenda.reassign',
        entity: 'customer',
        entityKey: code,
        before: { collector: current?.collectorEmail ?? null },
        after: { collector, asOf, taskIds },
      });
      return {
        customerCode: code,
        asOf,
        decision: decision.kind,
        hiddenThrough: null,
        collector,
        reassignedTaskIds: taskIds,
      };
    });
  }
  if (decision.kind === 'snoozed' && !isValidIsoDate(decision.until))
    throw new DomainError('invalid_input', t('agenda.error.badDate', { value: decision.until }));
  const hiddenThrough = hiddenThroughOf(decision, asOf);
  if (hiddenThrough === 'not_after_as_of')
    throw new DomainError('invalid_input', t('agenda.error.snoozeNotAfter', { asOf }));
  return ctx.db.transaction().execute(async (trx) => {
    const before = await upsertEntryMark(trx, ctx.companyId, ctx.actor, {
      customerCode: code,
      mark: decision.kind,
      markedOn: asOf,
      hiddenThrough,
    });
    await insertAudit(trx, ctx.companyId, ctx.actor, {
      ...(decision.kind === 'done' ? { action: 'agenda.done' } : { action: 'agenda.snooze' }),
      entity: 'customer',
      entityKey: code,
      before,
      after: { mark: decision.kind, markedOn: asOf, hiddenThrough },
    });
    return {
      customerCode: code,
      asOf,
      decision: decision.kind,
      hiddenThrough,
      collector: current?.collectorEmail ?? null,
      reassignedTaskIds: [],
    };
  });
}
