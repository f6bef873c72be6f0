/** A FEC whose amounts, each valid, sum past 2^53 is refused with a clear problem, not a 500 (issue 10, point 5). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { DomainError } from '#app/errors';
import { importFec } from '#app/fec/import-fec';
import { getAgedBalance } from '#app/reports/aging';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';

/** One balanced sales entry per amount: the customer's debit and the sales credit. */
function fecOfSales(amounts: readonly string[]): string {
  const lines = [HEADER];
  amounts.forEach((amount, index) => {
    const head = ['VE', 'Ventes', String(index + 1), '20240105'];
    const piece = `F${index + 1}`;
    const tail = (debit: string, credit: string) => [
      piece,
      '20240105',
      `${piece} Client`,
      debit,
      credit,
      '',
      '',
      '20240105',
      '',
      '',
    ];
    lines.push([...head, '411000', 'Clients', 'C1', 'Client Un', ...tail(amount, '0,00')].join('\t'));
    lines.push([...head, '706000', 'Ventes', '', '', ...tail('0,00', amount)].join('\t'));
  });
  return `${lines.join('\n')}\n`;
}

let database: TestDatabase;
let ctx: AppContext;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('FECBIG');
  await ensureCompany(ctx, { companyId: 'FECBIG', name: 'Grosse FEC SA' });
  dir = await mkdtemp(join(tmpdir(), 'encours-security-fec-'));
});
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

async function importText(name: string, text: string) {
  const filePath = join(dir, name);
  await writeFile(filePath, text);
  return importFec(ctx, { filePath, journalTypes: {} });
}

describe('FEC amounts past the bounds', () => {
  it('refuses amounts that sum past 2^53 with a problem code, and the reports still answer', async () => {
    // 6 × 10^15 cents each: every one a safe integer, together past 2^53 ≈ 9.007 × 10^15.
    const error = await importText('enorme.txt', fecOfSales(['60000000000000,00', '60000000000000,00'])).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('import_rejected');
    const problems = ((error as DomainError).details as { errors: { code?: string }[] }).errors;
    expect(problems.map((found) => found.code)).toContain('amount_too_large');
    const aging = await getAgedBalance(ctx, { asOf: '2024-12-31' });
    expect(aging.proof.matchesLedger).toBe(true);
  });

  it('refuses a company total past its bound, each document being within its own', async () => {
    const amounts = Array.from({ length: 120 }, () => '99000000000,00');
    const error = await importText('nombreuses.txt', fecOfSales(amounts)).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect((error as DomainError).code).toBe('import_rejected');
    const problems = ((error as DomainError).details as { errors: { code?: string }[] }).errors;
    expect(problems.map((found) => found.code)).toEqual(['company_documents_total_too_large']);
  });

  it('still imports amounts within the bounds', async () => {
    const summary = await importText('normale.txt', fecOfSales(['1200,00', '300,50']));
    expect(summary.reconciliation).toMatchObject({
      controlBalanceMinor: 150_050,
      sumOpenItemsMinor: 150_050,
      customersWithDifference: [],
    });
  });
});
