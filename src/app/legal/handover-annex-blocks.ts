/**
 * The tables and paragraphs of the legal file package's annexes that read no database: the
 * reminders sent (apart, the calls and the e-mails that never reached the debtor), the formal notice
 * and the injunction-to-pay checklist, worded for the reader.
 */
import { statedPieceCount } from '#core/legal/handover-annex';
import type { Block, Table } from '#render/document';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import {
  injunctionContestWarning,
  injunctionCourtCaveat,
  injunctionPieceStatus,
} from '#text/injunction-pieces';
import type { FileReminder, UndeliveredReminder } from './handover-chasing.ts';
import type { FileChecklist } from './handover-checklist.ts';

/** An imported line covering more of the file's invoices than this is given their count. */
const LISTED_REFS = 3;

/**
 * The invoices a reminder covered, as annex 1 names them: an Encours action's own; for an imported
 * line, the file's invoices overdue that day, or their count when they are many (never the one its
 * line names, which may be outside the file). An imported line stating more pieces than that
 * (« 5 pièces échues pour 10 809,95 € ») is given its count of pieces first, so that the amount
 * beside it reads as the total of those pieces, not as one invoice's (`all`: every reference named).
 */
function coveredText(lang: Lang, reminder: FileReminder, all = false): string {
  const t = translator(lang);
  const { covered } = reminder;
  const listed = all || reminder.origin === 'dunning' || covered.length <= LISTED_REFS;
  const refs = listed ? covered.join(', ') : t('legalFile.annex.coveredCount', { count: covered.length });
  const pieces = reminder.origin === 'history' ? statedPieceCount(reminder.detail ?? '') : null;
  if (pieces === null || pieces <= covered.length) return refs;
  return t('legalFile.annex.coveredOfPieces', {
    pieces,
    count: covered.length,
    refs: covered.join(', '),
    listed: listed ? 'yes' : 'no',
  });
}

/**
 * The action column of annex 1: an Encours step with its channel, or what became of its e-mail;
 * with its level unless the imported history, numbered its own way, is listed too (`levels`).
 */
function actionText(lang: Lang, r: FileReminder, levels: boolean): string {
  const t = translator(lang);
  if (r.origin !== 'dunning') return r.detail ?? '';
  const step = label(lang, 'dunningStepKind', r.stepKind);
  const level = r.level ?? 0;
  if (r.delivery !== null && r.delivery !== 'sent')
    return t(levels ? 'legalFile.annex.undeliveredAction' : 'legalFile.annex.undeliveredStep', {
      step,
      level,
      status: t('legalFile.deliveryStatus', { delivery: r.delivery }),
    });
  return t(levels ? 'legalFile.annex.dunningAction' : 'legalFile.annex.dunningStep', {
    step,
    level,
    channel: label(lang, 'dunningChannel', r.channel),
  });
}

/**
 * Annex 1's table of reminders; of the dunning steps done by telephone (`calls`), or of the e-mails
 * that never reached the debtor (`undelivered`), its action column saying they are not counted
 * among the reminders sent (a table keeps its header with its rows). `levels`: Encours's steps say
 * their level — not beside an imported history whose « niveau 3 » counts its own steps.
 */
export function reminderTable(
  lang: Lang,
  reminders: readonly FileReminder[],
  currency: string,
  kind: 'sent' | 'calls' | 'undelivered' = 'sent',
  levels = true,
): Table {
  const t = translator(lang);
  const header = {
    sent: () => t('legalFile.annex.colAction'),
    calls: () => t('legalFile.annex.calls', { count: reminders.length }),
    undelivered: () => t('legalFile.annex.undelivered', { count: reminders.length }),
  }[kind]();
  return {
    currency,
    columns: [
      { header: t('legalFile.annex.colDate'), kind: 'date', width: 1 },
      { header, kind: 'text', width: 3.4 },
      { header: t('legalFile.annex.colInvoices'), kind: 'text', width: 1.4 },
      { header: t('legalFile.annex.colClaimed'), kind: 'money', width: 1.2 },
    ],
    rows: reminders.map((r) => [
      r.date,
      actionText(lang, r, levels),
      coveredText(lang, r),
      // An amount the history states in another currency than the file's is not shown as the file's.
      r.currency === null || r.currency === currency ? r.totalDueMinor : null,
    ]),
  };
}

/**
 * Annex 2: the latest formal notice delivered, and the latest sent by e-mail that never reached the
 * debtor when no notice delivered since stands for it — said, so that none is relied on unknowingly.
 */
export function formalNoticeBlocks(
  lang: Lang,
  notice: FileReminder | undefined,
  currency: string,
  undelivered?: UndeliveredReminder | undefined,
): Block[] {
  const t = translator(lang);
  const missed =
    undelivered && (!notice || undelivered.date > notice.date)
      ? [
          {
            type: 'paragraph' as const,
            text: t('legalFile.annex.noticeUndelivered', {
              date: formatDate(lang, undelivered.date, { long: true }),
              status: t('legalFile.deliveryStatus', { delivery: undelivered.delivery }),
              later: notice ? 'yes' : 'no',
            }),
          },
        ]
      : [];
  if (!notice)
    return missed.length > 0 ? missed : [{ type: 'paragraph', text: t('legalFile.annex.noFormalNotice') }];
  const history = notice.origin === 'history';
  return [
    {
      type: 'facts',
      items: [
        { label: t('legalFile.annex.noticeDate'), value: formatDate(lang, notice.date, { long: true }) },
        { label: t('legalFile.annex.noticeChannel'), value: label(lang, 'dunningChannel', notice.channel) },
        { label: t('legalFile.annex.colInvoices'), value: coveredText(lang, notice, true) },
        {
          label: t('legalFile.annex.colClaimed'),
          value:
            notice.totalDueMinor === null
              ? '—'
              : formatMoney(lang, notice.totalDueMinor, notice.currency ?? currency),
        },
      ],
    },
    // What the history says of it is all Encours knows: its words, and where its proof is.
    ...(history
      ? [
          {
            type: 'paragraph' as const,
            text: t('legalFile.annex.noticeFromHistory', { detail: notice.detail ?? '' }),
          },
        ]
      : []),
    ...missed,
  ];
}

export function checklistBlocks(lang: Lang, checklist: FileChecklist): Block[] {
  const t = translator(lang);
  return [
    { type: 'paragraph', text: t('legalFile.court.explain', { court: checklist.court }) },
    ...injunctionContestWarning(lang, checklist).map((text) => ({ type: 'paragraph' as const, text })),
    ...injunctionCourtCaveat(lang, checklist).map((text) => ({
      type: 'paragraph' as const,
      text,
      small: true,
    })),
    ...(checklist.smallClaimsAlternative
      ? [{ type: 'paragraph' as const, text: t('legalFile.court.smallClaims') }]
      : []),
    {
      type: 'table',
      table: {
        currency: 'EUR',
        columns: [
          { header: t('legalFile.annex.colPiece'), kind: 'text', width: 3 },
          { header: t('legalFile.annex.colStatus'), kind: 'text', width: 2 },
        ],
        rows: checklist.pieces.map((p) => [
          t('legalFile.piece', { piece: p.piece }),
          injunctionPieceStatus(lang, p),
        ]),
      },
    },
  ];
}
