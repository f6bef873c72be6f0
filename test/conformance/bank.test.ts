/**
 * Conformance of the bank statement parsers with ../shared/testdata/bank (when present): every
 * camt file against the object tree genkgo/camt expects of it (`.parsed.json`: other field names,
 * the same values), the CFONB files against the values pennylane/cfonb asserts (expected.json),
 * and a CFONB file with a bad date rejected with a clear problem. The import then refuses the
 * statements whose balances do not add up (a few oracle files have a closing balance in another
 * currency or 5 cents off: they are parser fixtures, not consistent statements) and imports the
 * others idempotently.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBankStatement } from '#app/cash/import-bank';
import { ensureCompany } from '#app/companies/companies';
import { DomainError } from '#app/errors';
import { BankFileError, type ParsedEntry, type ParsedStatement } from '#importers/bank/bank-types';
import { parseCfonbOperations } from '#importers/bank/cfonb';
import { parseBankText } from '#importers/bank/parse-bank-file';
import { balanceCheckOf, transactionsOf } from '#importers/bank/transactions';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const BANK_DIR = resolve(import.meta.dirname, '../../../shared/testdata/bank');
const present = existsSync(BANK_DIR);
const camtFiles = present
  ? readdirSync(join(BANK_DIR, 'camt'))
      .filter((name) => name.endsWith('.xml'))
      .sort()
  : [];
const read = (path: string) => readFileSync(join(BANK_DIR, path), 'utf8');

// biome-ignore lint/suspicious/noExplicitAny: the oracle is an untyped object tree
type Oracle = any;
const RECURSION = '__RECURSIVITY__';

/** The statements an oracle describes: its records, or those its entries point back to. */
function oracleRecords(oracle: Oracle): Oracle[] {
  const direct = (oracle.getRecords as Oracle[]).filter((record) => record !== RECURSION);
  const viaEntries = (oracle.getEntries as Oracle[])
    .map((entry) => entry.getRecord)
    .filter((r) => r && r !== RECURSION);
  const byId = new Map<string, Oracle>();
  for (const record of [...direct, ...viaEntries]) byId.set(record.getId, record);
  return [...byId.values()];
}

function oracleEntries(oracle: Oracle, record: Oracle): Oracle[] {
  const entries = (record.getEntries as Oracle[]).filter((entry) => entry !== RECURSION);
  if (entries.length > 0) return entries;
  return (oracle.getEntries as Oracle[]).filter(
    (entry) => entry.getRecord === RECURSION || entry.getRecord?.getId === record.getId,
  );
}

const date = (value: Oracle) => (value ? String(value['0']).slice(0, 10) : null);
const money = (value: Oracle) =>
  value ? { amountMinor: Number(value.getAmount), currency: value.getCurrency.getCode } : null;

function expectBalance(ours: ParsedStatement['opening'], theirs: Oracle): void {
  expect({ amountMinor: ours?.amountMinor, currency: ours?.currency, date: ours?.date }).toEqual({
    ...money(theirs.getAmount),
    date: date(theirs.getDate),
  });
}

function expectDetail(ours: ParsedEntry['details'][number] | undefined, theirs: Oracle): void {
  expect(ours).toBeDefined();
  if (!ours) return;
  const amount = money(theirs.getAmount);
  // genkgo signs a detail with its entry's indicator; the magnitude and currency are the file's.
  if (amount)
    expect({ amountMinor: ours.amountMinor, currency: ours.currency }).toEqual({
      amountMinor: Math.abs(amount.amountMinor),
      currency: amount.currency,
    });
  const reference = theirs.getReference ?? {};
  expect(ours.endToEndId).toBe(reference.getEndToEndId ?? null);
  if (reference.getInstructionId) expect(ours.instructionId).toBe(reference.getInstructionId);
  const remittance = theirs.getRemittanceInformation;
  const unstructured = remittance?.getUnstructuredBlock?.getMessage;
  if (unstructured) expect(ours.unstructured[0]).toBe(unstructured);
  const structured = remittance?.getStructuredBlock?.getCreditorReferenceInformation?.getRef;
  if (structured) expect(ours.creditorRefs).toContain(structured);
  for (const party of theirs.getRelatedParties ?? []) {
    const role = String(party.getRelatedPartyType.__CLASS__).split('\\').at(-1);
    const mine = role === 'Debtor' ? ours.debtor : role === 'Creditor' ? ours.creditor : undefined;
    if (mine === undefined) continue;
    expect(mine?.name ?? null).toBe(party.getRelatedPartyType.getName ?? null);
    if (party.getAccount?.getIdentification)
      expect(mine?.iban ?? mine?.otherAccount).toBe(party.getAccount.getIdentification);
  }
}

