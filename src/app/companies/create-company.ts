/**
 * Creating a company (tenant) on purpose, with its name, currency and SIREN, rather than as a side
 * effect of a first import under `--company` (which names it after its code).
 */
import { isLuhnValid } from '#core/company-ids';
import { isCurrencyCode } from '#core/money';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { installForecastSchedule } from '../forecast/forecast-schedule.ts';
import { type CompanyInfo, ensureCompany, findCompany } from './companies.ts';

export interface CreateCompanyInput {
  companyId: string;
  name: string;
  currency?: string | undefined;
  siren?: string | undefined;
}

/** Codes travel on command lines, in URLs and file names: letters, digits, '-', '_' and '.'. */
const COMPANY_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * With a clock, the company gets its weekly forecast schedule at once (forecast-schedule.ts);
 * without one, the next job worker to start installs it.
 */
export async function createCompany(
  ctx: Pick<AppContext, 'db' | 'actor'> & Partial<Pick<AppContext, 'clock'>>,
  input: CreateCompanyInput,
): Promise<CompanyInfo> {
  const companyId = input.companyId.trim();
  const name = input.name.trim();
  const currency = (input.currency ?? 'EUR').trim().toUpperCase();
  const siren = input.siren?.replace(/[\s.]/g, '');
  if (!COMPANY_CODE.test(companyId)) throw new DomainError('invalid_input', { key: 'errors.company.code' });
  if (name === '') throw new DomainError('invalid_input', { key: 'errors.company.nameEmpty' });
  if (!isCurrencyCode(currency))
    throw new DomainError('invalid_input', { key: 'errors.company.currency', params: { currency } });
  if (siren !== undefined && !(/^\d{9}$/.test(siren) && isLuhnValid(siren)))
    throw new DomainError('invalid_input', { key: 'errors.company.sirenKey' });
  return ctx.db.transaction().execute(async (trx) => {
    const created = await ensureCompany(
      { db: trx },
      { companyId, name, currency, ...(siren ? { identity: { siren } } : {}) },
    );
    if (!created)
      throw new DomainError('conflict', { key: 'errors.company.exists', params: { company: companyId } });
    await recordAudit({ companyId, actor: ctx.actor }, trx, {
      action: 'company.create',
      entity: 'company',
      entityKey: companyId,
      before: null,
      after: { name, currency, siren: siren ?? null },
    });
    if (ctx.clock) await installForecastSchedule(trx, companyId, ctx.actor, ctx.clock.now());
    const company = await findCompany({ db: trx }, companyId);
    if (!company) throw new Error(`company ${companyId} vanished while being created`);
    return company;
  });
}
