/**
 * The customer file's credit sections, from the risk the credit rules read (`readCustomerRisk`,
 * which the web risk panel reads too): « Risque et crédit » (score, class, limit in force, the
 * insurer's cover) and « Ligne de crédit et exposition » (the limit against balance and exposure).
 */
import type { IsoDate } from '#core/types';
import type { Block, KeyFigure } from '#render/document';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate, formatMoney, formatNumber, formatPercent, formatPercentBps } from '#text/format';
import type { AppContext } from '../context.ts';
import { creditConfig } from '../credit/configuration.ts';
import { type CustomerRisk, checkedCustomer, readCustomerRisk } from '../credit/customer-risk.ts';

/** What the two sections read of the customer's risk. */
export type CreditPosition = Pick<CustomerRisk, 'score' | 'limit' | 'cover'> & {
  /** Outstanding plus what the credit rules add to it (orders not yet invoiced…). */
  exposureMinor: number;
  /** The part of the exposure the cover insures (the risk panel's « Part assurée »). */
  insuredMinor: number;
};

export async function creditPosition(ctx: AppContext, code: string, asOf: IsoDate): Promise<CreditPosition> {
  const config = await creditConfig(ctx, asOf);
  const customer = await checkedCustomer(ctx, ctx.db, code, false);
  const risk = await readCustomerRisk(ctx, ctx.db, config, customer, asOf);
  return {
    score: risk.score,
    limit: risk.limit,
    cover: risk.cover,
    exposureMinor: risk.exposure.totalMinor,
    insuredMinor: risk.exposure.insurance.insuredMinor,
  };
}

/** The cover's lines: who insures, its state and share, the amount granted, its last day. */
function coverItems(lang: Lang, credit: CreditPosition, currency: string) {
  const t = translator(lang);
  const { cover } = credit;
  if (cover === null) return [{ label: t('export.field.cover'), value: t('export.field.noCover') }];
  return [
    {
      label: t('export.field.cover'),
      value: `${cover.insurer} · ${label(lang, 'coverStatus', cover.status)}`,
    },
    { label: t('export.field.coverGranted'), value: formatMoney(lang, cover.grantedMinor, cover.currency) },
    { label: t('export.field.insuredShare'), value: formatPercentBps(lang, cover.insuredShareBps) },
    {
      label: t('export.field.coverExpires'),
      value: cover.expiresOn ? formatDate(lang, cover.expiresOn) : t('export.field.noExpiry'),
    },
    { label: t('export.field.insuredExposure'), value: formatMoney(lang, credit.insuredMinor, currency) },
  ];
}

/** « Risque et crédit »: the score and class the risk panel shows, the limit in force and the cover. */
export function riskAndCredit(lang: Lang, credit: CreditPosition, currency: string): Block[] {
  const t = translator(lang);
  const { score, limit } = credit;
  const limitText =
    limit.limitMinor === null
      ? t('export.field.noLimit')
      : limit.expiresOn
        ? t('export.field.limitUntil', {
            amount: formatMoney(lang, limit.limitMinor, currency),
            date: formatDate(lang, limit.expiresOn),
          })
        : formatMoney(lang, limit.limitMinor, currency);
  return [
    { type: 'heading', text: t('export.customerFile.risk') },
    {
      type: 'facts',
      items: [
        {
          label: t('export.field.score'),
          value:
            score?.score === null || score?.score === undefined
              ? t('export.field.notScored')
              : formatNumber(lang, score.score, 1),
        },
        { label: t('export.field.riskClass'), value: score?.riskClass ?? '—' },
        { label: t('export.field.limitInForce'), value: limitText },
        ...coverItems(lang, credit, currency),
      ],
    },
  ];
}

/** « Ligne de crédit et exposition »: the limit in force against the balance and the exposure. */
export function creditLine(
  lang: Lang,
  file: { currency: string; balanceMinor: number; overdueMinor: number },
  credit: CreditPosition,
): Block[] {
  const t = translator(lang);
  const { exposureMinor } = credit;
  const { limitMinor } = credit.limit;
  const money = (minor: number | null) => formatMoney(lang, minor, file.currency);
  // Limit − exposure, as the risk panel shows it: below zero it is an overrun, never floored.
  const availableMinor = limitMinor === null ? null : limitMinor - exposureMinor;
  const items: KeyFigure[] = [
    {
      label: t('export.field.creditLimit'),
      value: limitMinor === null ? t('export.field.noLimit') : money(limitMinor),
    },
    { label: t('export.field.balance'), value: money(file.balanceMinor) },
    { label: t('export.field.overdue'), value: money(file.overdueMinor) },
    { label: t('export.field.notDue'), value: money(file.balanceMinor - file.overdueMinor) },
    { label: t('export.field.exposure'), value: money(exposureMinor), note: t('export.field.exposureNote') },
    // Two usages, each named: the balance's (the risk table's and the scoring criterion's) and the
    // exposure's (what the web file's gauge, the credit rules and « Disponible » read). One
    // « utilisation » for the second read 59,6 % beside a balance's 49 %.
    ...(limitMinor !== null && limitMinor > 0
      ? [
          {
            label: t('export.field.balanceUsage'),
            value: formatPercent(lang, file.balanceMinor / limitMinor, 1),
          },
          {
            label: t('export.field.exposureUsage'),
            value: formatPercent(lang, exposureMinor / limitMinor, 1),
          },
        ]
      : []),
    ...(availableMinor !== null
      ? [
          {
            label: t('export.field.available'),
            value: money(availableMinor),
            note:
              availableMinor < 0
                ? t('export.field.overLimitBy', { amount: money(-availableMinor) })
                : t('export.field.availableNote'),
          },
        ]
      : []),
  ];
  return [
    { type: 'heading', text: t('export.customerFile.credit') },
    { type: 'keyFigures', items },
  ];
}
