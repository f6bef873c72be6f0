import { describe, expect, it } from 'vitest';
import type { InvoicePiece } from '../core/legal/injunction.ts';
import { injunctionPieceStatus } from './injunction-pieces.ts';

const proof = (...invoices: [documentRef: string, InvoicePiece['status'], number | null][]) => ({
  piece: 'proof_of_delivery' as const,
  status: 'in_package' as const,
  date: null,
  invoices: invoices.map(([documentRef, status, pieceNumber]) => ({ documentRef, status, pieceNumber })),
});

describe('the state of an injunction piece, as read', () => {
  it('names the piece numbers under which the package reproduces the proofs of delivery', () => {
    const piece = proof(['F2025-0012', 'in_package', 1], ['F2025-0040', 'in_package', 3]);
    expect(injunctionPieceStatus('fr', piece)).toBe(
      'fournie\u00a0: pièce n° 1 (F2025-0012), pièce n° 3 (F2025-0040)',
    );
    expect(injunctionPieceStatus('en', piece)).toBe(
      'provided: exhibit 1 (F2025-0012), exhibit 3 (F2025-0040)',
    );
  });

  it('says for which invoices a proof is still to provide, or is attached but to be forwarded', () => {
    const piece = proof(
      ['F2025-0012', 'in_package', 1],
      ['F2025-0040', 'on_record', null],
      ['F2025-0051', 'to_provide', null],
      ['F2025-0057', 'to_provide', null],
    );
    expect(injunctionPieceStatus('fr', piece)).toBe(
      'fournie\u00a0: pièce n° 1 (F2025-0012)\u00a0; jointe au litige, à transmettre (F2025-0040)\u00a0; ' +
        'à fournir pour F2025-0051, F2025-0057',
    );
    expect(injunctionPieceStatus('en', piece)).toBe(
      'provided: exhibit 1 (F2025-0012); attached to the dispute, to be forwarded (F2025-0040); ' +
        'to provide for F2025-0051, F2025-0057',
    );
  });

  it('lists no invoice when they all are in the same case, and words a piece of the file as before', () => {
    expect(injunctionPieceStatus('fr', proof(['F1', 'on_record', null], ['F2', 'on_record', null]))).toBe(
      'jointe au litige, à transmettre',
    );
    expect(injunctionPieceStatus('fr', proof(['F1', 'to_provide', null]))).toBe('à fournir');
    expect(injunctionPieceStatus('fr', { status: 'on_record', date: '2026-05-12', invoices: null })).toBe(
      'disponible dans Encours (du 12/05/2026)',
    );
  });

  it('says what became of the registered letter of a formal notice Encours sent', () => {
    const notice = { piece: 'formal_notice_ar', status: 'to_provide', date: '2026-06-30', invoices: null };
    expect(injunctionPieceStatus('fr', { ...notice, receipt: 'not_deposited' })).toBe(
      'à fournir (mise en demeure du 30/06/2026\u00a0: numéro de recommandé et accusé de réception non enregistrés)',
    );
    expect(
      injunctionPieceStatus('fr', {
        ...notice,
        receipt: 'awaited',
        registered: {
          trackingNumber: '1A 123 456 7890 1',
          depositedOn: '2026-07-01',
          outcome: null,
          outcomeOn: null,
        },
      }),
    ).toBe(
      'à fournir (mise en demeure envoyée le 30/06/2026, accusé de réception attendu) — recommandé n°\u00a01A 123 456 7890 1 déposé le 01/07/2026, avis de réception non reçu',
    );
    expect(injunctionPieceStatus('en', { ...notice, receipt: 'not_deposited' })).toBe(
      'to provide (formal notice of 30/06/2026: no registered letter number nor acknowledgement of receipt recorded)',
    );
    expect(
      injunctionPieceStatus('fr', {
        ...notice,
        status: 'to_provide',
        receipt: 'signed',
        registered: {
          trackingNumber: '1A 123 456 7890 1',
          depositedOn: '2026-06-30',
          outcome: 'delivered',
          outcomeOn: '2026-07-02',
        },
        others: { count: 37, date: '2026-05-05', history: true },
      }),
    ).toBe(
      'à fournir (mise en demeure du 30/06/2026) — recommandé n°\u00a01A 123 456 7890 1 déposé le 30/06/2026, AR signé le 02/07/2026\u00a0; ' +
        '37 autres factures non visées par cette mise en demeure\u00a0: mise en demeure du 05/05/2026 selon l’historique importé, son accusé de réception n’est pas dans Encours',
    );
  });
});
