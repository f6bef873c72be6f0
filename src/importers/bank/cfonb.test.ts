import { describe, expect, it } from 'vitest';
import type { BankFileError } from './bank-types.ts';
import { ibanFromFrenchRib } from './bank-values.ts';
import { overpunchToMinor, parseCfonb } from './cfonb.ts';
import { transactionsOf } from './transactions.ts';

/** One record of 120 characters from its fields at their CFONB columns. */
function record(fields: Record<number, string>): string {
  let line = ' '.repeat(120);
  for (const [column, value] of Object.entries(fields)) {
    const at = Number(column) - 1;
    line = line.slice(0, at) + value + line.slice(at + value.length);
  }
  return line.slice(0, 120);
}
const head = (code: string) => ({ 1: code, 3: '30004', 12: '00123', 17: 'EUR', 20: '2', 22: '00012345678' });
const statement = [
  record({ ...head('01'), 35: '010626', 91: '0000000010000{' }),
  record({
    ...head('04'),
    33: '05',
    35: '020626',
    43: '020626',
    49: 'VIR SEPA DUPONT ET FILS',
    91: '0000000004500{',
  }),
  record({ ...head('05'), 33: '05', 35: '020626', 46: 'LIB', 49: 'FACT F2026-001 F2026-002' }),
  record({ ...head('05'), 33: '05', 35: '020626', 46: 'NPY', 49: 'DUPONT ET FILS' }),
  record({ ...head('05'), 33: '05', 35: '020626', 46: 'ZZZ', 49: 'KEPT AS IS' }),
  '',
  record({
    ...head('04'),
    33: '01',
    35: '020626',
    43: '020626',
    49: 'CHQ IMPAYE 1234567',
    41: '23',
    91: '0000000001000}',
  }),
  record({ ...head('07'), 35: '020626', 91: '0000000013500{' }),
].join('\r\n');

describe('CFONB 120', () => {
  it('decodes overpunched amounts exactly, in the file’s decimals', () => {
    expect(overpunchToMinor('0000000001904}', 2, 'EUR')).toBe(-19_040);
    expect(overpunchToMinor('00000000000974I', 2, 'EUR')).toBe(9_749);
    expect(overpunchToMinor('0000000000012A', 3, 'EUR')).toBe(null);
    expect(overpunchToMinor('0000000000120{', 3, 'EUR')).toBe(120);
    expect(overpunchToMinor('000000000012X', 2, 'EUR')).toBe(null);
  });

  it('computes the IBAN of a RIB so the same account is recognised in every format', () => {
    expect(ibanFromFrenchRib('30004', '00123', '00012345678')).toMatch(/^FR\d{2}300040012300012345678\d{2}$/);
    expect(ibanFromFrenchRib('30006', '00001', '12345678901', '89')).toBe('FR7630006000011234567890189');
  });

  it('reads a statement: balances, operations, 05 details, unknown qualifiers kept, a return', () => {
    const [parsed] = parseCfonb(statement).statements;
    expect(parsed).toMatchObject({
      fromDate: '2026-06-01',
      toDate: '2026-06-02',
      opening: { amountMinor: 100_000 },
      closing: { amountMinor: 135_000 },
    });
    expect(parsed?.entries[0]).toMatchObject({
      amountMinor: 45_000,
      label: 'VIR SEPA DUPONT ET FILS',
      bankTxCode: '05',
      details: [{ debtor: { name: 'DUPONT ET FILS' }, unstructured: ['FACT F2026-001 F2026-002'] }],
      extra: [{ qualifier: 'ZZZ', text: 'KEPT AS IS' }],
    });
    const transactions = parsed ? transactionsOf(parsed) : [];
    expect(transactions.map((t) => [t.amountMinor, t.isReturn, t.returnReason])).toEqual([
      [45_000, false, null],
      [-10_000, true, '23'],
    ]);
  });

  it('rejects records outside a statement and a 05 with no operation, with their lines', () => {
    const lines = statement.split('\r\n');
    const broken = [lines[2], ...lines].join('\n');
    try {
      parseCfonb(broken);
      expect.unreachable();
    } catch (error) {
      expect((error as BankFileError).problems).toEqual([
        { code: 'cfonb_outside_statement', params: {}, line: 1 },
      ]);
    }
  });
});
