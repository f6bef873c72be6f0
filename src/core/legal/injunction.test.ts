import { describe, expect, it } from 'vitest';
import { type InjunctionFacts, injunctionChecklist } from './injunction.ts';

const FACTS: InjunctionFacts = {
  customerType: 'sme',
  customerStatus: 'active',
  country: 'FR',
  legalFormCode: '5710',
  amountMinor: 350_000,
  currency: 'EUR',
  ordersOnRecord: true,
  registeredFormalNoticeDate: '2026-05-12',
  piecesProvided: ['proof_of_delivery'],
};

describe('injunction-to-pay checklist', () => {
  it('sends a debt between traders to the tribunal de commerce, with the small-claims alternative under 5 000 €', () => {
    expect(injunctionChecklist(FACTS)).toEqual({
      court: 'commercial_court',
      courtPresumed: false,
      smallClaimsAlternative: true,
      pieces: [
        { piece: 'invoices', status: 'in_package', date: null },
        { piece: 'order_or_contract', status: 'on_record', date: null },
        { piece: 'proof_of_delivery', status: 'provided', date: null },
        { piece: 'formal_notice_ar', status: 'on_record', date: '2026-05-12' },
        { piece: 'statement', status: 'in_package', date: null },
      ],
      ready: true,
    });
  });

  it('lists what is missing and is not ready without it', () => {
    const checklist = injunctionChecklist({
      ...FACTS,
      amountMinor: 500_001,
      ordersOnRecord: false,
      registeredFormalNoticeDate: null,
      piecesProvided: [],
    });
    expect(checklist.smallClaimsAlternative).toBe(false);
    expect(checklist.pieces.filter((p) => p.status === 'to_provide').map((p) => p.piece)).toEqual([
      'order_or_contract',
      'proof_of_delivery',
      'formal_notice_ar',
    ]);
    expect(checklist.ready).toBe(false);
  });

  it('finds the court from the debtor', () => {
    const court = (facts: Partial<InjunctionFacts>) => injunctionChecklist({ ...FACTS, ...facts });
    expect(court({ legalFormCode: '6540' }).court).toBe('judicial_court');
    expect(court({ legalFormCode: '9220' }).court).toBe('judicial_court');
    expect(court({ legalFormCode: null })).toMatchObject({ court: 'commercial_court', courtPresumed: true });
    expect(court({ customerType: 'public_body' })).toMatchObject({
      court: 'administrative_route',
      ready: false,
    });
    expect(court({ customerStatus: 'receivership' })).toMatchObject({
      court: 'collective_procedure',
      ready: false,
    });
    expect(court({ country: 'DE' })).toMatchObject({
      court: 'european_order',
      smallClaimsAlternative: false,
    });
    expect(court({ country: 'US' }).court).toBe('foreign_court');
  });
});
