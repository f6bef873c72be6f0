/**
 * Companies (tenants) and the default "as of" date: the demo company has a fixed reference
 * date so that its story reads the same whatever today's date is.
 */
import type { IsoDate } from '#core/types';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export interface CompanyInfo {
  companyId: string;
  name: string;
  currency: string;
  referenceDate: IsoDate | null;
}

export async function findCompany(
  ctx: Pick<AppContext, 'db'>,
  companyId: string,
): Promise<CompanyInfo | null> {
  const row = await ctx.db
    .selectFrom('companies')
    .select(['company_id', 'name', 'currency', 'reference_date'])
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    companyId: row.company_id,
    name: row.name,
    currency: row.currency,
    referenceDate: row.reference_date,
  };
}

export async function listCompanies(ctx: Pick<AppContext, 'db'>): Promise<CompanyInfo[]> {
  const rows = await ctx.db
    .selectFrom('companies')
    .select(['company_id', 'name', 'currency', 'reference_date'])
    .orderBy('company_id')
    .execute();
  return rows.map((row) => ({
    companyId: row.company_id,
    name: row.name,
    currency: row.currency,
    referenceDate: row.reference_date,
  }));
}

export async function ensureCompany(
  ctx: Pick<AppContext, 'db'>,
  company: { companyId: string; name: string; currency?: string; referenceDate?: IsoDate | null },
): Promise<void> {
  await ctx.db
    .insertInto('companies')
    .values({
      company_id: company.companyId,
      name: company.name,
      currency: company.currency ?? 'EUR',
      reference_date: company.referenceDate ?? null,
    })
    .onConflict((conflict) => conflict.column('company_id').doNothing())
    .execute();
}

/** The date analytics use when the caller gives none. */
export async function defaultAsOf(ctx: AppContext): Promise<IsoDate> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw new DomainError('not_found', `unknown company: ${ctx.companyId}`);
  return company.referenceDate ?? ctx.clock.today();
}
