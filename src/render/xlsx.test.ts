import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FiguresSheet, TabularReport } from './document.ts';
import { renderWorkbook, sheetName } from './xlsx.ts';

describe('XLSX tab names', () => {
  it('keeps a name of 31 characters or less as it is', () => {
    expect(sheetName('Balance âgée')).toBe('Balance âgée');
  });

  it('cuts a long name between words, without a dangling little word or separator', () => {
    expect(sheetName('Anomalies du portefeuille clients')).toBe('Anomalies du portefeuille');
    expect(sheetName('Tableau de suivi des niveaux de risque')).toBe('Tableau de suivi des niveaux');
    expect(sheetName('Type de client × Conditions de paiement')).toBe('Type de client × Conditions');
    for (const name of ['Anomalies du portefeuille clients', 'Tri croisé : Type de client × Tranche d’âge'])
      expect(sheetName(name).length).toBeLessThanOrEqual(31);
  });

  it('drops the characters Excel refuses and makes names unique', () => {
    expect(sheetName('Tri croisé : A / B')).toBe('Tri croisé A B');
    expect(sheetName('Anomalies', new Set(['anomalies']))).toBe('Anomalies (2)');
  });
});

const table: TabularReport = {
  title: 'Tableau de suivi des niveaux de risque',
  subtitle: ['Au 30/06/2026'],
  currency: 'EUR',
  columns: [
    { header: 'Client', kind: 'text' },
    { header: 'Encours', kind: 'money' },
    { header: 'Utilisation', kind: 'percent' },
  ],
  rows: [
    ['Guérin Négoce', 44_569_074, 4.4569],
    ['Sans plafond', 100, Number.POSITIVE_INFINITY],
  ],
};

const figures: FiguresSheet = {
  sheetName: 'Indicateurs',
  title: 'Indicateurs du poste clients',
  subtitle: [],
  currency: 'EUR',
  headers: { label: 'Indicateur', value: 'Valeur', note: 'Définition' },
  figures: [
    {
      label: 'DSO (méthode simple)',
      value: 82.56,
      kind: 'number',
      decimals: 1,
      unit: 'j',
      note: 'Encours ÷ ventes',
    },
    { label: 'CEI', value: 0.914, kind: 'percent', decimals: 1 },
    { label: 'Clients au-delà du plafond', value: 22, kind: 'integer' },
    { label: 'Ventes', value: 123_456, kind: 'money' },
  ],
};

describe('XLSX workbook', () => {
  it('writes each sheet as a tab, figures and amounts as numbers with their formats', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await renderWorkbook([figures, table], 'fr');
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Indicateurs',
      'Tableau de suivi des niveaux',
    ]);
    const first = workbook.getWorksheet('Indicateurs');
    const dso = first?.getRow(3);
    expect(dso?.getCell(2).value).toBe(82.56);
    expect(dso?.getCell(2).numFmt).toBe('#,##0.0 "j"');
    expect(first?.getRow(4).getCell(2).numFmt).toBe('0.0%');
    expect(first?.getRow(5).getCell(2).value).toBe(22);
    expect(first?.getRow(6).getCell(2).value).toBe(1234.56);
    expect(first?.getRow(6).getCell(2).numFmt).toContain('€');
    const second = workbook.worksheets[1];
    expect(second?.getRow(4).getCell(2).value).toBe(445_690.74);
    expect(second?.getRow(4).getCell(3).value).toBe(4.4569);
    // No infinity in a spreadsheet: the cell is left empty.
    expect(second?.getRow(5).getCell(3).value).toBeNull();
  });
});
