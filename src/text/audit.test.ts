/**
 * The audit log's changes read as words: labelled fields, technical ones left out, codes through
 * their labels, and authors that are not people named.
 */
import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditActorLabel,
  auditEntityLabel,
  auditKeyWords,
  describeAuditChanges,
} from './audit.ts';

// Intl separates thousands and the euro sign with no-break spaces; compare with plain spaces.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('audit changes in words', () => {
  it('labels a schedule, hides its id and its empty parameters, and names its job kind', () => {
    const after = {
      id: 1,
      cron: '0 6 * * 1',
      kind: 'forecast.snapshot',
      enabled: true,
      payload: { asOf: null, backfillWeeks: 0 },
      timeZone: 'Europe/Paris',
    };
    expect(describeAuditChanges('fr', null, after)).toBe(
      'Planification\u00a0: Tous les lundis à 06:00\u00a0; Type\u00a0: Prévision d’encaissements de la semaine (enregistrée)\u00a0; ' +
        'Activée\u00a0: Oui\u00a0; Fuseau horaire\u00a0: Europe/Paris',
    );
    expect(describeAuditChanges('en', null, after)).toBe(
      'Schedule: Every Monday at 06:00; Kind: Weekly collection forecast (stored); Enabled: Yes; Time zone: Europe/Paris',
    );
  });

  it('reads a forecast by its model’s version, as the forecast page does, without the model’s id', () => {
    const after = { asOf: '2026-06-30', modelId: 1, modelVersion: 'delay-shrinkage-10', openInvoices: 1138 };
    expect(spaced(describeAuditChanges('fr', null, after))).toBe(
      'Date d’arrêté : 30/06/2026 ; Version du modèle : 10 ; Factures ouvertes : 1 138',
    );
    expect(describeAuditChanges('en', null, after)).toContain('Model version: 10;');
  });

  it('reads a half-year of rates as its key in words, other keys as they are', () => {
    expect(auditKeyWords('fr', 'dunning_rate', '2027H2')).toBe('2nd semestre 2027');
    expect(auditKeyWords('en', 'dunning_rate', '2027H1')).not.toContain('2027H1');
    expect(auditKeyWords('fr', 'customer', 'C00009')).toBe('C00009');
    expect(auditKeyWords('fr', 'order_decision', 'CMD2026H1')).toBe('CMD2026H1');
  });

  it('keeps parameters that say something', () => {
    const text = describeAuditChanges('en', null, {
      kind: 'forecast.snapshot',
      payload: { asOf: '2026-06-30' },
    });
    expect(text).toContain('Parameters: 30/06/2026');
  });

  it('labels amounts and months, and the collector of a portfolio', () => {
    expect(
      spaced(
        describeAuditChanges('fr', null, { month: '2026-06', amountMinor: 89_100_000, currency: 'EUR' }),
      ),
    ).toBe('Mois : juin 2026 ; Montant : 891 000,00 €');
    expect(describeAuditChanges('fr', { collector: null }, { collector: 'julien.petit@cb2c.example' })).toBe(
      'Recouvreur\u00a0: — → julien.petit@cb2c.example',
    );
  });

  it('words the codes of a held order and groups figures', () => {
    const text = describeAuditChanges('en', null, {
      decision: 'hold',
      approverRole: 'credit_manager',
      reasons: ['over_limit', 'overdue_too_old'],
      openInvoices: 1138,
    });
    expect(text).not.toMatch(/hold|credit_manager|over_limit|overdue_too_old|1138/);
    expect(text).toContain('Open invoices: 1,138');
  });

  it('labels the rarer fields of disputes, attachments and factoring, and hides internal ids', () => {
    const after = { department: 'logistics', sizeBytes: 2048, withRecourse: true, writeOffDocumentId: 42 };
    expect(spaced(describeAuditChanges('fr', null, after))).toBe(
      'Service concerné : Logistique ; Taille (octets) : 2 048 ; Avec recours : Oui',
    );
    expect(describeAuditChanges('en', null, { channel: 'letter', policyId: 7 })).toBe('Channel: Letter');
  });
});

