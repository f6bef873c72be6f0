/**
 * A lawyer's or agency's status report (CSV or XLSX), one line per step: the file (our number, or
 * the partner's own reference), the step, its date, what was recovered, the costs advanced and the
 * outstanding the partner sees. Headers in French or English, the file's decimal convention, every
 * problem listed with its line; whether the files exist is checked by the use case.
 */
import { LEGAL_STEPS, type LegalStep } from '../core/legal/handover.ts';
import type { IsoDate } from '../core/types.ts';
import { type FieldSpec, field, REQUIRED } from './field-spec.ts';
import { type FieldTableParse, parseFieldTable } from './field-table.ts';
import { problem } from './problems.ts';
import type { RowContext } from './row-context.ts';

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

export type LegalReportParse = FieldTableParse<ParsedLegalReport>;

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
  const shape = { fields: LEGAL_REPORT_FIELDS, identifiedBy: ['file', 'partnerReference'] as const };
  return parseFieldTable(filePath, options.fileName, shape, buildReport);
}
