/**
 * The anomalies page's heading over a finding's customers: a portfolio-level finding (the DSO
 * drift, the concentration) lists the book's largest movers, so it names them as the dashboard
 * card does instead of « Clients concernés (5) ». No database: the words of the web page alone.
 */
import { describe, expect, it } from 'vitest';
import { customersHeading } from '../../web/src/pages/anomalies/evidence-text.ts';

describe('the heading of a finding’s customers', () => {
  it('names the DSO drift’s five as the largest balance increases', () => {
    expect(customersHeading('dso_drift', 5, 'fr')).toBe('Les 5 plus fortes hausses d’encours');
    expect(customersHeading('dso_drift', 5, 'en')).toBe('The 5 largest balance increases');
    expect(customersHeading('concentration', 5, 'fr')).toBe('Les 5 premiers encours');
  });

  it('keeps « Clients concernés » for a finding about those customers themselves', () => {
    expect(customersHeading('over_limit', 18, 'fr')).toBe('Clients concernés (18)');
  });
});
