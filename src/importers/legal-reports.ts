/**
 * A lawyer's or agency's status report (CSV or XLSX), one line per step: the file (our number, or
 * the partner's own reference), the step, its date, what was recovered, the costs advanced and the
 * outstanding the partner sees. Headers in French or English, the file's decimal convention, every
 * problem listed with its line; whether the files exist is checked by the use case.
 */
import { basename } from 'node:path';
import { LEGAL_STEPS, type LegalStep } from '../core/legal/handover.ts';
import type { IsoDate } from '../core/types.ts';
import { type FieldSpec, field, REQUIRED } from './field-spec.ts';
import { normaliseHeader } from './fields.ts';
import { problem } from './problems.ts';
import { ErrorCollector, type ImportError, RowContext, type RowSource } from './row-context.ts';
import { openTable, TableFormatError, type TableReader } from './tabular.ts';
import { AmountReader } from './values.ts';

export const LEGAL_REPORT_FIELDS: readonly FieldSpec[] = [
  field('file', 'text', 'our legal file number (12 or LF-12)', [
    'Dossier',
    'N° dossier',
    'Numéro de dossier',
    'Dossier Encours',
    'File',
    'File number',
  ]),
  field('partnerReference', 'text', 'the partner’s own file reference', [
    'Votre référence',
    'Référence cabinet',
    'Référence partenaire',
    'Notre référence',
    'Partner reference',
    'Reference',
  ]),
  field('step', 'enum', LEGAL_STEPS.join(', '), ['Étape', 'Etape', 'Statut', 'Step', 'Status'], REQUIRED),
  field('date', 'date', 'date of the step', ['Date', 'Date de l’étape', 'Step date'], REQUIRED),
  field('recovered', 'amount', 'amount recovered with this step', [
    'Recouvré',
    'Montant recouvré',
    'Encaissé',
    'Recovered',
    'Amount recovered',
  ]),
  field('costs', 'amount', 'costs advanced (court fees…)', ['Frais', 'Frais avancés', 'Débours', 'Costs']),
  field('outstanding', 'amount', 'what the debtor still owes, as the partner sees it', [
    'Reste dû',
    'Solde',
    'Restant dû',
    'Outstanding',
    'Balance',
  ]),
  field('note', 'text', 'comment', ['Commentaire', 'Observations', 'Note', 'Comment']),
  field('lineId', 'text', 'the partner’s id of the report line (re-importing it adds nothing)', [
    'N° ligne',
    'Identifiant',
    'Line id',
    'Report id',
  ]),
];

/** French and English words of the steps, folded (lower case, no accents, spaces as _). */
const STEP_WORDS: Readonly<Record<string, LegalStep>> = {
  recu: 'received',
  pris_en_charge: 'received',
  amiable: 'amicable',
  phase_amiable: 'amicable',
  injonction_deposee: 'injunction_filed',
  requete_en_injonction: 'injunction_filed',
  ordonnance: 'injunction_order',
  ordonnance_d_injonction: 'injunction_order',
  jugement: 'judgment',
  execution: 'enforcement',
  execution_forcee: 'enforcement',
  cloture: 'closed',
  clos: 'closed',
  retire: 'withdrawn',
  ...Object.fromEntries(LEGAL_STEPS.map((step) => [step, step])),
};

export function stepOf(text: string): LegalStep | null {
  const folded = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s'’-]+/g, '_');
  return STEP_WORDS[folded] ?? null;
}

export interface ParsedLegalReport {
  line: number;
  file: string | null;
  partnerReference: string | null;
  step: LegalStep;
  date: IsoDate;
  recoveredMinor: number;
  costsMinor: number;
  outstandingMinor: number | null;
  note: string | null;
  lineId: string | null;
}

export type LegalReportParse =
  | { ok: true; records: ParsedLegalReport[]; rowCount: number }
  | { ok: false; errors: ImportError[]; rowCount: number };

const FIELD_BY_HEADER = new Map(
  LEGAL_REPORT_FIELDS.flatMap((spec) =>
    [spec.name, ...spec.headers].map((h) => [normaliseHeader(h), spec] as const),
  ),
);

