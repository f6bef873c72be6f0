/**
 * The risk table's limit cell, kept apart from the rows so that it can be tested without a
 * browser: compact like every amount of the table (« 100 k € »), a limit of zero included
 * (« 0 € », no credit at all — C00105 read « 0,00 € » among « 100 k € »), and « aucune » only
 * without a limit, which has its own rule (« Encours sans plafond de crédit »).
 */
import type { Lang } from '../../../../src/text/catalogue.ts';
import { compactMoney } from '../../format.ts';

export function limitCellText(
  limitMinor: number | null,
  currency: string,
  lang: Lang,
  noLimit: string,
): string {
  return limitMinor === null ? noLimit : compactMoney(limitMinor, currency, lang);
}
