import { describe, expect, it } from 'vitest';
import { agendaDisputeName } from './agenda-dispute.ts';
import { type Lang, label, translator } from './catalogue.ts';

const name = (lang: Lang, reason: string, department: string, source = 'imported') =>
  agendaDisputeName(translator(lang), (domain, code) => label(lang, domain, code), {
    source,
    documentRef: 'F2026-001958',
    reason,
    department,
  });

describe('a dispute waiting, on the agenda', () => {
  it('says its reason once when the department is the same word', () => {
    expect(name('fr', 'quality', 'quality')).toBe('Litige importé F2026-001958 (Qualité)');
    expect(name('en', 'quality', 'quality', 'record')).toBe('Dispute F2026-001958 (Quality)');
  });

  it('says both when they differ', () => {
    expect(name('fr', 'delivery', 'logistics')).toBe('Litige importé F2026-001958 (Livraison, Logistique)');
    expect(name('en', 'other', 'customer_service', 'record')).toBe(
      'Dispute F2026-001958 (Other reason, Customer service)',
    );
  });
});
