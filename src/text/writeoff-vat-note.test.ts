/**
 * The VAT-recovery note of a write-off (src/text/messages/legal-writeoffs.ts) reads right for one
 * invoice as for several: its references stand in brackets, no « les factures » before a single one.
 */
import { describe, expect, it } from 'vitest';
import { translator } from './catalogue.ts';

const note = (lang: 'fr' | 'en', refs: string) =>
  translator(lang)('writeoff.vatNote.eligible', { refs, gross: '732,46 €', split: '' });

describe('the VAT-recovery note of a write-off', () => {
  it('names one invoice without a plural', () => {
    expect(note('fr', 'F2025-000093')).toContain('créance définitivement irrécouvrable (F2025-000093), pour');
    expect(note('fr', 'F2025-000093')).not.toMatch(/factures F2025/);
    expect(note('en', 'F2025-000093')).toContain('debt definitively irrecoverable (F2025-000093), for');
    expect(note('en', 'F2025-000093')).not.toMatch(/invoices F2025/);
  });

  it('names several the same way', () => {
    expect(note('fr', 'F1, F2')).toContain('irrécouvrable (F1, F2), pour 732,46 € TTC.');
  });
});
