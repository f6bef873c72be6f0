/** The company's identity: who it says it is on its documents and letters. */
import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';

const Line = (description: string, maxLength = 200) => Nullable(Type.String({ maxLength, description }));

export const CompanyIdentitySchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'legal name (raison sociale)' }),
  siren: Nullable(Type.String({ pattern: '^[0-9]{9}$', description: 'SIREN, 9 digits' })),
  addressLine1: Line('street address'),
  addressLine2: Line('address complement'),
  postalCode: Line('postal code', 20),
  city: Line('city', 100),
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code, FR' }),
});
export type CompanyIdentity = Static<typeof CompanyIdentitySchema>;
