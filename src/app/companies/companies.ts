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
): Promise<boolean> {
  return insertCompanyIfAbsent(ctx.db, {
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

/**
 * The company a FEC belongs to, from its legal file name `SIRENFECyyyymmdd…` (A47 A-1 of the LPF):
 * its SIREN, which also serves as its code when no company is named.
 */
export function companyOfFecFileName(fileName: string): { siren: string } | null {
  const match = /^(\d{9})FEC\d{8}/i.exec(fileName);
  return match?.[1] ? { siren: match[1] } : null;
}
