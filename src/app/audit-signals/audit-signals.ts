/**
 * The internal-audit report: signals of possible fraud or embezzlement over a period, each with its
 * evidence worded for the auditor, and the thresholds in force (company settings over the core's
 * defaults). Reading only; changing the thresholds is audited.
 */
import {
  type AuditSignal,
  type AuditSignalThresholds,
  DEFAULT_THRESHOLDS,
  detectAuditSignals,
  SIGNAL_KINDS,
  type SignalKind,
  validateThresholds,
} from '#core/audit-signals/signals';
import { addDays, addMonths, isValidIsoDate } from '#core/calendar';
import { readAuditFacts, selectAuditThresholds, upsertAuditThresholds } from '#db/audit-signals/audit-facts';
import { inReportSnapshot } from '#db/reports/report-session';
import { hasMessage, type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export interface AuditSignalsInput {
  from?: string | undefined;
  to?: string | undefined;
  lang?: Lang | undefined;
}

export interface ExplainedSignal extends AuditSignal {
  title: string;
  message: string;
}

export interface AuditSignalsReport {
  from: string;
  to: string;
  thresholds: AuditSignalThresholds;
  counts: Record<SignalKind, number>;
  signals: ExplainedSignal[];
}

function thresholdsOf(stored: unknown): AuditSignalThresholds {
  const merged = { ...DEFAULT_THRESHOLDS };
  if (stored && typeof stored === 'object')
    for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof AuditSignalThresholds)[]) {
      const value = (stored as Record<string, unknown>)[key];
      if (typeof value === 'number') merged[key] = value;
    }
  return merged;
}

export async function auditThresholds(ctx: AppContext): Promise<AuditSignalThresholds> {
  return thresholdsOf(await selectAuditThresholds(ctx.db, ctx.companyId));
}

/**
 * How a credit came in: imported (its file, who ran the import) or loaded with the demo — no one
 * entered it in Encours, so « saisi par utilisateur inconnu » would mislead — else who entered it.
 */
function enteredWords(lang: Lang, signal: AuditSignal, users: string): string {
  const t = translator(lang);
  const origin = signal.importOrigin;
  if (origin?.kind === 'load') return t('auditSignals.entered.load');
  if (origin?.kind === 'import') {
    const by = origin.actor === 'cli' ? 'cli' : (signal.users[0] ?? 'none');
    return t('auditSignals.entered.import', { by, file: origin.fileName });
  }
  return t('auditSignals.entered.user', { users });
}

/** Figures of the evidence for the sentence: amounts and dates formatted, codes as they are. */
function signalParams(lang: Lang, signal: AuditSignal): Record<string, string | number> {
  const t = translator(lang);
  const date = (iso: string) => formatDate(lang, iso);
  const users = signal.users.length > 0 ? signal.users.join(', ') : t('auditSignals.unknownUser');
  const params: Record<string, string | number> = {
    date: date(signal.date),
    amount: formatMoney(lang, signal.amountMinor, signal.currency),
    users,
    entered: enteredWords(lang, signal, users),
    customer: signal.customerCodes[0] ?? '',
    customers: signal.customerCodes.join(', '),
    document: signal.documents[0] ?? '',
    documents: signal.documents.join(', '),
  };
  for (const [key, value] of Object.entries(signal.evidence)) {
    if (key.endsWith('Minor') && typeof value === 'number')
      params[key.slice(0, -'Minor'.length)] = formatMoney(lang, value, signal.currency);
    else if (typeof value === 'string' && isValidIsoDate(value)) params[key] = date(value);
    else params[key] = value;
  }
  return params;
}

export function explainSignal(lang: Lang, signal: AuditSignal): ExplainedSignal {
  const t = translator(lang);
  return {
    ...signal,
    title: t(`auditSignals.kind.${signal.kind}`),
    message: t(`auditSignals.message.${signal.kind}`, signalParams(lang, signal)),
  };
}

export async function listAuditSignals(
  ctx: AppContext,
  input: AuditSignalsInput = {},
): Promise<AuditSignalsReport> {
  for (const date of [input.from, input.to])
    if (date !== undefined && !isValidIsoDate(date))
      throw new DomainError('invalid_input', { key: 'errors.common.date', params: { value: date } });
  const to = input.to ?? (await defaultAsOf(ctx));
  const from = input.from ?? addDays(addMonths(to, -12), 1);
  if (from > to)
    throw new DomainError('invalid_input', {
      key: 'errors.common.period',
      params: { from: (lang) => formatDate(lang, from), to: (lang) => formatDate(lang, to) },
    });
  const lang = input.lang ?? 'fr';
  const { thresholds, facts } = await inReportSnapshot(ctx.db, async (trx) => ({
    thresholds: thresholdsOf(await selectAuditThresholds(trx, ctx.companyId)),
    facts: await readAuditFacts(trx, ctx.companyId, { from, to }),
  }));
  const signals = detectAuditSignals(facts, thresholds).map((signal) => explainSignal(lang, signal));
  const counts = Object.fromEntries(SIGNAL_KINDS.map((kind) => [kind, 0])) as Record<SignalKind, number>;
  for (const signal of signals) counts[signal.kind] += 1;
  return { from, to, thresholds, counts, signals };
}

/** The names of thresholds as the settings page shows them (a name it does not know, as given). */
function thresholdNames(fields: readonly string[]): (lang: Lang) => string {
  return (lang) =>
    fields
      .map((field) => {
        const key = `auditSignals.threshold.${field}`;
        return hasMessage(key, lang) ? translator(lang)(key) : field;
      })
      .join(', ');
}

export async function setAuditThresholds(
  ctx: AppContext,
  patch: Partial<AuditSignalThresholds>,
): Promise<AuditSignalThresholds> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = thresholdsOf(await selectAuditThresholds(trx, ctx.companyId));
    const after = thresholdsOf({ ...before, ...patch });
    const problems = validateThresholds(after);
    if (problems.length > 0)
      throw new DomainError(
        'invalid_input',
        { key: 'errors.auditSignals.thresholds', params: { fields: thresholdNames(problems) } },
        { problems },
      );
    await upsertAuditThresholds(trx, ctx.companyId, ctx.actor, after);
    await recordAudit(ctx, trx, {
      action: 'audit.thresholds',
      entity: 'audit_signal_settings',
      entityKey: ctx.companyId,
      before,
      after,
    });
    return after;
  });
}
