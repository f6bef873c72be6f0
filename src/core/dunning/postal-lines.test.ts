import { describe, expect, it } from 'vitest';
import { hasPostalAddress, localityLines } from './postal-lines.ts';

describe('the locality lines of a postal address', () => {
  it('puts the postcode before the town in France and most of Europe', () => {
    expect(localityLines('FR', '69003', 'Lyon')).toEqual(['69003 LYON']);
    expect(localityLines('NL', '1012 AB', 'Amsterdam')).toEqual(['1012 AB AMSTERDAM']);
  });

  it('puts the post town first and the postcode on its own line in the United Kingdom', () => {
    expect(localityLines('GB', 'm1 1ae', 'Manchester')).toEqual(['MANCHESTER', 'M1 1AE']);
  });

  it('puts the town before the postcode on one line in North America', () => {
    expect(localityLines('US', '10001', 'New York')).toEqual(['NEW YORK 10001']);
  });

  it('leaves out what is missing', () => {
    expect(localityLines('FR', null, 'Lyon')).toEqual(['LYON']);
    expect(localityLines('GB', '', null)).toEqual([]);
  });
});

describe('hasPostalAddress', () => {
  const address = {
    addressLine1: '12 rue de la Paix',
    addressLine2: null,
    postalCode: '75002',
    city: 'Paris',
  };
  it('needs a street line and a town, not a postcode', () => {
    expect(hasPostalAddress(address)).toBe(true);
    expect(hasPostalAddress({ ...address, addressLine1: null, addressLine2: 'BP 12' })).toBe(true);
    expect(hasPostalAddress({ ...address, postalCode: null })).toBe(true);
    expect(hasPostalAddress({ ...address, city: '  ' })).toBe(false);
    expect(hasPostalAddress({ ...address, addressLine1: ' ' })).toBe(false);
  });
});
