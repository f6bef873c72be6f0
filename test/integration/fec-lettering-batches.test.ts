/**
 * A re-import brings the lettering in line one slice of customers at a time: with slices of three
 * customers, the allocations written (rows, dates, amounts, sources, reversals), the summary and
 * its warnings are those of a single slice, on a scale FEC whose lettering is partly undone and
 * redone around matching made in Encours.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { importFec } from '#app/fec/import-fec';
import { letteringBatch } from '#app/fec/import-fec-write';
import { maxDate } from '#core/calendar';
import { insertAllocations, type NewAllocation } from '#db/ledger/ledger-writes';
import { writeScaleFec } from '#demo/scale-fec';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-fec-batches-'));
const LETTERED = join(dir, 'lettered.txt');
const UNLETTERED = join(dir, 'unlettered.txt');

/** The same file with every fifth lettered customer line unlettered. */
function unletterSome(text: string): string {
  let lettered = 0;
  return text
    .split('\n')
    .map((line) => {
      const columns = line.split('\t');
      if (!columns[4]?.startsWith('411') || !columns[13] || lettered++ % 5 !== 0) return line;
      columns[13] = '';
      columns[14] = '';
      return columns.join('\t');
    })
    .join('\n');
}

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await writeScaleFec(LETTERED, { lines: 3000, customers: 40 });
  writeFileSync(UNLETTERED, unletterSome(readFileSync(LETTERED, 'utf8')));
});
afterAll(async () => database?.close());

/** Every allocation of the company, by document references, its reversal by what it reverses. */
async function allocationRows(ctx: AppContext): Promise<string[]> {
  const result = await sql<{ row: string }>`
    select concat_ws('|', d.external_ref, c.external_ref, a.amount_minor, a.allocation_date, a.source,
      r.debit_document_id = a.debit_document_id and r.credit_document_id = a.credit_document_id,
      r.amount_minor, r.allocation_date, r.source) as row
    from allocations a
    join documents d on d.document_id = a.debit_document_id
    join documents c on c.document_id = a.credit_document_id
    left join allocations r on r.allocation_id = a.reverses_allocation_id
    where a.company_id = ${ctx.companyId} order by row`.execute(ctx.db);
  return result.rows.map((row) => row.row);
}

/** Matching made in Encours: each customer's first open debit with its first open credit. */
async function matchInEncours(ctx: AppContext): Promise<void> {
  const open = await sql<{ id: number; customer: string; amount: number; date: string; openMinor: number }>`
    select d.document_id::int8 as id, d.customer_code as customer, d.amount_minor::int8 as amount,
      d.issue_date::text as date, (abs(d.amount_minor) - coalesce((select sum(a.amount_minor) from allocations a
        where d.document_id in (a.debit_document_id, a.credit_document_id)), 0))::int8 as "openMinor"
    from documents d where d.company_id = ${ctx.companyId}
    order by d.customer_code, d.issue_date, d.external_ref`.execute(ctx.db);
  const pairs = new Map<
    string,
    { debit?: (typeof open.rows)[number]; credit?: (typeof open.rows)[number] }
  >();
  for (const doc of open.rows) {
    if (doc.openMinor <= 0) continue;
    const pair = pairs.get(doc.customer) ?? {};
    if (doc.amount > 0) pair.debit ??= doc;
    else pair.credit ??= doc;
    pairs.set(doc.customer, pair);
  }
  const allocations: NewAllocation[] = [];
  for (const { debit, credit } of pairs.values()) {
    if (!debit || !credit) continue;
    allocations.push({
      debitDocumentId: debit.id,
      creditDocumentId: credit.id,
      amountMinor: Math.min(debit.openMinor, credit.openMinor),
      allocationDate: maxDate(debit.date, credit.date),
      reversesAllocationId: null,
      source: 'manual',
    });
  }
  await insertAllocations(ctx.db, ctx.companyId, 'test', allocations);
}

/** Imports the unlettered file, matches in Encours, then re-imports the lettered file and the unlettered one. */
async function reimports(companyId: string, batchCustomers: number) {
  const ctx = database.context(companyId);
  await ensureCompany(ctx, { companyId, name: companyId });
  await importFec(ctx, { filePath: UNLETTERED });
  await matchInEncours(ctx);
  const saved = letteringBatch.customers;
  letteringBatch.customers = batchCustomers;
  try {
    const relettered = await importFec(ctx, { filePath: LETTERED });
    const afterRelettered = await allocationRows(ctx);
    const unlettered = await importFec(ctx, { filePath: UNLETTERED });
    return { relettered, afterRelettered, unlettered, afterUnlettered: await allocationRows(ctx) };
  } finally {
    letteringBatch.customers = saved;
  }
}

describe('re-import lettering by slices of customers', () => {
  it('writes the same allocations and reports the same summary as one slice', async () => {
    const whole = await reimports('WHOLE', 1000);
    const sliced = await reimports('SLICED', 3);
    expect(whole.relettered.changes.allocationsInserted).toBeGreaterThan(0);
    expect(whole.unlettered.changes.allocationsReversed).toBeGreaterThan(0);
    const encoursWarnings = whole.relettered.warnings.filter((warning) =>
      warning.code.startsWith('fec_lettering_'),
    );
    expect(encoursWarnings.length).toBeGreaterThan(1);
    expect(sliced).toEqual(whole);
  });
});
