/**
 * The warnings of a FEC import, gathered as codes with params (`#importers/fec/fec-warnings`)
 * and worded once, in the language of the request: the CLI's `--json` and the HTTP answer keep
 * the stable `code` (and its `params`) beside the `message` a person reads.
 */
import type { Kysely } from 'kysely';
import { earlierImportOverlap } from '#db/fec/fec-proof';
import { unbalancedLetters } from '#db/fec/fec-rebuild';
import type { Database } from '#db/infra/schema';
import { type FecWarning, fecWarning } from '#importers/fec/fec-warnings';
import type { ProblemParams } from '#importers/problems';
import { importWarningMessage } from '#text/import-problems';
import type { ImportLang } from '../imports/import-problems.ts';
import type { FecReconciliation } from './import-fec-proof.ts';

/** A warning with its message: what the summary of an import lists. */
export interface WordedFecWarning {
  code: FecWarning['code'];
  params: ProblemParams;
  message: string;
}

export function wordFecWarnings(warnings: readonly FecWarning[], lang: ImportLang): WordedFecWarning[] {
  return warnings.map(({ code, params }) => ({
    code,
    params,
    message: importWarningMessage(lang, code, params),
  }));
}

/** Letter groups of the file whose lines do not net to zero (the rest stays open). */
export async function unbalancedLetterWarnings(
  db: Kysely<Database>,
  currency: string,
): Promise<FecWarning[]> {
  return (await unbalancedLetters(db)).map((letter) =>
    fecWarning('fec_letter_unbalanced', {
      letter: letter.letter,
      customerCode: letter.customerCode,
      account: letter.compteNum,
      differenceMinor: letter.differenceMinor,
      currency,
    }),
  );
}

/** A list the database cut short says so: « F1, F2, … » rather than pretending to be whole. */
function listed(items: readonly string[], count: number): string {
  return items.join(', ') + (count > items.length ? ', …' : '');
}

/** What a file overlapping an earlier import's period leaves out or repeats. */
export async function overlapWarnings(
  db: Kysely<Database>,
  companyId: string,
  firstDate: string,
  lastDate: string,
): Promise<FecWarning[]> {
  const { vanished, openingRepeats } = await earlierImportOverlap(db, companyId, firstDate, lastDate);
  const warnings: FecWarning[] = [];
  if (vanished.count > 0)
    warnings.push(
      fecWarning('fec_documents_vanished', {
        count: vanished.count,
        firstDate,
        lastDate,
        refs: listed(vanished.refs, vanished.count),
      }),
    );
  if (openingRepeats.count > 0)
    warnings.push(
      fecWarning('fec_opening_repeated', {
        count: openingRepeats.count,
        customers: listed(openingRepeats.codes, openingRepeats.count),
      }),
    );
  return warnings;
}

/** Customers whose open items differ from their account balance in the file. */
export function differenceWarnings(reconciliation: FecReconciliation, currency: string): FecWarning[] {
  return reconciliation.customersWithDifference.map((difference) =>
    fecWarning('fec_customer_difference', {
      customerCode: difference.customerCode,
      openMinor: difference.sumOpenItemsMinor,
      fecMinor: difference.fecBalanceMinor,
      currency,
    }),
  );
}