describe('codes read as codes of the entry’s entity', () => {
  it('words a held order’s status as an order decision’s, not as an e-mail’s', () => {
    const before = { status: 'held' };
    const after = { status: 'released', comment: 'Volumes confirmés' };
    // The comment comes with the decision: given, not changed from nothing.
    expect(describeAuditChanges('fr', before, after, { entity: 'order_decision' })).toBe(
      'Statut\u00a0: Bloquée → Libérée\u00a0; Commentaire\u00a0: Volumes confirmés',
    );
    expect(describeAuditChanges('en', before, { status: 'refused' }, { entity: 'order_decision' })).toBe(
      'Status: Held → Refused',
    );
    // The same code on an e-mail is an e-mail's status.
    expect(describeAuditChanges('fr', { status: 'held' }, { status: 'pending' }, { entity: 'mail' })).toBe(
      'Statut\u00a0: Non envoyé → En attente d’envoi',
    );
  });

  it('words the statuses of a promotion, a write-off and an insurance claim with their areas’ messages', () => {
    expect(
      describeAuditChanges('fr', { status: 'submitted' }, { status: 'approved' }, { entity: 'promotion' }),
    ).toBe('Statut\u00a0: À approuver → Approuvée');
    expect(
      describeAuditChanges('en', { status: 'proposed' }, { status: 'rejected' }, { entity: 'write_off' }),
    ).toMatch(/^Status: \S.* → \S/);
    expect(
      describeAuditChanges(
        'fr',
        { status: 'declared' },
        { status: 'indemnified' },
        { entity: 'insurance_claim' },
      ),
    ).toBe('Statut\u00a0: Menace déclarée → Indemnisé');
    expect(
      describeAuditChanges('fr', { status: 'proposed' }, { status: 'approved' }, { entity: 'write_off' }),
    ).toBe('Statut\u00a0: À approuver → Approuvé');
  });

  it('words the statuses of a limit request, a customer and an imported order by their own domains', () => {
    expect(
      describeAuditChanges('en', { status: 'pending' }, { status: 'approved' }, { entity: 'limit_request' }),
    ).toBe('Status: Pending → Approved');
    expect(
      describeAuditChanges('fr', { status: 'active' }, { status: 'blocked' }, { entity: 'customer' }),
    ).toBe('Statut\u00a0: Actif → Bloqué');
    expect(
      describeAuditChanges('fr', { status: 'pending' }, { status: 'released' }, { entity: 'order' }),
    ).toBe('Statut\u00a0: En attente → Libérée');
    expect(describeAuditChanges('en', null, { kind: 'temporary' }, { entity: 'credit_limit' })).toBe(
      'Kind: Temporary',
    );
    // A field absent before and empty after did not change.
    expect(
      describeAuditChanges(
        'fr',
        { creditLimitMinor: 2_000_000 },
        { creditLimitMinor: 5_000_000, expiresOn: null },
      ),
    ).toMatch(/^Limite de crédit\u00a0: 20\s000,00\s€ → 50\s000,00\s€$/);
  });
});

describe('authors of audit entries', () => {
  it('names the command line, the demo loader and a schedule; people stay as they are', () => {
    expect(auditActorLabel('fr', 'cli')).toBe('Encours (ligne de commande)');
    expect(auditActorLabel('fr', 'demo')).toBe('Données de démonstration');
    expect(auditActorLabel('en', 'schedule 3')).toBe('Schedule no. 3');
    // A job started by a schedule or the command line: who started it, not the job's number.
    expect(auditActorLabel('fr', 'schedule 1 (job 1)')).toBe('Planification n° 1');
    expect(auditActorLabel('en', 'cli (job 12)')).toBe('Encours (command line)');
    expect(auditActorLabel('fr', 'claire.moreau@cb2c.example')).toBe('claire.moreau@cb2c.example');
  });
});

describe('the rows an import changed', () => {
  const before = { creditLimitMinor: 1_500_000, paymentTerms: 'net:30', currency: 'EUR' };
  const after = { creditLimitMinor: 1_800_000, paymentTerms: 'net:60', currency: 'EUR' };

  it('words the action, the record, money as money and terms as words', () => {
    expect(auditActionLabel('fr', 'import.update')).toBe('Import\u00a0: mise à jour');
    expect(auditEntityLabel('fr', 'customer')).toBe('Client');
    expect(auditEntityLabel('fr', 'invoice')).toBe('Facture');
    expect(spaced(describeAuditChanges('fr', before, after, { entity: 'customer' }))).toBe(
      'Limite de crédit : 15 000,00 € → 18 000,00 € ; Conditions de paiement : 30 jours nets → 60 jours nets',
    );
    expect(
      spaced(
        describeAuditChanges(
          'fr',
          { amountMinor: 15_000, dueDate: '2026-06-14', channel: 'paper', currency: 'EUR' },
          { amountMinor: 17_500, dueDate: '2026-07-14', channel: 'electronic', currency: 'EUR' },
          { entity: 'invoice' },
        ),
      ),
    ).toBe(
      'Montant : 150,00 € → 175,00 € ; Échéance : 14/06/2026 → 14/07/2026 ; Canal : Papier → Électronique',
    );
  });

  it('reads the entries written under SQL column names before as the same fields', () => {
    const legacy = (values: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(values).map(([field, value]) => [
          field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
          value,
        ]),
      );
    expect(legacy(before)).toHaveProperty('credit_limit_minor', 1_500_000);
    expect(describeAuditChanges('fr', legacy(before), legacy(after), { entity: 'customer' })).toBe(
      describeAuditChanges('fr', before, after, { entity: 'customer' }),
    );
  });
});