function expectEntry(ours: ParsedEntry | undefined, theirs: Oracle): void {
  expect(ours).toBeDefined();
  if (!ours) return;
  expect({ amountMinor: ours.amountMinor, currency: ours.currency }).toEqual(money(theirs.getAmount));
  expect(ours.creditDebit).toBe(theirs.getCreditDebitIndicator);
  expect(ours.reversal).toBe(theirs.getReversalIndicator);
  expect(ours.status).toBe(theirs.getStatus);
  expect(ours.bookingDate).toBe(date(theirs.getBookingDate));
  expect(ours.valueDate).toBe(date(theirs.getValueDate));
  expect(ours.bankRef).toBe(theirs.getAccountServicerReference ?? null);
  expect(ours.batchId).toBe(theirs.getBatchPaymentId ?? null);
  const details = (theirs.getTransactionDetails as Oracle[]).map((detail) =>
    detail === RECURSION ? theirs.getTransactionDetail : detail,
  );
  expect(ours.details).toHaveLength(details.length);
  for (const [index, detail] of details.entries()) expectDetail(ours.details[index], detail);
}

describe.skipIf(!present)('camt conformance (genkgo/camt oracles)', () => {
  it.each(camtFiles)('%s parses to the values of its .parsed.json', (name) => {
    const parsed = parseBankText(read(`camt/${name}`));
    const oracle = JSON.parse(read(`camt/${name.replace(/\.xml$/, '.parsed.json')}`));
    expect(parsed.format).toBe(name.includes('camt054') ? 'camt.054' : 'camt.053');
    const records = oracleRecords(oracle);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      const ours = parsed.statements.find((statement) => statement.id === record.getId);
      expect(ours, record.getId).toBeDefined();
      if (!ours) continue;
      expect(ours.account.iban ?? ours.account.otherId).toBe(record.getAccount.getIdentification);
      const balances = (record.getBalances ?? []) as Oracle[];
      const opening = balances.find((balance) => balance.getType === 'opening');
      const closing = balances.find((balance) => balance.getType === 'closing');
      if (opening) expectBalance(ours.opening, opening);
      else expect(ours.opening).toBeNull();
      if (closing) expectBalance(ours.closing, closing);
      else expect(ours.closing).toBeNull();
      const entries = oracleEntries(oracle, record);
      expect(ours.entries).toHaveLength(entries.length);
      for (const [index, entry] of entries.entries()) expectEntry(ours.entries[index], entry);
    }
  });

  it('knows which oracle statements add up: the multi-statement file does, the fixtures with a foreign closing balance do not', () => {
    const verdicts = Object.fromEntries(
      camtFiles.map((name) => [
        name,
        parseBankText(read(`camt/${name}`)).statements.map((statement) => {
          const check = balanceCheckOf(statement);
          return check === null ? 'no balances' : check.ok ? 'ok' : check.reason;
        }),
      ]),
    );
    expect(verdicts).toEqual({
      'genkgo_camt053.v2.five.decimals.xml': ['difference'],
      'genkgo_camt053.v2.minimal.xml': ['currency'],
      'genkgo_camt053.v2.multi.statement.xml': ['ok', 'ok'],
      'genkgo_camt053.v4.xml': ['currency'],
      'genkgo_camt053.v8.xml': ['currency'],
      'genkgo_camt054.v2.xml': ['no balances'],
      'genkgo_camt054.v8.xml': ['no balances'],
    });
  });

  it('keeps a batch entry of camt.054 as one transaction when its transfers do not add up to it', () => {
    const [statement] = parseBankText(read('camt/genkgo_camt054.v8.xml')).statements;
    // 200,000 SEK booked, transfers of 3.10 + 3.20 + 3.20 CHF: not a split of the entry.
    expect(statement && transactionsOf(statement).map((t) => t.amountMinor)).toEqual([-20_000_000]);
  });
});

