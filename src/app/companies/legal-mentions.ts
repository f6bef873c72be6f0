/**
 * The legal mentions of a company's letters beside its SIREN and registered office (art. R123-237
 * and R123-238 C. com.): legal form, share capital, city of the registry (« RCS Lyon »). Checked
 * here when set; the demo company states invented ones until someone states its own.
 */
import type { CompanyLegalMentions, CompanyRow } from '#db/companies/company-queries';
import { DomainError } from '../errors.ts';

const DEMO_COMPANY = 'CB2C';

/**
 * SA CB2C's (invented, like the rest of its data): an SA registered at the registry of Lyon, where
 * its office is, with a capital of 1,500,000 € (well above an SA's legal minimum of 37,000 €).
 */
const DEMO_LEGAL_MENTIONS: CompanyLegalMentions = {
  legalForm: 'SA',
  shareCapitalMinor: 150_000_000,
  rcsCity: 'Lyon',
};

/**
 * What the company's letters state: its own mentions, or the demo company's invented ones while it
 * has stated none (the same rule as its letter details in the dunning settings).
 */
export function legalMentionsOf(company: CompanyRow): CompanyLegalMentions {
  const { legalForm, shareCapitalMinor, rcsCity } = company;
  const stated = legalForm !== null || shareCapitalMinor !== null || rcsCity !== null;
  if (!stated && company.companyId === DEMO_COMPANY) return { ...DEMO_LEGAL_MENTIONS };
  return { legalForm, shareCapitalMinor, rcsCity };
}

/** Spaces around a value are typing; an emptied mention is no mention. */
export function tidyLegalMentions(change: Partial<CompanyLegalMentions>): Partial<CompanyLegalMentions> {
  const tidied: Partial<CompanyLegalMentions> = {};
  for (const key of ['legalForm', 'rcsCity'] as const) {
    const value = change[key];
    if (value !== undefined) tidied[key] = value === null || value.trim() === '' ? null : value.trim();
  }
  if (change.shareCapitalMinor !== undefined) tidied.shareCapitalMinor = change.shareCapitalMinor;
  return tidied;
}

export function checkLegalMentions(change: Partial<CompanyLegalMentions>): void {
  const capital = change.shareCapitalMinor;
  if (capital != null && !(Number.isSafeInteger(capital) && capital >= 0))
    throw new DomainError('invalid_input', { key: 'errors.company.shareCapital' });
  if (change.legalForm != null && change.legalForm.length > 60)
    throw new DomainError('invalid_input', { key: 'errors.company.legalForm', params: { max: 60 } });
  if (change.rcsCity != null && change.rcsCity.length > 100)
    throw new DomainError('invalid_input', { key: 'errors.company.rcsCity', params: { max: 100 } });
}
