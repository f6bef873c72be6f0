/**
 * The order check's limit reasons name what their figure is: the exposure (open receivables plus
 * the orders not yet invoiced), never the « encours » alone (glossary: encours = open receivables).
 * Figures of the demo's Brunet Distribution, whose encours is 39 738,08 €. The customer itself reads
 * only what is its own: its overdue invoices, its order, its promotion.
 */
import { describe, expect, it } from 'vitest';
import type { Reason } from '#core/credit/reason';
import { customerReasonMessages, reasonMessage } from './reasons.ts';

// Intl separates thousands and currency signs with no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const OVER_LIMIT = {
  code: 'over_limit',
  figures: {
    exposureMinor: 4_443_349,
    orderMinor: 437_927,
    exposureAfterMinor: 4_881_276,
    limitMinor: 2_000_000,
    toleranceMinor: 100_000,
    excessMinor: 2_881_276,
  },
};

const GROUP_OVER_LIMIT = {
  code: 'group_over_limit',
  figures: {
    groupCode: 'C00040',
    groupExposureMinor: 9_000_000,
    orderMinor: 1_500_000,
    groupExposureAfterMinor: 10_500_000,
    groupLimitMinor: 10_000_000,
    toleranceMinor: 0,
    excessMinor: 500_000,
  },
};

describe('the over-limit reasons', () => {
  it('call the figure the exposure in French, and say what it holds', () => {
    expect(spaced(reasonMessage('fr', OVER_LIMIT, 'EUR'))).toBe(
      'L’exposition de 44 433,49 € (encours et commandes non facturées) plus cette commande de 4 379,27 € ' +
        'la porterait à 48 812,76 €, au-delà de la limite de 20 000,00 € (tolérance 1 000,00 €) : ' +
        'dépassement de 28 812,76 €.',
    );
    expect(spaced(reasonMessage('en', OVER_LIMIT, 'EUR'))).toBe(
      'The exposure of €44,433.49 plus this order of €4,379.27 would bring it to €48,812.76, above the ' +
        'limit of €20,000.00 (tolerance €1,000.00): €28,812.76 over.',
    );
  });

  it('call a group’s figure its exposure too', () => {
    expect(spaced(reasonMessage('fr', GROUP_OVER_LIMIT, 'EUR'))).toBe(
      'L’exposition du groupe C00040 de 90 000,00 € (encours et commandes non facturées de ses membres) ' +
        'plus cette commande de 15 000,00 € la porterait à 105 000,00 €, au-delà de la limite du groupe de ' +
        '100 000,00 € (tolérance 0,00 €) : dépassement de 5 000,00 €.',
    );
  });
});

describe('what the customer reads of a held order', () => {
  const reasons: Reason[] = [
    OVER_LIMIT,
    { code: 'overdue_too_old', figures: { oldestOverdueDays: 94, maxDays: 30, overdueMinor: 1_337_728 } },
    { code: 'risk_class', figures: { riskClass: 'E', score: 23.8 } },
    { code: 'order_kit_incomplete', figures: { element: 'purchase_order_number' } },
    { code: 'promotion_guarantee_missing', figures: { promotionCode: 'ETE26', guarantee: 'deposit' } },
  ];

  it('its overdue invoices, its order and its promotion, in French and English, not the limit', () => {
    expect(customerReasonMessages('fr', reasons, 'EUR').map(spaced)).toEqual([
      'Factures échues restant à régler : 13 377,28 €.',
      'Élément manquant sur la commande : numéro de bon de commande.',
      'La promotion ETE26 demande une garantie que la commande ne porte pas : acompte.',
    ]);
    expect(customerReasonMessages('en', reasons, 'EUR')).toEqual([
      'Overdue invoices still to be paid: €13,377.28.',
      'Missing from the order: purchase order number.',
      'Promotion ETE26 requires a guarantee the order does not carry: deposit.',
    ]);
  });
});