describe.skipIf(!present)('CFONB 120 conformance (pennylane/cfonb expectations)', () => {
  const expected = present ? JSON.parse(read('cfonb/expected.json')) : {};
  const minor = (euros: number) => Math.round(euros * 100);

  it('pennylane_example.txt: both statements, balances and operations', () => {
    const parsed = parseBankText(read('cfonb/pennylane_example.txt'));
    expect(parsed.format).toBe('cfonb120');
    const statements = expected['pennylane_example.txt'].statements as Oracle[];
    expect(parsed.statements).toHaveLength(statements.length);
    statements.forEach((theirs, index) => {
      const ours = parsed.statements[index] as ParsedStatement;
      expect(ours.account.otherId).toBe(`${theirs.bank} ${theirs.branch} ${theirs.account}`);
      expect(ours.account.currency).toBe(theirs.currency);
      expect([ours.fromDate, ours.opening?.amountMinor]).toEqual([theirs.from, minor(theirs.fromBalance)]);
      expect([ours.toDate, ours.closing?.amountMinor]).toEqual([theirs.to, minor(theirs.toBalance)]);
      expect(balanceCheckOf(ours)).toMatchObject({ ok: true });
      expect(ours.entries).toHaveLength(theirs.operations.length);
      (theirs.operations as Oracle[]).forEach((operation, at) => {
        const entry = ours.entries[at] as ParsedEntry;
        expect(entry.amountMinor).toBe(minor(operation.amount));
        expect([entry.bookingDate, entry.valueDate, entry.label]).toEqual([
          operation.date,
          operation.valueDate,
          operation.label,
        ]);
        if (operation.interbankCode) expect(entry.bankTxCode).toBe(operation.interbankCode);
        if (operation.freeLabel) expect(entry.details[0]?.unstructured.join('\n')).toBe(operation.freeLabel);
      });
    });
  });

  it('pennylane_example.txt keeps the 05 qualifiers it does not interpret', () => {
    const [statement] = parseBankText(read('cfonb/pennylane_example.txt')).statements;
    expect(statement?.entries[0]?.extra.map((extra) => extra.qualifier)).toEqual([
      'AAA',
      'AAA',
      'BBB',
      'CCC',
      'N Y',
      "2'C",
    ]);
  });

  it('pennylane_operation.txt: one operation with its details', () => {
    const [entry] = parseCfonbOperations(read('cfonb/pennylane_operation.txt'));
    const theirs = expected['pennylane_operation.txt'].operation;
    expect(entry?.amountMinor).toBe(minor(theirs.amount));
    expect([entry?.currency, entry?.bookingDate, entry?.valueDate, entry?.label, entry?.bankTxCode]).toEqual([
      theirs.currency,
      theirs.date,
      theirs.valueDate,
      theirs.label,
      theirs.interbankCode,
    ]);
    const detail = entry?.details[0];
    expect({
      operationReference: detail?.transactionId,
      clientReference: detail?.endToEndId,
      debtor: detail?.debtor?.name,
      freeLabel: detail?.unstructured.join('\n'),
    }).toEqual(theirs.details);
  });

  it('pennylane_invalid_date.txt is rejected with a clear problem naming the line and the value', () => {
    let error: unknown;
    try {
      parseBankText(read('cfonb/pennylane_invalid_date.txt'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BankFileError);
    expect((error as BankFileError).problems[0]).toEqual({
      code: 'cfonb_invalid_date',
      params: { value: '  CART', field: 'previous balance date' },
      line: 1,
    });
  });
});

describe.skipIf(!present)('importing the shared statements', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    await ensureCompany({ db: database.runtime.handle.db }, { companyId: 'BANK', name: 'Bank SA' });
  });
  afterAll(async () => database?.close());
  const ctx = () => database.context('BANK');

  it('rejects a statement whose closing balance does not follow, with the figures', async () => {
    const error = await importBankStatement(ctx(), {
      filePath: join(BANK_DIR, 'camt/genkgo_camt053.v2.five.decimals.xml'),
      lang: 'en',
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details).toMatchObject({
      errors: [
        {
          code: 'statement_unbalanced',
          reason:
            'statement 253EURNL26VAYB8060476890 does not balance: opening balance €18.15 + entries €8.85 = €27.00, but closing balance €27.05 (difference €0.05)',
        },
      ],
    });
  });

  it('imports the CFONB file and the multi-statement camt once: the second time adds nothing', async () => {
    for (const file of ['cfonb/pennylane_example.txt', 'camt/genkgo_camt053.v2.multi.statement.xml']) {
      const first = await importBankStatement(ctx(), { filePath: join(BANK_DIR, file) });
      expect(first.transactionsInserted).toBeGreaterThan(0);
      const again = await importBankStatement(ctx(), { filePath: join(BANK_DIR, file) });
      expect([again.transactionsInserted, again.transactionsAlreadyKnown]).toEqual([
        0,
        first.transactionsInserted,
      ]);
    }
  });
});
