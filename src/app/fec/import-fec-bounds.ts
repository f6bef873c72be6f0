/**
 * The amount bounds of amount-bounds.ts, checked on a FEC once its documents are written and
 * before anything sums them (the proof, the reports): a document past the bound, or a company
 * total past it, rejects the file with a clear problem instead of failing in a sum.
 */
import { documentAmountExtremes } from '#db/fec/fec-bounds';
import { type ImportError, placeProblem } from '#importers/parse-file';
import { problem } from '#importers/problems';
import type { AppContext } from '../context.ts';
import { MAX_AMOUNT_MINOR, MAX_COMPANY_TOTAL_MINOR } from '../imports/amount-bounds.ts';
import type { ImportChannel, ImportLang } from '../imports/import-problems.ts';
import { rejection } from './import-fec-write.ts';

export async function checkFecAmountBounds(
  ctx: AppContext,
  fileName: string,
  currency: string,
  lang: ImportLang,
  channel: ImportChannel = 'cli',
): Promise<void> {
  const extremes = await documentAmountExtremes(ctx.db, ctx.companyId);
  const errors: ImportError[] = [];
  if (BigInt(extremes.largestAbsMinor) > BigInt(MAX_AMOUNT_MINOR)) {
    const found = problem('amount_too_large', { limitMinor: MAX_AMOUNT_MINOR, currency });
    errors.push(placeProblem(fileName, 0, 'PieceRef', extremes.largestRef, found));
  }
  if (BigInt(extremes.totalAbsMinor) > BigInt(MAX_COMPANY_TOTAL_MINOR)) {
    const found = problem('company_documents_total_too_large', {
      limitMinor: MAX_COMPANY_TOTAL_MINOR,
      currency,
    });
    errors.push(placeProblem(fileName, 0, null, null, found));
  }
  if (errors.length > 0) throw rejection(fileName, errors, lang, channel);
}
