/**
 * The lawyer the legal hand-over tests hand their files to: one firm, its terms written once.
 */
import type { PartnerInput } from '#db/legal/handover-queries';

export const CABINET_DURAND: PartnerInput = {
  name: 'Cabinet Durand',
  kind: 'lawyer',
  email: 'contentieux@durand.example',
  addressLines: ['Maître Paul Durand', '3 place Bellecour', '69002 Lyon'],
  amicableCommissionBps: 1000,
  judicialCommissionBps: 1800,
  fileFeeMinor: 0,
  judicialFeeMinor: 0,
  currency: 'EUR',
};
