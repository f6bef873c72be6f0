import { describe, expect, it } from 'vitest';
import { eventDetail } from './customer-file-activity.ts';

describe("an event's detail in the printed customer file", () => {
  it('names the document once: first when the line does not, not again when it does', () => {
    expect(
      eventDetail('CMD2026-002400', 'Commande CMD2026-002400 de 966,69 € — En attente de validation.'),
    ).toBe('Commande CMD2026-002400 de 966,69 € — En attente de validation.');
    expect(eventDetail('F2024-003979', 'Le client retourne une partie de la livraison')).toBe(
      'F2024-003979 — Le client retourne une partie de la livraison',
    );
    expect(eventDetail(null, 'Appel de Julien Petit')).toBe('Appel de Julien Petit');
    expect(eventDetail('F2024-003979', '')).toBe('F2024-003979');
  });
});
