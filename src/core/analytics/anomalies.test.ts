import { describe, expect, it } from 'vitest';
import { anomalyTitle, DEFAULT_ANOMALY_THRESHOLDS, type Finding } from './anomalies.ts';

const of = (kind: string, evidence: Finding['evidence'] = {}): Finding => ({
  kind,
  severity: 'warning',
  title: 'untitled',
  evidence,
  customers: [],
});

describe('anomaly titles', () => {
  const kinds = [
    'over_limit',
    'no_credit_limit_with_exposure',
    'overdue_90_no_reminder',
    'unapplied_credits',
    'disputed_items',
    'insolvency_with_exposure',
    'salesperson_overdue_growing',
    'bounced_payment',
    'dso_drift',
    'concentration',
    'payment_delay_deteriorating_3m',
    'payment_delay_deteriorating_6m',
  ];

  it('names every kind in French and in English', () => {
    for (const kind of kinds) {
      const finding = of(kind, { salesperson: 'Marc Dubois' });
      const fr = anomalyTitle(finding, 'fr', DEFAULT_ANOMALY_THRESHOLDS);
      const en = anomalyTitle(finding, 'en', DEFAULT_ANOMALY_THRESHOLDS);
      expect(fr, kind).not.toBe('untitled');
      expect(en, kind).not.toBe('untitled');
      expect(en, kind).not.toBe(fr);
    }
  });

  it('states the window, the salesperson and the threshold it was built with', () => {
    const t = { ...DEFAULT_ANOMALY_THRESHOLDS, unappliedCreditDays: 45 };
    expect(anomalyTitle(of('payment_delay_deteriorating_6m'), 'en', t)).toBe(
      'Payment delay rising over 6 months',
    );
    expect(anomalyTitle(of('unapplied_credits'), 'fr', t)).toBe(
      'Règlements ou avoirs non lettrés depuis plus de 45 jours',
    );
    expect(anomalyTitle(of('salesperson_overdue_growing', { salesperson: 'Marc Dubois' }), 'en', t)).toBe(
      "Overdue amounts rising every month: Marc Dubois's portfolio",
    );
  });
});
