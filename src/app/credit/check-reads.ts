/**
 * The order check's reads, in one statement on the usual path (selectCheckFacts) instead of a
 * dozen: the company's date and the configuration in force are cached per database and company,
 * and the statement itself says whether they still hold (the reference date, a stamp of the
 * configuration versions), so a change made by another process (the CLI, another server) is
 * seen by the very next check. The figures are assembled by the same code as the separate reads
 * (`assembleRisk`), which the differential test compares with them.
 */
import type { Kysely } from 'kysely';
import type { IsoDate } from '#core/types';
import { type CheckFacts, selectCheckFacts } from '#db/credit/check-facts';
import { selectCheckFactsBatched } from '#db/credit/check-facts-batch';
import type { Database } from '#db/infra/schema';
import { isInScope, salespersonScope } from '../auth/auth.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type CreditConfig, creditConfig } from './configuration.ts';
import { coverLapses } from './cover-lapses.ts';
import { assembleRisk, type CustomerRisk, checkedCustomer, readGroupRisk } from './customer-risk.ts';

interface CachedCheckState {
  asOf: IsoDate;
  configStamp: string;
  config: CreditConfig;
}

/** Keyed by the runtime's database handle (tests open many), then by company. */
const cache = new WeakMap<object, Map<string, CachedCheckState>>();

function cachedState(ctx: AppContext): CachedCheckState | undefined {
  return cache.get(ctx.db)?.get(ctx.companyId);
}

function remember(ctx: AppContext, state: CachedCheckState): void {
  let companies = cache.get(ctx.db);
  if (!companies) {
    companies = new Map();
    cache.set(ctx.db, companies);
  }
  companies.set(ctx.companyId, state);
}

export interface CheckReads {
  asOf: IsoDate;
  config: CreditConfig;
  risk: CustomerRisk;
}

/**
 * The date, configuration and figures of a check of one customer through `db` (the caller's
 * transaction when the decision is recorded: `lock` then locks the customer's row — and its
 * group parent's — before anything is read, so this check reads what the previous one wrote).
 */
export async function readCheck(
  ctx: AppContext,
  db: Kysely<Database>,
  customerCode: string,
  options: { lock: boolean; excludeOrderRef?: string | undefined },
): Promise<CheckReads> {
  if (options.lock) await checkedCustomer(ctx, db, customerCode, true);
  const cached = cachedState(ctx);
  // Through `db`: inside the caller's transaction the embedded engine has no other connection to answer.
  let asOf = cached?.asOf ?? (await defaultAsOf({ ...ctx, db }));
  // Outside a transaction, checks arriving together share one statement (check-facts-batch.ts).
  const select = !options.lock && db === ctx.db ? selectCheckFactsBatched : selectCheckFacts;
  let facts = await select(db, ctx.companyId, customerCode, asOf);
  if (!facts || !isInScope(salespersonScope(ctx), facts.customer.salesperson))
    throw new DomainError('not_found', {
      key: 'errors.credit.unknownCustomer',
      params: { customer: customerCode },
    });
  const current = facts.referenceDate ?? ctx.clock.today();
  if (current !== asOf) {
    // The company's date moved since it was cached (or the day changed): read again as of it.
    asOf = current;
    facts = (await select(db, ctx.companyId, customerCode, asOf)) as CheckFacts;
  }
  const config =
    cached && cached.asOf === asOf && cached.configStamp === facts.configStamp
      ? cached.config
      : await creditConfig(ctx, asOf, db);
  // The stamp was read before the configuration: at worst the next check reads it once more.
  remember(ctx, { asOf, configStamp: facts.configStamp, config });
  return { asOf, config, risk: await riskOf(ctx, db, config, facts, asOf, options) };
}

async function riskOf(
  ctx: AppContext,
  db: Kysely<Database>,
  config: CreditConfig,
  facts: CheckFacts,
  asOf: IsoDate,
  options: { lock: boolean; excludeOrderRef?: string | undefined },
): Promise<CustomerRisk> {
  const { customer, items, orders, limits, cover, score } = facts;
  // A second read only for a customer with a cover in force, as `readCustomerRisk` reads it.
  const lapses = await coverLapses(db, ctx.companyId, asOf, cover ? [cover] : []);
  const base = assembleRisk(
    config,
    customer,
    asOf,
    { items, orders, limits, coverRow: cover, lapsed: lapses.get(customer.code) ?? [], score },
    options.excludeOrderRef,
  );
  const group =
    customer.groupCode !== null || facts.headsGroup
      ? await readGroupRisk(ctx, db, config, customer, asOf, { ...options, headsGroup: facts.headsGroup })
      : null;
  return { ...base, score, group };
}
