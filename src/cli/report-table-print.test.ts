import { describe, expect, it } from 'vitest';
import type { TabularReport } from '#render/document';
import { reportTableLines } from './report-table-print.ts';

const table: TabularReport = {
  title: 'Tableau de suivi des niveaux de risque',
  subtitle: ['Au 30/06/2026'],
  currency: 'EUR',
  columns: [
    { header: 'Client', kind: 'text' },
    { header: 'Encours', kind: 'money' },
    { header: 'Utilisation', kind: 'percent' },
    { header: 'Retard max (j)', kind: 'integer' },
  ],
  rows: [
    ['Guérin Négoce', 44_569_074, 4.457, 1045],
    ['Sans plafond', 12_345, null, 3],
  ],
  totals: ['Total', 44_581_419, null, null],
};

describe('a report table in the terminal', () => {
  it('prints percentages, amounts and counts in French with a decimal comma', () => {
    const text = reportTableLines(table, 'fr').join('\n');
    expect(text).toContain('445,7 %');
    expect(text).not.toMatch(/\d\.\d/);
    expect(text).toContain('445 690,74 €');
    expect(text).toContain('1 045');
  });

  it('prints them in English formats for --lang en', () => {
    const text = reportTableLines(table, 'en').join('\n');
    expect(text).toContain('445.7%');
    expect(text).toContain('€445,690.74');
  });
});
