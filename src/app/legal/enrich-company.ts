/**
 * `company enrich`: customers' register data (legal name, legal form, creation date, NAF code,
 * headcount band, administrative status, head office, establishments) from the API Recherche
 * d'entreprises, or offline from a file holding its JSON. The register is asked first, outside any
 * transaction (the network must not hold the one embedded connection); then everything is written
 * in one transaction. A company newly seen as ceased raises an alert in the customer's story.
 */
import { type CompanyData, findCompany } from '#core/legal/company-data';
import type { IsoDate } from '#core/types';
import { insertCustomerEvent } from '#db/customers/customer-records';
import { selectEnrichableCustomers, upsertCompanyData } from '#db/legal/legal-queries';
import { hasMessage, type Lang, translator } from '#text/catalogue';
import { storyLine } from '#text/story';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type CompanyDataClient, CompanyDataUnavailable } from './company-data-client.ts';

export type CompanyDataSource =
  | { kind: 'file'; body: unknown }
  | { kind: 'client'; client: CompanyDataClient };

export interface EnrichInput {
  /** One customer; every customer when left out. */
  customerCode?: string | undefined;
  source: CompanyDataSource;
}

export type EnrichOutcome = 'enriched' | 'not_found' | 'no_siren' | 'unavailable';

export interface EnrichItem {
  customerCode: string;
  siren: string | null;
  outcome: EnrichOutcome;
  company: CompanyData | null;
  /** A ceased company not known as such before: an alert was raised. */
  ceasedAlert: boolean;
}

/** The catalogue's words for a legal form: its own label, else its family's (first two digits). */
export function legalFormLabel(lang: Lang, code: string | null): string {
  const t = translator(lang);
  if (code && hasMessage(`legal.form.${code}`, lang)) return t(`legal.form.${code}`);
  if (code && hasMessage(`legal.form.${code.slice(0, 2)}`, lang)) return t(`legal.form.${code.slice(0, 2)}`);
  return t('legal.form.other');
}

export function headcountLabel(lang: Lang, band: string | null): string {
  const t = translator(lang);
  return band && hasMessage(`legal.headcount.${band}`, lang)
    ? t(`legal.headcount.${band}`)
    : t('legal.headcount.other');
}

async function lookUp(source: CompanyDataSource, query: string): Promise<CompanyData | null | 'unavailable'> {
  if (source.kind === 'file') return findCompany(source.body, query);
  try {
    return findCompany(await source.client.search(query), query);
  } catch (error) {
    if (error instanceof CompanyDataUnavailable) return 'unavailable';
    throw error;
  }
}

export async function enrichCustomers(ctx: AppContext, input: EnrichInput): Promise<{ items: EnrichItem[] }> {
  const customers = await selectEnrichableCustomers(ctx.db, ctx.companyId, input.customerCode);
  if (input.customerCode !== undefined && customers.length === 0)
    throw new DomainError('not_found', {
      key: 'errors.credit.unknownCustomer',
      params: { customer: input.customerCode },
    });
  const items: EnrichItem[] = [];
  for (const customer of customers) {
    const query = customer.siren ?? customer.siret;
    const base = { customerCode: customer.code, siren: customer.siren, company: null, ceasedAlert: false };
    if (!query) {
      items.push({ ...base, outcome: 'no_siren' });
      continue;
    }
    const found = await lookUp(input.source, query);
    if (found === 'unavailable' || found === null) {
      items.push({ ...base, outcome: found === null ? 'not_found' : 'unavailable' });
    } else {
      items.push({ ...base, siren: found.siren, outcome: 'enriched', company: found });
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const item of items) {
      if (!item.company) continue;
      const before = await upsertCompanyData(trx, ctx.companyId, ctx.actor, {
        ...item.company,
        customerCode: item.customerCode,
        fetchedAt: ctx.clock.now(),
      });
      if (item.company.administrativeStatus !== 'C' || before === 'C') continue;
      const date: IsoDate = item.company.closingDate ?? ctx.clock.today();
      await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
        customerCode: item.customerCode,
        kind: 'risk_alert' as never,
        eventDate: date,
        documentRef: null,
        ...storyLine('legal.event.ceased', { siren: item.company.siren, date: { date } }),
      });
      item.ceasedAlert = true;
    }
  });
  return { items };
}
