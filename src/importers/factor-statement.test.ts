import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFactorStatement } from './factor-statement.ts';

const dir = mkdtempSync(join(tmpdir(), 'factor-statement-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the factor’s statement', () => {
  it('reads a French CSV with debit and credit columns, from our side, ignoring the balance', async () => {
    const path = file(
      'releve.csv',
      [
        'Date opération;Référence;Libellé;Débit;Crédit;Solde',
        '30/06/2026;BC-1;Cession bordereau 1;;21 833,33;21 833,33',
        '30/06/2026;BC-1;Retenue de garantie;2 183,33;;19 650,00',
        '02/07/2026;;Virement;19 349,36;;300,64',
      ].join('\n'),
    );
    const parsed = await parseFactorStatement(path, 'EUR');
    expect(parsed).toEqual({
      ok: true,
      lines: [
        {
          line: 2,
          date: '2026-06-30',
          reference: 'BC-1',
          label: 'Cession bordereau 1',
          amountMinor: 2_183_333,
        },
        {
          line: 3,
          date: '2026-06-30',
          reference: 'BC-1',
          label: 'Retenue de garantie',
          amountMinor: -218_333,
        },
        { line: 4, date: '2026-07-02', reference: null, label: 'Virement', amountMinor: -1_934_936 },
      ],
    });
  });

  it('reads one signed amount column', async () => {
    const path = file('statement.csv', 'date,label,amount\n2026-08-05,Reserve released,705.77\n');
    const parsed = await parseFactorStatement(path, 'EUR');
    expect(parsed.ok && parsed.lines.map((l) => l.amountMinor)).toEqual([70_577]);
  });

  it('names the missing columns and the unreadable lines', async () => {
    expect(await parseFactorStatement(file('a.csv', 'Libellé;Débit\nx;1,00\n'), 'EUR')).toEqual({
      ok: false,
      problems: [{ line: 1, code: 'missing_column', detail: 'date' }],
    });
    const bad = await parseFactorStatement(
      file('b.csv', 'Date;Libellé;Montant\n31/02/2026;x;1,00\n01/03/2026;y;\n'),
      'EUR',
    );
    expect(bad.ok ? [] : bad.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'invalid_date'],
      [3, 'no_amount'],
    ]);
  });
});
