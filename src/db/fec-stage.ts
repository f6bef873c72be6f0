/**
 * Streams the customer-account lines of a FEC into a temporary table while the file is read, so
 * the import never holds the lines in memory. On a PostgreSQL server the rows go through COPY on
 * the transaction's own connection; on PGlite (which has no COPY over its socket) through batched
 * `unnest` inserts.
 */
import type { Writable } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { StagedFecLine } from '#core/fec-format';
import { type ColumnSpec, createStageSql, insertStageSql } from './bulk.ts';
import { serverClientOfBackend } from './connect.ts';
import type { Database } from './schema.ts';

export const FEC_LINE_STAGE = 'stage_fec_lines';

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

const UNNEST_BATCH = 5000;

export interface LineStage {
  write(lines: readonly StagedFecLine[]): Promise<void>;
  /** Ends the stream and refreshes the planner's statistics of the table. */
  finish(): Promise<void>;
  /** Ends the stream without a word about its outcome (a rejected file: the transaction rolls back). */
  close(): Promise<void>;
}

export async function openLineStage(trx: Kysely<Database>): Promise<LineStage> {
  await createStageSql(FEC_LINE_STAGE, LINE_COLUMNS).execute(trx);
  const backend = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  const client = serverClientOfBackend(backend.rows[0]?.pid ?? -1);
  const analyze = () => sql`analyze ${sql.table(FEC_LINE_STAGE)}`.execute(trx);
  if (!client) {
    return {
      async write(lines) {
        for (let start = 0; start < lines.length; start += UNNEST_BATCH)
          await insertStageSql(
            FEC_LINE_STAGE,
            lines.slice(start, start + UNNEST_BATCH),
            LINE_COLUMNS,
          ).execute(trx);
      },
      finish: async () => void (await analyze()),
      async close() {},
    };
  }
  const names = LINE_COLUMNS.map((column) => column.name).join(', ');
  const stream = client.query(copyFrom(`copy ${FEC_LINE_STAGE} (${names}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // A failed COPY is reported by finish(); until then the error must not go unhandled.
  done.catch(() => {});
  return {
    async write(lines) {
      if (!stream.write(copyText(lines))) await drained(stream);
    },
    async finish() {
      stream.end();
      await done;
      await analyze();
    },
    async close() {
      // The connection accepts no other statement (not even the rollback) while a COPY is open.
      stream.end();
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
    text += `${l.line}\t${copyValue(l.customerCode)}\t${copyValue(l.customerName)}\t${copyValue(l.compteNum)}\t${copyValue(l.letter)}\t${copyValue(l.kind)}\t${copyValue(l.baseRef)}\t${l.issueDate}\t${l.termsBase}\t${copyValue(l.dateRglt)}\t${copyValue(l.dateLet)}\t${l.amountMinor}\t${copyValue(l.label)}\n`;
  }
  return text;
}
