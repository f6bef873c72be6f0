import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLegalReportFile, stepOf } from './legal-reports.ts';

describe('partner status reports', () => {
  it('reads the steps in French or English', () => {
    expect(stepOf('Reçu')).toBe('received');
    expect(stepOf('Injonction déposée')).toBe('injunction_filed');
    expect(stepOf('ordonnance d’injonction')).toBe('injunction_order');
    expect(stepOf('Exécution forcée')).toBe('enforcement');
    expect(stepOf('closed')).toBe('closed');
    expect(stepOf('en cours')).toBeNull();
  });

  it('reads amounts with the file’s decimal convention and lists every bad line', async () => {
    const path = join(tmpdir(), `partner-report-${process.pid}.csv`);
    await writeFile(
      path,
      'Dossier;Étape;Date;Recouvré;Reste dû;N° ligne\nLF-3;amiable;15/07/2026;1 234,56;2 000,00;A1\n3;en cours;32/07/2026;;;A2\n',
    );
    const parsed = await parseLegalReportFile(path);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'unknown_enum_value'],
      [3, 'invalid_date'],
    ]);
    await writeFile(
      path,
      'Dossier;Étape;Date;Recouvré;Reste dû;N° ligne\nLF-3;amiable;15/07/2026;1 234,56;2 000,00;A1\n',
    );
    const good = await parseLegalReportFile(path);
    expect(good).toMatchObject({
      ok: true,
      records: [
        {
          file: 'LF-3',
          step: 'amicable',
          date: '2026-07-15',
          recoveredMinor: 123_456,
          outstandingMinor: 200_000,
          costsMinor: 0,
          lineId: 'A1',
        },
      ],
    });
  });
});
