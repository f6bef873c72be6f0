/**
 * FEC import on the database: customers, documents and lettering rebuilt from small FEC files
 * written here, the proof (customer list balances = FEC account balances), idempotence, the next
 * period's file with matching made in Encours in between, and rejected files that change nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { listCustomers } from '#app/customers/customers';
import { importFec } from '#app/fec/import-fec';
import { insertAllocations } from '#db/ledger/ledger-writes';
import { rejection } from '../support/rejection.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-fec-'));
const HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';

interface Move {
  journal: 'VE' | 'BQ';
  num: string;
  date: string;
  customer: [account: string, aux: string, name: string];
  piece: string;
  amount: string;
  letter?: string;
  dateLet?: string;
}

const C1: Move['customer'] = ['411000', 'C1', 'Quincaillerie Martin'];
const C2: Move['customer'] = ['411200', '', 'Client Deux'];

/** Each move is one balanced entry: the customer line and its counterpart (sales or bank). */
function fecText(moves: readonly Move[], tweak?: (lines: string[]) => void): string {
  const lines = [HEADER];
  for (const move of moves) {
    const [account, aux, name] = move.customer;
    const isSale = move.journal === 'VE';
    const journalLib = isSale ? 'Ventes' : 'Banque';
    const head = [move.journal, journalLib, move.num, move.date];
    const tail = (debit: string, credit: string, letter = '', dateLet = '') => [
      move.piece,
      move.date,
      `${move.piece} ${name}`,
      debit,
      credit,
      letter,
      dateLet,
      move.date,
      '',
      '',
    ];
    const customerSide = isSale ? [move.amount, '0,00'] : ['0,00', move.amount];
    const other = isSale
      ? ['706000', 'Ventes', '0,00', move.amount]
      : ['512000', 'Banque', move.amount, '0,00'];
    lines.push(
      [
        ...head,
        account,
        aux ? 'Clients' : name,
        aux,
        aux ? name : '',
        ...tail(customerSide[0] ?? '', customerSide[1] ?? '', move.letter, move.dateLet),
      ].join('\t'),
      [...head, other[0], other[1], '', '', ...tail(other[2] ?? '', other[3] ?? '')].join('\t'),
    );
  }
  tweak?.(lines);
  return `${lines.join('\n')}\n`;
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const PERIOD_1: Move[] = [
  {
    journal: 'VE',
    num: '1',
    date: '20240105',
    customer: C1,
    piece: 'F1',
    amount: '1200,00',
    letter: 'A',
    dateLet: '20240210',
  },
  { journal: 'VE', num: '2', date: '20240120', customer: C1, piece: 'F2', amount: '500,00' },
  { journal: 'VE', num: '3', date: '20240125', customer: C2, piece: 'F3', amount: '300,00', letter: 'B' },
  {
    journal: 'BQ',
    num: '1',
    date: '20240210',
    customer: C1,
    piece: 'R1',
    amount: '1200,00',
    letter: 'A',
    dateLet: '20240210',
  },
  { journal: 'BQ', num: '2', date: '20240215', customer: C2, piece: 'R2', amount: '100,00', letter: 'B' },
  { journal: 'BQ', num: '3', date: '20240220', customer: C1, piece: 'R3', amount: '50,00' },
];
const FEC_1 = file('fec-1.txt', fecText(PERIOD_1));

let database: TestDatabase;
let ctx: AppContext;

async function snapshot() {
  const counts = await sql<{ table: string; count: number }>`
    select 'customers' as table, count(*)::int8 as count from customers union all
    select 'documents', count(*)::int8 from documents union all
    select 'allocations', count(*)::int8 from allocations union all
    select 'audit_log', count(*)::int8 from audit_log`.execute(ctx.db);
  return counts.rows;
}

async function balances(asOf: string) {
  const list = await listCustomers(ctx, { asOf });
  return Object.fromEntries(list.items.map((item) => [item.code, item.balanceMinor]));
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('FEC');
  await ensureCompany(ctx, { companyId: 'FEC', name: 'FEC test' });
});
afterAll(async () => database?.close());

