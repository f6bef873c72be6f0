/**
 * The company identity with the legal mentions of its letters (legal form, share capital, RCS city:
 * migration 0065), as `GET/PUT /api/company/identity` give and take it (also the web app's type).
 */
import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';
import { CompanyIdentitySchema } from './company.ts';

const LegalForm = Nullable(
  Type.String({ maxLength: 60, description: 'legal form as printed on the letters: SA, SAS, SARL…' }),
);
const ShareCapital = Nullable(
  Type.Integer({ minimum: 0, description: 'share capital in minor units (cents) of the company currency' }),
);
const RcsCity = Nullable(
  Type.String({
    maxLength: 100,
    description: 'city of the registry the company is registered at (RCS Lyon)',
  }),
);

export const CompanyIdentityCardSchema = Type.Object({
  ...CompanyIdentitySchema.properties,
  legalForm: LegalForm,
  shareCapitalMinor: ShareCapital,
  rcsCity: RcsCity,
});
export type CompanyIdentityCard = Static<typeof CompanyIdentityCardSchema>;

/** The identity to replace; a legal mention left out stays as it is (older clients send none). */
export const CompanyIdentityChangeSchema = Type.Object({
  ...CompanyIdentitySchema.properties,
  legalForm: Type.Optional(LegalForm),
  shareCapitalMinor: Type.Optional(ShareCapital),
  rcsCity: Type.Optional(RcsCity),
});
