import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, renderCsv } from './csv.ts';
import type { TabularReport } from './document.ts';

const report = (name: string): TabularReport => ({
  title: 'Balance âgée',
  subtitle: [],
  currency: 'EUR',
  columns: [
    { header: 'Client', kind: 'text' },
    { header: 'Solde', kind: 'money' },
    { header: 'Utilisation', kind: 'percent' },
    { header: 'Échéance', kind: 'date' },
  ],
  rows: [[name, -1250, 0.763, '2026-12-04']],
  totals: ['Total', 123456789, null, null],
});

describe('the CSV writer', () => {
  it('neutralises every formula start (OWASP) in text cells', () => {
    for (const text of ['=1+1', '+33 1', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('Durand SA')).toBe('Durand SA');
  });

  it('writes French CSV: BOM, ";" separator, decimal comma, dates « 04/12/2026 », numbers stay numbers', () => {
    const text = renderCsv(report('=HYPERLINK("http://evil.example","clic")'), 'fr').toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Client;Solde;Utilisation;Échéance');
    // The formula is neutralised; the negative amount stays a number with a decimal comma.
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""clic"")";-12,50;76,3 %;04/12/2026`);
    expect(lines[2]).toBe('Total;1234567,89;;');
  });

  it('writes English CSV with "," and a decimal point', () => {
    const text = renderCsv(report('@cmd'), 'en').toString('utf8').slice(1);
    expect(text.split('\r\n')[1]).toBe("'@cmd,-12.50,76.3%,2026-12-04");
  });

  it('keeps a negative number in a numeric column numeric, and quotes a negative text', () => {
    expect(csvCell('fr', -1250, 'money', 'EUR')).toBe('-12,50');
    expect(csvCell('fr', -3, 'integer', 'EUR')).toBe('-3');
    expect(csvCell('fr', '-12,50', 'text', 'EUR')).toBe("'-12,50");
  });
});
