import { describe, expect, it } from 'vitest';
import type { CompanyRow } from '#db/companies/company-queries';
import { checkLegalMentions, legalMentionsOf, tidyLegalMentions } from './legal-mentions.ts';

const row = (companyId: string, mentions: Partial<CompanyRow> = {}): CompanyRow => ({
  companyId,
  name: 'X',
  currency: 'EUR',
  referenceDate: null,
  siren: '552100554',
  addressLine1: null,
  addressLine2: null,
  postalCode: null,
  city: null,
  country: 'FR',
  legalForm: null,
  shareCapitalMinor: null,
  rcsCity: null,
  ...mentions,
});

describe('legal mentions', () => {
  it('gives the demo company invented ones until it states its own, and no other company any', () => {
    expect(legalMentionsOf(row('CB2C'))).toEqual({
      legalForm: 'SA',
      shareCapitalMinor: 150_000_000,
      rcsCity: 'Lyon',
    });
    expect(legalMentionsOf(row('CB2C', { rcsCity: 'Paris' }))).toEqual({
      legalForm: null,
      shareCapitalMinor: null,
      rcsCity: 'Paris',
    });
    expect(legalMentionsOf(row('ACME'))).toEqual({ legalForm: null, shareCapitalMinor: null, rcsCity: null });
  });

  it('tidies what was typed and refuses what no letter can print', () => {
    expect(tidyLegalMentions({ legalForm: '  SAS ', rcsCity: ' ', shareCapitalMinor: 100 })).toEqual({
      legalForm: 'SAS',
      rcsCity: null,
      shareCapitalMinor: 100,
    });
    expect(tidyLegalMentions({})).toEqual({});
    for (const wrong of [
      { shareCapitalMinor: -1 },
      { shareCapitalMinor: 0.5 },
      { legalForm: 'x'.repeat(61) },
    ])
      expect(() => checkLegalMentions(wrong), JSON.stringify(wrong)).toThrow();
    expect(() => checkLegalMentions({ shareCapitalMinor: 0, legalForm: 'SA', rcsCity: null })).not.toThrow();
  });
});
