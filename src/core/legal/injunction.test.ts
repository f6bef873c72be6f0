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
  registeredFormalNoticeMail: {
    trackingNumber: '1A 123 456 7890 1',
    depositedOn: '2026-05-12',
    outcome: 'delivered',
    outcomeOn: '2026-05-15',
  },
  piecesProvided: ['proof_of_delivery'],
  deliveryProofs: [],
};

describe('injunction-to-pay checklist', () => {
  it('sends a debt between traders to the tribunal de commerce, with the small-claims alternative under 5 000 €', () => {
    expect(injunctionChecklist(FACTS)).toEqual({
      court: 'commercial_court',
      courtPresumed: false,
      legalFormFromName: null,
      smallClaimsAlternative: true,
      pieces: [
        // The ledger's invoices, not their PDF: copies on request, as the cover letter says.
        { piece: 'invoices', status: 'on_request', date: null, invoices: null },
        { piece: 'order_or_contract', status: 'on_record', date: null, invoices: null },
        { piece: 'proof_of_delivery', status: 'provided', date: null, invoices: null },
        {
          piece: 'formal_notice_ar',
          status: 'on_record',
          date: '2026-05-12',
          invoices: null,
          registered: FACTS.registeredFormalNoticeMail,
          receipt: 'signed',
        },
        { piece: 'statement', status: 'in_package', date: null, invoices: null },
      ],
      contest: null,
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

  it('names a notice the imported history tells of, its receipt still to provide', () => {
    const notice = (facts: Partial<InjunctionFacts>) =>
      injunctionChecklist({
        ...FACTS,
        registeredFormalNoticeDate: null,
        piecesProvided: [],
        ...facts,
      }).pieces.find((p) => p.piece === 'formal_notice_ar');
    expect(notice({ historyFormalNoticeDate: '2026-05-05' })).toMatchObject({
      status: 'to_provide',
      date: '2026-05-05',
      receipt: 'history',
    });
    // Confirmed by a person, it is provided; a notice Encours sent keeps its own date.
    expect(
      notice({ historyFormalNoticeDate: '2026-05-05', piecesProvided: ['formal_notice_ar'] })?.status,
    ).toBe('provided');
    expect(
      notice({
        historyFormalNoticeDate: '2026-05-05',
        registeredFormalNoticeDate: '2026-06-01',
        registeredFormalNoticeMail: { ...FACTS.registeredFormalNoticeMail!, depositedOn: '2026-06-01' },
      }),
    ).toMatchObject({ status: 'on_record', date: '2026-06-01', receipt: 'signed' });
  });

  it('holds a notice Encours sent on record only once its acknowledgement of receipt is signed', () => {
    const notice = (facts: Partial<InjunctionFacts>) =>
      injunctionChecklist({ ...FACTS, registeredFormalNoticeDate: '2026-06-30', ...facts });
    const mail = { trackingNumber: '1A 123 456 7890 1', depositedOn: '2026-06-30' };
    const piece = (facts: Partial<InjunctionFacts>) =>
      notice(facts).pieces.find((p) => p.piece === 'formal_notice_ar');
    // Sent today, not deposited yet: no number, no receipt; the file is not ready.
    expect(piece({ registeredFormalNoticeMail: undefined })).toMatchObject({
      status: 'to_provide',
      date: '2026-06-30',
      receipt: 'not_deposited',
    });
    expect(notice({ registeredFormalNoticeMail: undefined }).ready).toBe(false);
    expect(piece({ registeredFormalNoticeMail: { ...mail, outcome: null, outcomeOn: null } })).toMatchObject({
      status: 'to_provide',
      receipt: 'awaited',
    });
    expect(
      piece({
        registeredFormalNoticeMail: { ...mail, outcome: 'returned_unclaimed', outcomeOn: '2026-07-20' },
      }),
    ).toMatchObject({ status: 'to_provide', receipt: 'returned' });
    // A person who has the receipt in hand confirms it.
    expect(
      piece({ registeredFormalNoticeMail: undefined, piecesProvided: ['formal_notice_ar'] })?.status,
    ).toBe('provided');
  });

  it('does not take a signed receipt for the invoices the notice did not name', () => {
    const others = { count: 37, date: '2026-05-05', history: true };
    const checklist = injunctionChecklist({ ...FACTS, registeredNoticeOthers: others });
    expect(checklist.pieces.find((p) => p.piece === 'formal_notice_ar')).toMatchObject({
      status: 'to_provide',
      receipt: 'signed',
      others,
    });
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

  it('is not ready for an injunction to pay when the debtor contested the claim, whatever its pieces', () => {
    const contest = { count: 4, first: '2025-02-11', last: '2026-01-07' };
    // As the story reads it: the checklist keeps the days only.
    const read = { ...contest, refs: [], account: true };
    const checklist = injunctionChecklist({ ...FACTS, contest: read });
    expect(checklist.contest).toEqual(contest);
    expect(checklist.court).toBe('commercial_court');
    expect(checklist.pieces.every((p) => p.status !== 'to_provide')).toBe(true);
    expect(checklist.ready).toBe(false);
  });
});

describe('the proof of delivery, invoice by invoice', () => {
  const proofs = (
    ...facts: [documentRef: string, attached: boolean, pieceNumber: number | null][]
  ): InjunctionFacts => ({
    ...FACTS,
    piecesProvided: [],
    deliveryProofs: facts.map(([documentRef, attached, pieceNumber]) => ({
      documentRef,
      attached,
      pieceNumber,
    })),
  });
  const proofPiece = (facts: InjunctionFacts) =>
    injunctionChecklist(facts).pieces.find((p) => p.piece === 'proof_of_delivery');

  it('is in the package when every invoice’s proof is reproduced, under its piece number', () => {
    const facts = proofs(['F2025-0012', true, 1], ['F2025-0040', true, 3]);
    expect(proofPiece(facts)).toEqual({
      piece: 'proof_of_delivery',
      status: 'in_package',
      date: null,
      invoices: [
        { documentRef: 'F2025-0012', status: 'in_package', pieceNumber: 1 },
        { documentRef: 'F2025-0040', status: 'in_package', pieceNumber: 3 },
      ],
    });
    expect(injunctionChecklist(facts).ready).toBe(true);
  });

  it('is still to provide for the invoices without one, unless a person confirms it', () => {
    const facts = proofs(['F2025-0012', true, 1], ['F2025-0051', false, null]);
    expect(proofPiece(facts)).toMatchObject({
      status: 'to_provide',
      invoices: [
        { documentRef: 'F2025-0012', status: 'in_package', pieceNumber: 1 },
        { documentRef: 'F2025-0051', status: 'to_provide', pieceNumber: null },
      ],
    });
    expect(injunctionChecklist(facts).ready).toBe(false);
    const confirmed = { ...facts, piecesProvided: ['proof_of_delivery'] };
    expect(proofPiece(confirmed)?.status).toBe('provided');
    expect(proofPiece(confirmed)?.invoices?.[1]?.status).toBe('provided');
    expect(injunctionChecklist(confirmed).ready).toBe(true);
  });

  it('is on record in Encours when attached to the dispute but not reproduced in the package', () => {
    const facts = proofs(['F2025-0012', true, 1], ['F2025-0040', true, null]);
    expect(proofPiece(facts)).toMatchObject({
      status: 'on_record',
      invoices: [
        { documentRef: 'F2025-0012', status: 'in_package', pieceNumber: 1 },
        { documentRef: 'F2025-0040', status: 'on_record', pieceNumber: null },
      ],
    });
    expect(injunctionChecklist(facts).ready).toBe(true);
  });

  it('is one piece for the file when no invoice is known', () => {
    expect(proofPiece({ ...FACTS, piecesProvided: [] })).toEqual({
      piece: 'proof_of_delivery',
      status: 'to_provide',
      date: null,
      invoices: null,
    });
  });

  it('reads the legal form from the name when the register gave none, and says so', () => {
    const court = (debtorName: string, legalFormCode: string | null = null) =>
      injunctionChecklist({ ...FACTS, legalFormCode, debtorName });
    expect(court('SARL Dupont Frères')).toMatchObject({
      court: 'commercial_court',
      courtPresumed: false,
      legalFormFromName: 'SARL',
    });
    expect(court('SCI Les Tilleuls')).toMatchObject({
      court: 'judicial_court',
      courtPresumed: false,
      legalFormFromName: 'SCI',
    });
    expect(court('Association Sportive de Lyon')).toMatchObject({
      court: 'judicial_court',
      legalFormFromName: 'Association',
    });
    // An individual's trade status is not in its form: still presumed, but the form is told.
    expect(court('Martin Plomberie EI')).toMatchObject({
      court: 'commercial_court',
      courtPresumed: true,
      legalFormFromName: 'EI',
    });
    expect(court('Boulangerie Martin')).toMatchObject({ courtPresumed: true, legalFormFromName: null });
    // The register wins over the name.
    expect(court('SCI Les Tilleuls', '5710')).toMatchObject({
      court: 'commercial_court',
      legalFormFromName: null,
    });
    // Abroad the form does not choose the court: nothing is told about it.
    expect(
      injunctionChecklist({ ...FACTS, legalFormCode: null, debtorName: 'SARL X', country: 'DE' }),
    ).toMatchObject({ court: 'european_order', legalFormFromName: null });
  });
});
