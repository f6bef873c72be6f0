/**
 * What a credit manager walking through the audit log found raw, now in words: a partner's kind,
 * a promise's instalments as ISO dates, an empty « Pièces : », a collector by e-mail — and the other
 * records an entry holds (a step, a job's parameters, amounts claimed).
 */
import { describe, expect, it } from 'vitest';
import { describeAuditChanges } from './audit.ts';
import { auditValue } from './audit-values.ts';

// Intl separates thousands and the euro sign with no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const NAMES: Readonly<Record<string, string>> = { 'julien.petit@cb2c.example': 'Julien Petit' };
const nameOf = (email: string) => NAMES[email] ?? email;

describe('the walk-through’s findings', () => {
  it('words a legal partner’s kind', () => {
    const after = {
      name: 'Cabinet Durand',
      kind: 'lawyer',
      addressLines: ['1 rue de la Paix', '75002 Paris'],
    };
    expect(describeAuditChanges('fr', null, after, { entity: 'legal_partner' })).toBe(
      'Nom\u00a0: Cabinet Durand\u00a0; Type\u00a0: Avocat\u00a0; Adresse\u00a0: 1 rue de la Paix, 75002 Paris',
    );
    expect(
      describeAuditChanges('en', { kind: 'agency' }, { kind: 'lawyer' }, { entity: 'legal_partner' }),
    ).toBe('Kind: Collection agency → Lawyer');
  });

  it('dates a promise’s instalments as the reader writes dates, and leaves its empty documents out', () => {
    const after = {
      customerCode: 'C00042',
      madeOn: '2026-06-30',
      instalments: [
        { dueDate: '2026-07-15', amountMinor: 50_000 },
        { dueDate: '2026-08-15', amountMinor: 75_000 },
      ],
      documentRefs: [],
    };
    const text = spaced(describeAuditChanges('fr', null, after, { entity: 'dunning_promise' }));
    expect(text).toBe(
      'Client : C00042 ; Date de la promesse : 30/06/2026 ; ' +
        'Échéances promises : 15/07/2026 · 500,00 €, 15/08/2026 · 750,00 €',
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|Pièces/);
    expect(describeAuditChanges('en', null, after, { entity: 'dunning_promise' })).toContain(
      'Instalments promised: 15/07/2026 · €500.00, 15/08/2026 · €750.00',
    );
  });

  it('leaves out what an entry gives nothing, and says a detail given rather than changed from nothing', () => {
    expect(describeAuditChanges('fr', null, { note: '', invoices: [], modelId: null, openInvoices: 3 })).toBe(
      'Factures ouvertes\u00a0: 3',
    );
    // A detail added beside a change (the day of a rating) was not « — » before.
    expect(
      describeAuditChanges(
        'fr',
        { riskClass: 'B' },
        { riskClass: 'D', asOf: '2026-06-30' },
        { entity: 'credit_score' },
      ),
    ).toBe('Classe de risque\u00a0: B → D\u00a0; Date d’arrêté\u00a0: 30/06/2026');
    // A value emptied is still a change.
    expect(describeAuditChanges('fr', { note: 'à rappeler' }, { note: '' })).toBe(
      'Note\u00a0: à rappeler → —',
    );
  });

  it('names a portfolio’s collector and a note’s mentions; an unknown address stays as it is', () => {
    expect(
      describeAuditChanges('fr', { collector: null }, { collector: 'julien.petit@cb2c.example' }, { nameOf }),
    ).toBe('Recouvreur\u00a0: — → Julien Petit');
    expect(
      describeAuditChanges(
        'en',
        null,
        { mentions: ['julien.petit@cb2c.example', 'x@y.example'] },
        { nameOf },
      ),
    ).toBe('Mentions: Julien Petit, x@y.example');
    // The e-mail of an account is its e-mail.
    expect(describeAuditChanges('fr', null, { email: 'julien.petit@cb2c.example' }, { nameOf })).toBe(
      'E-mail\u00a0: julien.petit@cb2c.example',
    );
  });
});

describe('the records an entry holds', () => {
  it('names the parts that mean nothing alone: several amounts, counts, yes and no', () => {
    const claims = [{ currency: 'EUR', interestMinor: 1_234, indemnityMinor: 4_000 }];
    expect(spaced(auditValue({ lang: 'fr', currency: 'USD' }, 'claims', claims))).toBe(
      'Intérêts : 12,34 € · Indemnité : 40,00 €',
    );
    const payload = { asOf: '2026-06-30', backfillWeeks: 4 };
    expect(auditValue({ lang: 'en', currency: 'EUR' }, 'payload', payload)).toBe(
      '30/06/2026 · Weeks before: 4',
    );
  });

  it('words a policy’s scope and steps, and a proposal’s steps, with their areas’ words', () => {
    const reading = { lang: 'fr' as const, currency: 'EUR', entity: 'dunning_policy' };
    expect(auditValue(reading, 'scope', { kind: 'customer_type', customerType: 'sme' })).toBe(
      'Type de client : PME',
    );
    const step = { code: 'R1', kind: 'formal_notice', offsetDays: 30, channel: 'registered_letter' };
    const text = auditValue(reading, 'steps', [step]);
    expect(text).not.toMatch(/formal_notice|registered_letter|offsetDays/);
    expect(text).toContain('Jours après l’échéance\u00a0: 30');
    const bySteps = [{ step: 'R1', stepKind: 'reminder', level: 1, channel: 'email', actions: 3 }];
    expect(auditValue({ ...reading, entity: 'dunning_run_proposal' }, 'bySteps', bySteps)).not.toMatch(
      /reminder|email\b/,
    );
  });

  it('reads a provision rate per case, a half-year, a confidence and a cash decision', () => {
    const fr = { lang: 'fr' as const, currency: 'EUR' };
    expect(spaced(auditValue(fr, 'byCase', { collective_procedure: 10_000, dispute: 5_000 }))).toBe(
      'Procédure collective : 100 % · Litige : 50 %',
    );
    expect(auditValue(fr, 'semester', '2026H2')).toBe('2nd semestre 2026');
    expect(spaced(auditValue(fr, 'confidence', 0.93))).toBe('93 %');
    expect(auditValue({ ...fr, entity: 'bank_transaction' }, 'decision', 'corrected')).toBe(
      'Lettrage corrigé à la main',
    );
  });

  it('names the order-check rules by what they are, never by their id', () => {
    const after = { decision: 'approve', rulesVersion: 'default-2026-01' };
    const text = describeAuditChanges('fr', null, after, { entity: 'order_decision' });
    expect(text).toContain('Version des règles\u00a0: règles par défaut du 01/01/2026');
    expect(text).not.toContain('default-2026-01');
    expect(describeAuditChanges('en', null, after, { entity: 'order_decision' })).toContain(
      'Rules version: built-in rules of 01/01/2026',
    );
    const fr = { lang: 'fr' as const, currency: 'EUR' };
    expect(auditValue(fr, 'rulesVersion', 'strict-2026')).toBe('règles «\u00a0strict-2026\u00a0»');
  });
});
