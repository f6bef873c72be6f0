/**
 * Streams a FEC into temporary tables while the file is read, so the import never holds its lines
 * in memory: the customer-account lines as the ledger is rebuilt from them (`stage_fec_lines`),
 * and every line's entry key and amount for the entry-balance check (`stage_fec_entry_lines`,
 * see fec-entries.ts). On a PostgreSQL server the rows go through one COPY on the transaction's
 * own connection — so both tables are the two partitions of one (a COPY fills a single table);
 * on PGlite (which has no COPY over its socket) through batched `unnest` inserts.
 */
import type { Writable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { FecEntryLine, StagedFecLine } from '#core/fec/fec-format';
import { type ColumnSpec, insertStageSql, STAGE_TYPES } from '../infra/bulk.ts';
import { serverClientOf } from '../infra/connect.ts';
import type { Database } from '../infra/schema.ts';

export const FEC_LINE_STAGE = 'stage_fec_lines';
export const FEC_ENTRY_LINE_STAGE = 'stage_fec_entry_lines';
const FEC_ROW_STAGE = 'stage_fec_rows';

const LINE_COLUMNS: ColumnSpec<StagedFecLine>[] = [
  { name: 'line', type: 'int4', value: (l) => l.line },
  { name: 'customer_code', type: 'text', value: (l) => l.customerCode },
  { name: 'customer_name', type: 'text', value: (l) => l.customerName },
  { name: 'compte_num', type: 'text', value: (l) => l.compteNum },
  { name: 'letter', type: 'text', value: (l) => l.letter },
  { name: 'kind', type: 'text', value: (l) => l.kind },
  { name: 'base_ref', type: 'text', value: (l) => l.baseRef },
  { name: 'issue_date', type: 'date', value: (l) => l.issueDate },
  { name: 'terms_base', type: 'date', value: (l) => l.termsBase },
  { name: 'date_rglt', type: 'date', value: (l) => l.dateRglt },
  { name: 'date_let', type: 'date', value: (l) => l.dateLet },
  { name: 'amount_minor', type: 'int8', value: (l) => l.amountMinor },
  { name: 'label', type: 'text', value: (l) => l.label },
];

const ENTRY_COLUMNS: ColumnSpec<FecEntryLine>[] = [
  { name: 'line', type: 'int4', value: (l) => l.line },
  { name: 'issue_date', type: 'date', value: (l) => l.date },
  { name: 'amount_minor', type: 'int8', value: (l) => l.amountMinor },
  { name: 'journal_code', type: 'text', value: (l) => l.journalCode },
  { name: 'ecriture_num', type: 'text', value: (l) => l.ecritureNum },
  { name: 'piece_ref', type: 'text', value: (l) => l.piece },
];

/** Every column of both partitions: the customer lines' then the entry key's. */
const ROW_COLUMNS = [
  ...LINE_COLUMNS.map((column) => [column.name, column.type] as const),
  ...ENTRY_COLUMNS.slice(3).map((column) => [column.name, column.type] as const),
];

const UNNEST_BATCH = 5000;

export interface LineStage {
  write(lines: readonly StagedFecLine[]): Promise<void>;
  writeEntryLines(lines: readonly FecEntryLine[]): Promise<void>;
  /** Ends the stream and refreshes the planner's statistics of the tables (once; then a no-op). */
  finish(): Promise<void>;
  /** Ends the stream without a word about its outcome (a rejected file: the transaction rolls back). */
  close(): Promise<void>;
}

export async function openLineStage(trx: Kysely<Database>): Promise<LineStage> {
  const definitions = ROW_COLUMNS.map(([name, type]) => `${name} ${STAGE_TYPES[type]}`).join(', ');
  await sql`create temp table ${sql.table(FEC_ROW_STAGE)} (${sql.raw(definitions)})
    partition by list ((customer_code is null)) on commit drop`.execute(trx);
  await sql`create temp table ${sql.table(FEC_LINE_STAGE)} partition of ${sql.table(FEC_ROW_STAGE)}
    for values in (false)`.execute(trx);
  await sql`create temp table ${sql.table(FEC_ENTRY_LINE_STAGE)} partition of ${sql.table(FEC_ROW_STAGE)}
    for values in (true)`.execute(trx);
  const client = await serverClientOf(trx);
  let finished = false;
  const analyze = async () => {
    await sql`analyze ${sql.table(FEC_LINE_STAGE)}`.execute(trx);
    await sql`analyze ${sql.table(FEC_ENTRY_LINE_STAGE)}`.execute(trx);
  };
  if (!client) {
    const insert = async <Row>(table: string, rows: readonly Row[], columns: ColumnSpec<Row>[]) => {
      for (let start = 0; start < rows.length; start += UNNEST_BATCH)
        await insertStageSql(table, rows.slice(start, start + UNNEST_BATCH), columns).execute(trx);
    };
    return {
      write: (lines) => insert(FEC_LINE_STAGE, lines, LINE_COLUMNS),
      writeEntryLines: (lines) => insert(FEC_ENTRY_LINE_STAGE, lines, ENTRY_COLUMNS),
      async finish() {
        if (finished) return;
        finished = true;
        await analyze();
      },
      async close() {},
    };
  }
  const names = ROW_COLUMNS.map(([name]) => name).join(', ');
  const stream = client.query(copyFrom(`copy ${FEC_ROW_STAGE} (${names}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // A failed COPY is reported by finish(); until then the error must not go unhandled.
  done.catch(() => {});
  const send = async (text: string) => {
    if (!stream.write(text)) await drained(stream);
  };
  let ended = false;
  const end = () => {
    if (!ended) stream.end();
    ended = true;
  };
  return {
    write: (lines) => send(copyText(lines)),
    writeEntryLines: (lines) => send(entryCopyText(lines)),
    async finish() {
      if (finished) return;
      finished = true;
      end();
      await done;
      await analyze();
    },
    async close() {
      // The connection accepts no other statement (not even the rollback) while a COPY is open.
      end();
      await done.catch(() => undefined);
    },
  };
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

const SPECIAL = /[\\\t\n\r]/;

/** COPY text format: tab-separated, `\N` for null, backslash escapes for the separators. */
function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (character) =>
    character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r',
  );
}

function copyText(lines: readonly StagedFecLine[]): string {
  let text = '';
  for (const l of lines) {
    text += `${l.line}\t${copyValue(l.customerCode)}\t${copyValue(l.customerName)}\t${copyValue(l.compteNum)}\t${copyValue(l.letter)}\t${copyValue(l.kind)}\t${copyValue(l.baseRef)}\t${l.issueDate}\t${l.termsBase}\t${copyValue(l.dateRglt)}\t${copyValue(l.dateLet)}\t${l.amountMinor}\t${copyValue(l.label)}\t\\N\t\\N\t\\N\n`;
  }
  return text;
}

/** Entry rows: the key, date and amount; the customer columns null (their partition's key). */
function entryCopyText(lines: readonly FecEntryLine[]): string {
  let text = '';
  for (const l of lines) {
    text += `${l.line}\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t${l.date}\t\\N\t\\N\t\\N\t${l.amountMinor}\t\\N\t${copyValue(l.journalCode)}\t${copyValue(l.ecritureNum)}\t${copyValue(l.piece)}\n`;
  }
  return text;
}