/** The accepted header sharing the most words with an unknown one, to say what was meant. */
function closestHeader(header: string): string {
  const words = new Set(normaliseHeader(header).split(' '));
  let best = { header: LEGAL_REPORT_FIELDS[0]?.headers[0] ?? '', shared: 0 };
  for (const spec of LEGAL_REPORT_FIELDS)
    for (const candidate of spec.headers) {
      const shared = normaliseHeader(candidate)
        .split(' ')
        .filter((word) => words.has(word)).length;
      if (shared > best.shared) best = { header: candidate, shared };
    }
  return best.header;
}

function resolveHeaders(table: TableReader, errors: ErrorCollector): Map<string, number> {
  const columnByField = new Map<string, number>();
  table.headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const spec = FIELD_BY_HEADER.get(normaliseHeader(header));
    if (!spec) {
      errors.add(
        table.headerLine,
        header,
        null,
        problem('unknown_column', { column: header, suggestion: closestHeader(header) }),
      );
    } else if (columnByField.has(spec.name)) {
      const other = table.headers[columnByField.get(spec.name) ?? 0] ?? '';
      errors.add(
        table.headerLine,
        header,
        null,
        problem('ambiguous_columns', { other, column: header, field: spec.name }),
      );
    } else columnByField.set(spec.name, index);
  });
  const missing = LEGAL_REPORT_FIELDS.filter((spec) => spec.required && !columnByField.has(spec.name));
  if (!columnByField.has('file') && !columnByField.has('partnerReference'))
    missing.unshift(LEGAL_REPORT_FIELDS[0]!);
  for (const spec of missing) {
    const params = { field: spec.name, headers: spec.headers.map((h) => `« ${h} »`).join(', ') };
    errors.add(table.headerLine, null, null, problem('missing_required_column', params));
  }
  return columnByField;
}

function buildReport(row: RowContext): ParsedLegalReport {
  const file = row.text('file');
  const partnerReference = row.text('partnerReference');
  if (file === null && partnerReference === null) row.fail('file', problem('missing_required'), '');
  const stepText = row.required('step');
  const step = stepText === null ? null : stepOf(stepText);
  if (stepText !== null && step === null)
    row.fail('step', problem('unknown_enum_value', { accepted: LEGAL_STEPS.join(', ') }));
  const report: ParsedLegalReport = {
    line: row.line,
    file,
    partnerReference,
    step: step ?? 'received',
    date: row.date('date', true) ?? '',
    recoveredMinor: 0,
    costsMinor: 0,
    outstandingMinor: null,
    note: row.text('note'),
    lineId: row.text('lineId'),
  };
  const positive = (minor: number) => (minor < 0 ? problem('invalid_amount', { currency: 'EUR' }) : null);
  row.amount('recovered', 'EUR', false, (minor) => (report.recoveredMinor = minor), positive);
  row.amount('costs', 'EUR', false, (minor) => (report.costsMinor = minor), positive);
  row.amount('outstanding', 'EUR', false, (minor) => (report.outstandingMinor = minor), positive);
  return report;
}

export async function parseLegalReportFile(
  filePath: string,
  options: { fileName?: string } = {},
): Promise<LegalReportParse> {
  const errors = new ErrorCollector(options.fileName ?? basename(filePath), 1000);
  let table: TableReader;
  try {
    table = await openTable(filePath);
  } catch (error) {
    if (!(error instanceof TableFormatError)) throw error;
    errors.add(error.line ?? 0, null, null, error.problem);
    return { ok: false, errors: errors.list(), rowCount: 0 };
  }
  const columnByField = resolveHeaders(table, errors);
  const separator =
    table.format === 'xlsx' || table.separator === ',' ? '.' : table.separator === ';' ? ',' : null;
  const source: RowSource = {
    headers: table.headers,
    columnByField,
    errors,
    amounts: new AmountReader(separator),
  };
  const records: ParsedLegalReport[] = [];
  let rowCount = 0;
  try {
    for await (const { line, cells } of table.rows()) {
      rowCount++;
      records.push(buildReport(new RowContext(source, line, cells)));
    }
  } catch (error) {
    if (!(error instanceof TableFormatError)) throw error;
    errors.add(error.line ?? 0, null, null, error.problem);
  }
  source.amounts.finish();
  return errors.count > 0 ? { ok: false, errors: errors.list(), rowCount } : { ok: true, records, rowCount };
}
