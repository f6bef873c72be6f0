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
});
