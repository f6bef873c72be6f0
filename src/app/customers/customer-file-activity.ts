/**
 * The customer file's history sections: how the customer paid month by month (a chart and a
 * table of the same months) and its recent events, each named once.
 */
import type { Block } from '#render/document';
import { actorName, importOriginName, type NameOf } from '#text/actor-name';
import { type Lang, translator } from '#text/catalogue';
import { formatMonth } from '#text/format';
import { labelOrText } from '../reports/export-labels.ts';
import type { CustomerFile } from './customers.ts';
import type { PaymentBehaviour } from './payment-behaviour.ts';

/** The months the file reads the behaviour over: the chart and the table show the same ones. */
export const BEHAVIOUR_MONTHS = 12;
const RECENT_EVENTS = 15;

/** The chart over every month of the period, the table of the same months (a month unpaid reads so). */
export function behaviour(lang: Lang, data: PaymentBehaviour): Block[] {
  const t = translator(lang);
  const months = data.months.slice(-BEHAVIOUR_MONTHS);
  const blocks: Block[] = [{ type: 'heading', text: t('export.customerFile.behaviour') }];
  if (!months.some((m) => m.paidMinor > 0))
    return [...blocks, { type: 'paragraph', text: t('export.customerFile.noPayments') }];
  return [
    ...blocks,
    {
      type: 'charts',
      charts: [
        {
          title: t('export.customerFile.behaviourChart'),
          kind: 'line',
          labels: months.map((m) => formatMonth(lang, m.month)),
          series: [{ name: t('export.field.averageDelay'), values: months.map((m) => m.averageDelayDays) }],
          valueKind: 'days',
        },
      ],
    },
    {
      type: 'table',
      table: {
        currency: data.currency,
        columns: [
          { header: t('export.field.month'), kind: 'text' },
          { header: t('export.field.paid'), kind: 'money', width: 1.3 },
          { header: t('export.field.invoices'), kind: 'integer' },
          { header: t('export.field.averageDelay'), kind: 'number' },
          { header: t('export.field.averageDaysToPay'), kind: 'number' },
        ],
        rows: months.map((m) => [
          formatMonth(lang, m.month),
          m.paidMinor,
          m.invoices,
          m.averageDelayDays ?? '—',
          m.averageDaysToPay ?? '—',
        ]),
      },
    },
  ];
}

/**
 * An event's detail under its document: the reference first, unless the worded line already
 * names it (« Commande CMD2026-002400 de 966,69 € … » is not prefixed with CMD2026-002400 again).
 */
export function eventDetail(documentRef: string | null, detail: string): string {
  if (!documentRef || detail.includes(documentRef)) return detail;
  return detail ? `${documentRef} — ${detail}` : documentRef;
}

export function events(lang: Lang, file: CustomerFile, nameOf: NameOf): Block[] {
  const t = translator(lang);
  const recent = file.events.slice(0, RECENT_EVENTS);
  return [
    { type: 'heading', text: t('export.customerFile.events') },
    recent.length === 0
      ? { type: 'paragraph', text: t('export.customerFile.noEvents') }
      : {
          type: 'table',
          table: {
            currency: file.currency,
            columns: [
              { header: t('export.field.date'), kind: 'date', width: 0.8 },
              { header: t('export.field.event'), kind: 'text', width: 1.2 },
              { header: t('export.field.detail'), kind: 'text', width: 3.6 },
              { header: t('export.field.by'), kind: 'text', width: 1.2 },
            ],
            rows: recent.map((e) => [
              e.eventDate,
              labelOrText(lang, 'eventKind', e.kind),
              eventDetail(e.documentRef, e.detail),
              // A colleague by name, a machine actor worded as the timeline words it, an import as the import.
              e.importOrigin
                ? importOriginName(lang, e.importOrigin, (actor) => actorName(lang, actor, nameOf))
                : e.createdBy
                  ? actorName(lang, e.createdBy, nameOf)
                  : '',
            ]),
          },
        },
  ];
}
