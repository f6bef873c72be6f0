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
  updateCompanyIdentity as writeCompanyIdentity,
} from '#db/companies/company-queries';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkLegalMentions, legalMentionsOf, tidyLegalMentions } from './legal-mentions.ts';

export type CompanyInfo = CompanyRow;

export async function findCompany(
  ctx: Pick<AppContext, 'db'>,
  companyId: string,
): Promise<CompanyInfo | null> {
  return selectCompany(ctx.db, companyId);
}

/** The company of a context that no longer (or never did) exist. */
export function unknownCompany(companyId: string): DomainError {
  return new DomainError('not_found', { key: 'errors.company.unknown', params: { company: companyId } });
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

export type CompanyIdentityChange = Partial<CompanyIdentity & { name: string }>;

/**
 * Who the company says it is on its documents and letters: legal name, SIREN, postal address, and
 * the legal mentions of its letters (legal form, share capital, RCS city).
 */
export type CompanyIdentityCard = CompanyIdentity & { name: string };

/** The card of a company row, in the order the API gives it. */
function identityCard(company: CompanyInfo): CompanyIdentityCard {
  const { name, siren, addressLine1, addressLine2, postalCode, city, country } = company;
  return { name, siren, addressLine1, addressLine2, postalCode, city, country, ...legalMentionsOf(company) };
}

export async function getCompanyIdentity(ctx: AppContext): Promise<CompanyIdentityCard> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw unknownCompany(ctx.companyId);
  return identityCard(company);
}

/** Spaces around a value are typing, not identity; an emptied optional line is no line. */
function tidy(change: CompanyIdentityChange): CompanyIdentityChange {
  const tidied: CompanyIdentityChange = { ...change, ...tidyLegalMentions(change) };
  if (change.name !== undefined) tidied.name = change.name.trim();
  if (change.country !== undefined) tidied.country = change.country.trim().toUpperCase();
  for (const key of ['siren', 'addressLine1', 'addressLine2', 'postalCode', 'city'] as const) {
    const value = change[key];
    if (typeof value === 'string') tidied[key] = value.trim() === '' ? null : value.trim();
  }
  return tidied;
}

/**
 * Changes who the company says it is on its documents and letters (name, SIREN, postal address,
 * legal mentions): the one place these are kept; a field left out stays as it is. Admin and credit
 * manager only; audited with before and after.
 */
export async function updateCompanyIdentity(
  ctx: AppContext,
  requested: CompanyIdentityChange,
): Promise<CompanyInfo> {
  const change = tidy(requested);
  if (ctx.user && ctx.user.role !== 'admin' && ctx.user.role !== 'credit_manager')
    throw new DomainError('forbidden', { key: 'errors.company.identityForbidden' });
  if (change.siren != null && !/^\d{9}$/.test(change.siren))
    throw new DomainError('invalid_input', { key: 'errors.company.siren' });
  if (change.country !== undefined && !/^[A-Z]{2}$/.test(change.country))
    throw new DomainError('invalid_input', { key: 'errors.company.country' });
  if (change.name !== undefined && change.name === '')
    throw new DomainError('invalid_input', { key: 'errors.company.nameEmpty' });
  checkLegalMentions(change);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await selectCompany(trx, ctx.companyId);
    if (!before) throw unknownCompany(ctx.companyId);
    // Mentions shown but never stated (the demo's) become stated when saved, as shown.
    const after = { ...before, ...legalMentionsOf(before), ...change };
    await writeCompanyIdentity(trx, ctx.companyId, after);
    await recordAudit(ctx, trx, {
      action: 'company.identity',
      entity: 'company',
      entityKey: ctx.companyId,
      before: identityCard(before),
      after: identityCard(after),
    });
    return after;
  });
}

/** The date analytics use when the caller gives none. */
export async function defaultAsOf(ctx: AppContext): Promise<IsoDate> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw unknownCompany(ctx.companyId);
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
