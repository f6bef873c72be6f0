/**
 * Companies (tenants) and the default "as of" date: the demo company has a fixed reference
 * date so that its story reads the same whatever today's date is.
 */
import type { IsoDate } from '#core/types';
import {
  type CompanyIdentity,
  type CompanyRow,
  insertCompanyIfAbsent,
  selectCompanies,
  selectCompany,
} from '#db/companies/company-queries';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export type CompanyInfo = CompanyRow;

export async function findCompany(
  ctx: Pick<AppContext, 'db'>,
  companyId: string,
): Promise<CompanyInfo | null> {
  return selectCompany(ctx.db, companyId);
}

export async function listCompanies(ctx: Pick<AppContext, 'db'>): Promise<CompanyInfo[]> {
  return selectCompanies(ctx.db);
}

export async function ensureCompany(
  ctx: Pick<AppContext, 'db'>,
  company: {
    companyId: string;
    name: string;
    currency?: string;
    referenceDate?: IsoDate | null;
    identity?: Partial<CompanyIdentity> | undefined;
  },
): Promise<void> {
  await insertCompanyIfAbsent(ctx.db, {
    companyId: company.companyId,
    name: company.name,
    currency: company.currency ?? 'EUR',
    referenceDate: company.referenceDate ?? null,
    identity: company.identity,
  });
}

/** The date analytics use when the caller gives none. */
export async function defaultAsOf(ctx: AppContext): Promise<IsoDate> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw new DomainError('not_found', `unknown company: ${ctx.companyId}`);
  return company.referenceDate ?? ctx.clock.today();
}