describe('import fec', () => {
  it('rebuilds customers, documents and lettering, and proves the balances to the cent', async () => {
    const summary = await importFec(ctx, { filePath: FEC_1 });
    expect(summary).toMatchObject({
      lines: 12,
      entries: 6,
      customers: 2,
      documents: { invoices: 3, creditNotes: 0, payments: 3, other: 0 },
      allocations: 2,
      openItems: 3,
      reconciliation: { controlBalanceMinor: 65_000, sumOpenItemsMinor: 65_000, customersWithDifference: [] },
    });
    // What `encours customers list --as-of 2024-02-20 --json` prints, through the same use case.
    expect(await balances('2024-02-20')).toEqual({ '411200': 20_000, C1: 45_000 });
    const customers = await ctx.db.selectFrom('customers').select(['code', 'name']).orderBy('code').execute();
    expect(customers).toEqual([
      { code: '411200', name: 'Client Deux' },
      { code: 'C1', name: 'Quincaillerie Martin' },
    ]);
  });

  it('changes nothing when the same FEC is imported again', async () => {
    const before = await snapshot();
    const summary = await importFec(ctx, { filePath: FEC_1 });
    expect(summary.changes).toMatchObject({
      documentsInserted: 0,
      documentsUpdated: 0,
      allocationsInserted: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("imports the next period's FEC without duplicates and keeps the matching made in Encours", async () => {
    const ids = await ctx.db.selectFrom('documents').select(['document_id', 'label']).execute();
    const idOf = (piece: string) => ids.find((row) => row.label?.startsWith(`${piece} `))?.document_id ?? 0;
    await insertAllocations(ctx.db, 'FEC', 'test', [
      {
        debitDocumentId: idOf('F2'),
        creditDocumentId: idOf('R3'),
        amountMinor: 5_000,
        allocationDate: '2024-02-25',
        reversesAllocationId: null,
        source: 'manual',
      },
    ]);
    const period2 = PERIOD_1.map((move) =>
      move.piece === 'F2' || move.piece === 'R3'
        ? { ...move, letter: 'C', dateLet: '20240310' }
        : move.piece === 'F3' || move.piece === 'R2'
          ? { ...move, dateLet: '20240315' }
          : move,
    );
    period2.push(
      {
        journal: 'BQ',
        num: '4',
        date: '20240310',
        customer: C1,
        piece: 'R4',
        amount: '450,00',
        letter: 'C',
        dateLet: '20240310',
      },
      {
        journal: 'BQ',
        num: '5',
        date: '20240315',
        customer: C2,
        piece: 'R5',
        amount: '200,00',
        letter: 'B',
        dateLet: '20240315',
      },
    );
    const summary = await importFec(ctx, { filePath: file('fec-2.txt', fecText(period2)) });
    expect(summary.changes).toMatchObject({
      documentsInserted: 2,
      documentsUpdated: 0,
      allocationsReversed: 1,
    });
    expect(summary.reconciliation.customersWithDifference).toEqual([]);
    // The file's lettering of F2 with R3 comes after the matching made in Encours: a coded warning,
    // worded in French with the amount as money.
    expect(summary.warnings.map((warning) => warning.code)).toEqual(['fec_lettering_already_matched']);
    expect(summary.warnings[0]?.message).toMatch(
      /^lettrage de BQ\/3\/\S+ avec VE\/2\/\S+ \(50,00\s€\) non repris\u00a0: les pièces ont déjà été lettrées dans Encours$/,
    );
    expect(await balances('2024-03-31')).toEqual({ '411200': 0, C1: 0 });
    const open = await ctx.db
      .selectFrom('documents')
      .select(sql<number>`count(*)::int8`.as('n'))
      .executeTakeFirst();
    expect(open?.n).toBe(8);
    const manual = await ctx.db
      .selectFrom('allocations')
      .selectAll()
      .where('source', '=', 'manual')
      .execute();
    expect(manual).toHaveLength(1);
  });

  const replaceLine = (index: number, change: (line: string) => string) => (lines: string[]) => {
    lines[index] = change(lines[index] ?? '');
  };
  it.each([
    [
      'an unbalanced entry',
      replaceLine(1, (l) => l.replace('1200,00\t0,00', '1100,00\t0,00')),
      2,
      'Debit/Credit',
      'fec_entry_unbalanced',
      /does not balance/,
    ],
    [
      'a bad date',
      replaceLine(3, (l) => l.replace('20240120', '20240132')),
      4,
      'EcritureDate',
      'fec_invalid_date',
      /not a valid date/,
    ],
    [
      'a truncated line',
      replaceLine(5, (l) => l.split('\t').slice(0, 11).join('\t')),
      6,
      'Debit',
      'fec_column_count',
      /columns/,
    ],
    [
      'a wrong column count',
      replaceLine(7, (l) => `${l}\textra\tcolumns`),
      8,
      null,
      'fec_column_count',
      /columns/,
    ],
  ])(
    'rejects %s with a precise error and changes nothing',
    async (_name, tweak, line, column, code, reason) => {
      const before = await snapshot();
      const error = await rejection(
        importFec(ctx, { filePath: file('bad.txt', fecText(PERIOD_1, tweak)), lang: 'en' }),
      );
      expect(error.code).toBe('import_rejected');
      const first = (error.details as { errors: { line: number; column: string | null; reason: string }[] })
        .errors[0];
      expect(first).toMatchObject({ line, column, code });
      expect(first?.reason).toMatch(reason);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('words the problems of a rejected file in French by default', async () => {
    const unbalanced = replaceLine(1, (l) => l.replace('1200,00\t0,00', '1100,00\t0,00'));
    const error = await rejection(
      importFec(ctx, { filePath: file('bad-fr.txt', fecText(PERIOD_1, unbalanced)) }),
    );
    const errors = (error.details as { errors: { line: number; reason: string }[] }).errors;
    expect(errors[0]?.reason).toBe(
      'écriture déséquilibrée (regroupée par journal et EcritureNum)\u00a0: débit − crédit = -100,00',
    );
    expect(error.message).toMatch(
      /^bad-fr\.txt\u00a0: fichier refusé, \d+ problèmes?\u00a0; rien n’a été importé/,
    );
  });

  it('dry run reports and writes nothing', async () => {
    const before = await snapshot();
    const summary = await importFec(ctx, {
      filePath: file(
        'fec-3.txt',
        fecText([
          ...PERIOD_1,
          {
            journal: 'VE',
            num: '9',
            date: '20240401',
            customer: ['411000', 'C9', 'Nouveau'],
            piece: 'F9',
            amount: '10,00',
          },
        ]),
      ),
      dryRun: true,
    });
    expect(summary).toMatchObject({ dryRun: true, changes: { customersInserted: 1 } });
    expect(await snapshot()).toEqual(before);
  });

  it('warns about lines of an earlier import that the new file no longer contains', async () => {
    const withoutF2 = PERIOD_1.filter((move) => move.piece !== 'F2');
    const summary = await importFec(ctx, { filePath: file('fec-4.txt', fecText(withoutF2)), dryRun: true });
    const vanished = summary.warnings.find((warning) => warning.code === 'fec_documents_vanished');
    expect(vanished?.params).toMatchObject({ count: 1, firstDate: '2024-01-05', lastDate: '2024-02-20' });
    expect(vanished?.message).toMatch(
      /^1 pièce d’un import FEC précédent, datée du 05\/01\/2024 au 20\/02\/2024, n’est plus dans ce fichier .*: VE\/2\//,
    );
    expect(summary.warnings.find((warning) => warning.code === 'fec_customer_difference')?.message).toMatch(
      /^client C1\u00a0: pièces ouvertes 450,00\s€ ≠ solde du FEC -50,00\s€$/,
    );
    // The proof names the customer and the document the file does not explain.
    expect(summary.reconciliation.customersWithDifference).toEqual([
      expect.objectContaining({
        customerCode: 'C1',
        otherDocuments: [expect.stringMatching(/^fec\/VE\/2\//)],
      }),
    ]);
  });
});
