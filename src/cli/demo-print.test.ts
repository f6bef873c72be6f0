/** The demo manifest for a person: labels from the catalogue, never the situations' codes. */
import { describe, expect, it } from 'vitest';
import { DEMO_SITUATION_KINDS, type DemoManifest } from '#app/demo/demo';
import { hasLabel } from '#text/catalogue';
import { manifestLines } from './demo-print.ts';

const MANIFEST: DemoManifest = {
  asOf: '2026-06-30',
  seed: 1,
  situations: [
    { kind: 'dispute', customerCode: 'C042', documentRef: 'FA-2026-0001', note: 'Facture contestée.' },
    { kind: 'dso_drift', customerCode: 'C007', note: 'Le DSO dérive.' },
  ],
};

describe('demo manifest', () => {
  it('has a label for every kind of situation in both languages', () => {
    for (const lang of ['fr', 'en'] as const)
      for (const kind of DEMO_SITUATION_KINDS) expect(hasLabel(lang, 'demoSituation', kind), kind).toBe(true);
  });

  it('prints the labels, the customer and the document, not the codes', () => {
    const french = manifestLines(MANIFEST, 'fr');
    expect(french).toEqual([
      'Démonstration SA CB2C, date de référence 30/06/2026',
      '- Facture contestée — client C042, pièce FA-2026-0001\u00a0: Facture contestée.',
      '- Dérive du DSO — client C007\u00a0: Le DSO dérive.',
    ]);
    const english = manifestLines(MANIFEST, 'en').join('\n');
    expect(english).toContain('- Disputed invoice — customer C042, document FA-2026-0001: ');
    for (const lines of [french.join('\n'), english]) expect(lines).not.toMatch(/\b(dispute|dso_drift)\b/);
  });
});
