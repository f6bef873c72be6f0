import { describe, expect, it } from 'vitest';
import { netOfVat, planWriteOff, vatRecoveryNote } from './write-off.ts';

const open = [
  { documentId: 1, ref: 'F1', kind: 'invoice', issueDate: '2026-01-10', openMinor: 120_000 },
  { documentId: 2, ref: 'F2', kind: 'invoice', issueDate: '2026-02-10', openMinor: 60_000 },
];

describe('planWriteOff', () => {
  it('takes the whole open amount unless an amount is given', () => {
    const { lines, problems } = planWriteOff(open, [{ ref: 'F1' }, { ref: 'F2', amountMinor: 10_000 }]);
    expect(problems).toEqual([]);
    expect(lines.map((line) => [line.ref, line.amountMinor])).toEqual([
      ['F1', 120_000],
      ['F2', 10_000],
    ]);
  });

  it('refuses more than the open amount, unknown and repeated invoices', () => {
    const { problems } = planWriteOff(open, [
      { ref: 'F2', amountMinor: 60_001 },
      { ref: 'F9' },
      { ref: 'F1' },
      { ref: 'F1' },
    ]);
    expect(problems.map((problem) => problem.code)).toEqual([
      'amount_above_open',
      'invoice_not_open',
      'invoice_twice',
    ]);
  });
});

describe('vatRecoveryNote', () => {
  it('splits TTC into HT and TVA that add up, for an irrecoverable debt', () => {
    expect(netOfVat(120_000, 2000)).toBe(100_000);
    expect(netOfVat(1_001, 2000)).toBe(834); // 834.17 → 834
    const note = vatRecoveryNote(
      'insolvency',
      [
        { ref: 'F1', amountMinor: 120_000 },
        { ref: 'F2', amountMinor: 1_001 },
      ],
      2000,
    );
    expect(note).toMatchObject({ eligible: true, grossMinor: 121_001, netMinor: 100_834, vatMinor: 20_167 });
  });

  it('opens no recovery for a commercial gesture and leaves the split unknown without a rate', () => {
    const note = vatRecoveryNote('commercial', [{ ref: 'F1', amountMinor: 500 }], null);
    expect(note).toMatchObject({ eligible: false, netMinor: null, vatMinor: null });
  });
});
