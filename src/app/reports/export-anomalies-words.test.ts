/**
 * Two findings a reader misread in the procedure reports (issue 16): the DSO drift, titled with the
 * two three-month windows it compares (« avril – juin 2025 → avril – juin 2026 ») so that it is not
 * taken for the month's DSO the indicators compare, which may improve meanwhile; and the
 * concentration, whose share printed « 10,0 % » against a 10 % threshold: it prints as many
 * decimals as it takes to differ from the threshold (« 10,04 % »), in the statement and the table.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANOMALY_THRESHOLDS } from '#core/analytics/anomalies';
import type { Block } from '#render/document';
import { anomalyTitle, shareDecimals } from '#text/anomalies';
import type { Lang } from '#text/catalogue';
import type { AnomaliesReport } from './anomalies.ts';
import { anomaliesExport } from './export-anomalies.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

const drift = {
  kind: 'dso_drift',
  severity: 'warning' as const,
  title: '',
  evidence: { customers: 1, dsoBeforeDays: 59.73, dsoDays: 76.26, before: '2025-06-30', method: 'simple_3m' },
  customers: [{ code: 'C1', name: 'Client 1', evidence: { balanceMinor: 1_000 } }],
};

const concentration = {
  kind: 'concentration',
  severity: 'warning' as const,
  title: '',
  evidence: { customers: 2, top10Share: 0.3421, largestShare: 0.1004, herfindahlIndex: 420 },
  customers: [
    { code: 'C1', name: 'Client 1', evidence: { balanceMinor: 1_004, share: 0.1004 } },
    { code: 'C2', name: 'Client 2', evidence: { balanceMinor: 500, share: 0.05 } },
  ],
};

function printed(lang: Lang) {
  const report: AnomaliesReport = {
    asOf: '2026-06-30',
    currency: 'EUR',
    thresholds: DEFAULT_ANOMALY_THRESHOLDS,
    findings: [drift, concentration],
  };
  const setting = { lang, company: { name: 'SA Exemple' }, printedOn: '2026-06-30' };
  return anomaliesExport(report, setting).document().blocks as Block[];
}

describe('the words of the anomalies', () => {
  it('title a DSO drift with the two windows it compares', () => {
    const title = (lang: Lang) => plain(anomalyTitle(lang, drift, DEFAULT_ANOMALY_THRESHOLDS) ?? '');
    expect(title('fr')).toBe(
      'Dérive du DSO du portefeuille sur 12 mois (DSO simple sur 3 mois : avril – juin 2025 → avril – juin 2026)',
    );
    expect(title('en')).toBe(
      'Portfolio DSO drifting over 12 months (simple DSO over 3 months: April – June 2025 → April – June 2026)',
    );
    const headings = printed('fr').flatMap((b) => (b.type === 'heading' ? [plain(b.text)] : []));
    expect(headings[0]).toContain('(DSO simple sur 3 mois : avril – juin 2025 → avril – juin 2026)');
  });

  it('print a share that rounds to its threshold with the decimals that tell them apart', () => {
    expect(shareDecimals('largestShare', 0.1004, DEFAULT_ANOMALY_THRESHOLDS, 1)).toBe(2);
    expect(shareDecimals('largestShare', 0.09996, DEFAULT_ANOMALY_THRESHOLDS, 1)).toBe(3);
    expect(shareDecimals('largestShare', 0.1, DEFAULT_ANOMALY_THRESHOLDS, 1)).toBe(1);
    expect(shareDecimals('top10Share', 0.3421, DEFAULT_ANOMALY_THRESHOLDS, 1)).toBe(1);
    expect(shareDecimals('limitUsage', 1.0004, DEFAULT_ANOMALY_THRESHOLDS, 1)).toBe(1);
    const blocks = printed('fr');
    const statement = blocks.flatMap((b) => (b.type === 'paragraph' ? [plain(b.text)] : [])).at(-1);
    expect(statement).toContain('Part du premier client : 10,04 %');
    expect(statement).toContain('Part des 10 premiers : 34,2 %');
    const table = blocks.flatMap((b) => (b.type === 'table' ? [b.table] : [])).at(-1);
    expect(table?.columns.map((c) => [c.header, c.decimals])).toContainEqual(['Part', 2]);
  });
});
