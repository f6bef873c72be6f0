/**
 * The dysfunctions report says what each count counts (issue 16): the gaps' table « 419 commandes
 * de 74 clients », « 212 factures de 73 clients », « 34 clients » under « Périmètre », not a bare
 * count under « Clients concernés » beside a sentence about 419 orders; the list of customers to
 * watch says of which customers it lists the largest; and the risk levels count the customers
 * owing money, as the summary does, with a customer in credit apart.
 */
import { describe, expect, it } from 'vitest';
import type { RiskLevel } from '#core/analytics/risk-levels';
import type { AgingSummary, ProcedureGap } from '#core/procedure/reports-model';
import type { Lang } from '#text/catalogue';
import { translator } from '#text/catalogue';
import { gapScope } from '#text/gap-scope';
import { cutNote } from './reports-blocks.ts';
import { agingBlocks } from './reports-document-dysfunctions.ts';
import { gapsBlocks } from './reports-document-gaps.ts';
import { riskOf } from './reports-dysfunctions.ts';

const plain = (text: unknown) => String(text).replace(/[\u00a0\u202f]/g, ' ');

const gap = (code: string, count: number, itemCount?: number): ProcedureGap => ({
  code,
  count,
  ...(itemCount === undefined ? {} : { itemCount }),
  amountMinor: 100_000,
  items: [],
});

const gaps = [
  gap('orders_accepted_over_limit', 74, 419),
  gap('never_reminded', 5),
  gap('overdue_not_reminded', 73, 212),
  gap('missing_limit', 1),
  gap('cover_lapsed', 0),
];

/** The summary table of the gaps: headers, then each row's count as printed. */
function gapTable(lang: Lang) {
  const [first] = gapsBlocks({ currency: 'EUR', gaps }, lang);
  if (first?.type !== 'table') throw new Error('no table first');
  return {
    headers: first.table.columns.map((c) => c.header),
    counts: first.table.rows.map((row) => plain(row[1])),
  };
}

describe('the gaps of the dysfunctions report', () => {
  it('say what each count counts, orders or invoices of customers, or customers', () => {
    expect(gapTable('fr')).toEqual({
      headers: ['Faille', 'Périmètre', 'Montant'],
      counts: [
        '419 commandes de 74 clients',
        '5 clients',
        '212 factures de 73 clients',
        '1 client',
        'Aucun client',
      ],
    });
    expect(gapTable('en')).toEqual({
      headers: ['Gap', 'Scope', 'Amount'],
      counts: [
        '419 orders of 74 customers',
        '5 customers',
        '212 invoices of 73 customers',
        '1 customer',
        'No customer',
      ],
    });
  });

  it('word a single case and an empty gap of orders in the singular', () => {
    const t = translator('fr');
    expect(plain(gapScope(t, gap('orders_accepted_over_limit', 1, 1)))).toBe('1 commande de 1 client');
    expect(plain(gapScope(t, gap('overdue_not_reminded', 0, 0)))).toBe('Aucune facture');
    expect(plain(gapScope(translator('en'), gap('orders_accepted_over_limit', 2, 1_234)))).toBe(
      '1,234 orders of 2 customers',
    );
  });
});

const row = (code: string, riskLevel: RiskLevel, balanceMinor: number) => ({
  code,
  name: `Client ${code}`,
  riskLevel,
  balanceMinor,
  overdueMinor: Math.max(0, balanceMinor),
  creditLimitMinor: null,
  oldestOverdueDays: 40,
  action: 'first_reminder' as const,
});

const summary = ['critical', 'high', 'moderate', 'low'].map((level) => ({ level, label: level }));

describe('the risk levels of the dysfunctions report', () => {
  // Michel Distribution's case: unapplied payments beyond its open invoices, a « Faible » row of the table.
  const risk = riskOf({
    rows: [
      row('C1', 'critical', 50_000),
      row('C2', 'moderate', 20_000),
      row('C3', 'low', 10_000),
      row('C4', 'low', -422_975),
    ],
    summary,
  });

  it('count the customers owing money, and a customer in credit apart', () => {
    expect(risk.summary.map((s) => [s.level, s.customers, s.balanceMinor])).toEqual([
      ['critical', 1, 50_000],
      ['high', 0, 0],
      ['moderate', 1, 20_000],
      ['low', 1, 10_000],
    ]);
    expect(risk.creditors).toEqual({ customers: 1, balanceMinor: -422_975 });
    expect(risk.customerCount).toBe(2);
  });

  it('print the creditor on a line of its own, the lines adding up to the receivables', () => {
    const aging: AgingSummary = {
      buckets: [],
      creditsMinor: 0,
      totalMinor: 50_000 + 20_000 + 10_000 - 422_975,
    };
    const blocks = agingBlocks({ aging, risk, currency: 'EUR' }, 'fr');
    const levels = blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []))[1];
    expect(levels?.rows.map((r) => [r[1], r[2]])).toEqual([
      [1, 50_000],
      [0, 0],
      [1, 20_000],
      [1, 10_000],
      [1, -422_975],
    ]);
    expect(levels?.rows.at(-1)?.[0]).toBe('Clients créditeurs (hors niveaux de risque)');
    expect(levels?.rows.reduce((s, r) => s + Number(r[2]), 0)).toBe(aging.totalMinor);
  });

  it('say of which customers the list to watch shows the largest', () => {
    const [note] = cutNote('fr', 15, 148, 'procedureReports.cut.riskCustomers');
    expect(note?.type === 'paragraph' && plain(note.text)).toBe(
      'Les 15 clients les plus importants sur 148 clients à risque modéré, élevé ou critique sont listés.',
    );
    const [english] = cutNote('en', 15, 148, 'procedureReports.cut.riskCustomers');
    expect(english?.type === 'paragraph' && english.text).toBe(
      'The 15 largest of 148 customers at moderate, high or critical risk are listed.',
    );
  });
});
