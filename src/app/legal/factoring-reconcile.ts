/**
 * Reconciliation of the current account with the factor's statement: the statement file is read
 * (CSV or XLSX), each of its lines is paired with one of our movements of the same amount (same
 * day, or within a few days: the factor books later), and what is left on either side is listed
 * with the difference of the totals over the statement's period. Nothing is written but the
 * audit entry: a difference is explained by a person (a fee we did not know, a late booking).
 */
import { minDate } from '#core/calendar';
import { type Reconciliation, reconcileStatement, type StatementLine } from '#core/legal/factoring-account';
import { selectContracts } from '#db/legal/factoring';
import { type MovementRow, selectMovements } from '#db/legal/factoring-items';
import { parseFactorStatement, type StatementProblem } from '#importers/factor-statement';
import { type Lang, translator } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { requireDate } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';

export interface ReconcileInput {
  contractCode: string;
  filePath: string;
  fileName?: string | undefined;
  /** Period of our movements compared; default: the statement's first and last dates. */
  from?: string | undefined;
  to?: string | undefined;
  toleranceDays?: number | undefined;
  /** Language of the problems of a statement that cannot be read. */
  lang?: Lang | undefined;
}

type Movement = MovementRow;

export interface ReconciliationView extends Reconciliation<Movement> {
  contractCode: string;
  factorName: string;
  currency: string;
  fileName: string;
  from: string;
  to: string;
  toleranceDays: number;
  statementLines: number;
}

function periodOf(lines: readonly StatementLine[], input: ReconcileInput): { from: string; to: string } {
  const dates = lines.map((line) => line.date).sort();
  const from = requireDate(input.from, 'from') ?? dates[0];
  const to = requireDate(input.to, 'to') ?? dates.at(-1);
  if (from === undefined || to === undefined)
    throw new DomainError('invalid_input', { key: 'errors.legal.statementNoLine' });
  return { from: minDate(from, to), to };
}

/** The statement's problems as the rows of a rejected file, worded in the reader's language. */
function rejected(problems: readonly StatementProblem[], file: string, lang: Lang): DomainError {
  const t = translator(lang);
  const errors = problems.map((p) => ({
    file,
    line: p.line,
    column: p.code === 'unreadable' ? null : p.detail,
    value: null,
    code: p.code,
    params: { detail: p.detail },
    reason: t('factoring.statementProblem', { line: p.line, code: p.code, detail: p.detail }),
  }));
  // The rows keep the language asked for the file; the message follows whoever reads the error.
  const problemsIn = (reader: Lang) =>
    problems
      .map((p) =>
        translator(reader)('factoring.statementProblem', { line: p.line, code: p.code, detail: p.detail }),
      )
      .join(reader === 'fr' ? '\u00a0; ' : '; ');
  return new DomainError(
    'import_rejected',
    { key: 'errors.legal.statementRejected', params: { problems: problemsIn } },
    { errors },
  );
}

export async function reconcileFactorStatement(
  ctx: AppContext,
  input: ReconcileInput,
): Promise<ReconciliationView> {
  const toleranceDays = input.toleranceDays ?? 3;
  if (!Number.isInteger(toleranceDays) || toleranceDays < 0 || toleranceDays > 31)
    throw new DomainError('invalid_input', { key: 'errors.legal.tolerance' });
  const [contract] = await selectContracts(ctx.db, ctx.companyId, { code: input.contractCode });
  if (!contract)
    throw new DomainError('not_found', {
      key: 'errors.legal.unknownContract',
      params: { code: input.contractCode },
    });
  const parsed = await parseFactorStatement(input.filePath, contract.currency);
  if (!parsed.ok) throw rejected(parsed.problems, input.fileName ?? 'statement', input.lang ?? 'fr');
  const period = periodOf(parsed.lines, input);
  const lines = parsed.lines.filter((line) => line.date >= period.from && line.date <= period.to);
  const movements = await selectMovements(ctx.db, ctx.companyId, { contractCode: contract.code, ...period });
  const result = reconcileStatement(movements, lines, toleranceDays);
  const fileName = input.fileName ?? 'statement';
  await recordAudit(ctx, ctx.db, {
    action: 'factoring.reconcile',
    entity: 'factoring_contract',
    entityKey: contract.code,
    before: null,
    after: {
      fileName,
      ...period,
      matched: result.matched.length,
      onlyOurs: result.onlyOurs.length,
      onlyTheirs: result.onlyTheirs.length,
      differenceMinor: result.differenceMinor,
    },
  });
  return {
    ...result,
    contractCode: contract.code,
    factorName: contract.factorName,
    currency: contract.currency,
    fileName,
    ...period,
    toleranceDays,
    statementLines: lines.length,
  };
}
