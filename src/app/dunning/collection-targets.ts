/**
 * A collector's monthly collection target and its progress: what the customers of their
 * portfolio paid in the month up to the agenda's date, against the target set for that month.
 */
import { addDays, isValidIsoDate } from '#core/calendar';
import type { IsoDate } from '#core/types';
import { insertAudit } from '#db/audit/audit-queries';
import type { CollectorRow } from '#db/dunning/collector-queries';
import { selectCollectedByCollector, selectTargets, upsertTarget } from '#db/dunning/target-queries';
import { type Lang, translator } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { collectorUser, listCollectors } from './collectors.ts';
import { notADate } from './error-params.ts';
import { loadPolicies } from './plan-data.ts';

export interface TargetProgress {
  collector: string;
  name: string;
  month: string;
  currency: string;
  /** null: no target set for the month. */
  targetMinor: number | null;
  /** Paid in the month up to the as-of date by the customers of the portfolio, net of bounces. */
  collectedMinor: number;
  /** collected / target in basis points (10,000 = reached); null without a target. */
  progressBp: number | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

async function companyCurrencyOf(ctx: AppContext): Promise<string> {
  return (await loadPolicies(ctx.db, ctx.companyId))[0]?.currency ?? 'EUR';
}

/** Sets (or replaces) a collector's target for a month; audited. */
export async function setCollectionTarget(
  ctx: AppContext,
  input: { collector: string; month: string; amountMinor: number; lang?: Lang },
): Promise<TargetProgress> {
  const lang = input.lang ?? 'en';
  if (!MONTH.test(input.month))
    throw new DomainError('invalid_input', translator(lang)('agenda.error.month', { month: input.month }));
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 0)
    throw new DomainError('invalid_input', translator(lang)('agenda.error.targetAmount'));
  const collector = await collectorUser(ctx, input.collector, lang);
  const currency = await companyCurrencyOf(ctx);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await upsertTarget(
      trx,
      ctx.companyId,
      ctx.actor,
      { collectorEmail: collector, month: input.month, amountMinor: input.amountMinor, currency },
      at,
    );
    await insertAudit(trx, ctx.companyId, ctx.actor, {
      at,
      action: 'agenda.target',
      entity: 'user',
      entityKey: collector,
      before: before === null ? null : { month: input.month, amountMinor: before },
      after: { month: input.month, amountMinor: input.amountMinor, currency },
    });
  });
  const month = `${input.month}-01`;
  const progress = await targetProgress(ctx, lastDayOfMonth(month));
  const own = progress.find((row) => row.collector === collector);
  if (!own) throw new Error(`no progress for ${collector}`);
  return own;
}

function lastDayOfMonth(firstDay: IsoDate): IsoDate {
  const [year, month] = firstDay.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Every collector's target for the month of `asOf` and what came in from the 1st to `asOf`. */
export async function targetProgress(
  ctx: AppContext,
  asOf: IsoDate,
  /** The company's collectors when the caller has read them already (the agenda has). */
  knownCollectors?: readonly CollectorRow[],
): Promise<TargetProgress[]> {
  if (!isValidIsoDate(asOf)) throw notADate('asOf', asOf);
  const month = asOf.slice(0, 7);
  const currency = await companyCurrencyOf(ctx);
  const [collectors, targets, collected] = await Promise.all([
    knownCollectors ?? listCollectors(ctx),
    selectTargets(ctx.db, ctx.companyId, month),
    selectCollectedByCollector(ctx.db, ctx.companyId, { from: `${month}-01`, to: asOf, currency }),
  ]);
  const targetOf = new Map(targets.map((row) => [row.collectorEmail, row.amountMinor]));
  return collectors.map(({ email, name }) => {
    const targetMinor = targetOf.get(email) ?? null;
    const collectedMinor = collected.get(email) ?? 0;
    return {
      collector: email,
      name,
      month,
      currency,
      targetMinor,
      collectedMinor,
      progressBp:
        targetMinor === null || targetMinor === 0
          ? null
          : Math.round((collectedMinor * 10_000) / targetMinor),
    };
  });
}
