/** The replay told in the reader's language (CLI text output, report sections): every word from the catalogue. */
import type { ReplayResult } from '#core/procedure/replay';
import type { Lang } from '#text/catalogue';
import { label, translator } from '#text/catalogue';
import { formatDate, formatDays, formatMoney, formatNumber } from '#text/format';

type Migration = NonNullable<ReplayResult['scoring']>['migration'];

/** The class moves on one line: "B → D : 3 clients, C → E : 1 client". */
export function migrationText(lang: Lang, migration: Migration): string {
  const t = translator(lang);
  if (migration.length === 0) return t('procedure.replay.noClassChange');
  const riskClass = (value: string | null) => value ?? t('procedure.replay.unscored');
  return migration
    .map((move) =>
      t('procedure.replay.migrationLine', {
        from: riskClass(move.from),
        to: riskClass(move.to),
        count: move.customers,
      }),
    )
    .join(', ');
}

/** « Libellé : valeur » in French, "Label: value" in English. */
const colon = (lang: Lang) => (lang === 'fr' ? '\u00a0: ' : ': ');

type ReplayText = ReplayResult & { proposedLabel: string; proposedDunning?: string[] | null };

/** The proposal's re-scoring: how many customers changed class, and the moves from → to. */
function scoringLines(lang: Lang, scoring: ReplayResult['scoring'] | undefined): string[] {
  if (!scoring) return [];
  const t = translator(lang);
  return [
    t('procedure.replay.scoring', {
      method: scoring.methodVersion,
      customers: scoring.customersRescored,
      changed: scoring.customersChanged,
      scoringsChanged: scoring.scoringsChanged,
      scorings: scoring.scorings,
    }),
    `${t('procedure.replay.migrationHeading')}${colon(lang)}${migrationText(lang, scoring.migration)}`,
  ];
}

export function replayLines(lang: Lang, result: ReplayText, rows = 20): string[] {
  const t = translator(lang);
  const money = (amountMinor: number) => formatMoney(lang, amountMinor, result.currency);
  const date = (day: string) => formatDate(lang, day);
  const { current, proposed, effects, fidelity } = result;
  const side = (key: string, a: string, b: string) =>
    `${t(`procedure.replay.${key}`)}${colon(lang)}${a} | ${b}`;
  const lines = [
    t('procedure.replay.title', { from: date(result.from), to: date(result.to) }),
    t('procedure.replay.subtitle', { proposed: result.proposedLabel }),
    ...(result.proposedDunning
      ? [t('procedure.replay.proposedDunning', { policies: result.proposedDunning.join(', ') })]
      : []),
    `${t('procedure.replay.column.indicator')}${colon(lang)}${t('procedure.replay.column.current')} | ${t('procedure.replay.column.proposed')}`,
    side(
      'ordersChecked',
      formatNumber(lang, current.ordersChecked),
      formatNumber(lang, proposed.ordersChecked),
    ),
    side('ordersHeld', formatNumber(lang, current.ordersHeld), formatNumber(lang, proposed.ordersHeld)),
    side(
      'ordersRefused',
      formatNumber(lang, current.ordersRefused),
      formatNumber(lang, proposed.ordersRefused),
    ),
    side('heldOrRefused', money(current.heldOrRefusedMinor), money(proposed.heldOrRefusedMinor)),
    side('reminders', formatNumber(lang, current.reminders), formatNumber(lang, proposed.reminders)),
    side(
      'invoicesReminded',
      formatNumber(lang, current.invoicesReminded),
      formatNumber(lang, proposed.invoicesReminded),
    ),
    t('procedure.replay.ordersNote', { recorded: fidelity.ordersCompared }),
    '',
    t('procedure.replay.effects'),
    t('procedure.replay.ordersStopped', {
      count: effects.ordersStopped,
      amount: money(effects.ordersStoppedMinor),
    }),
    t('procedure.replay.exposureAvoided', { amount: money(effects.exposureAvoidedMinor) }),
    t('procedure.replay.overdueAvoided', {
      amount: money(effects.overdueAvoidedMinor),
      total: money(effects.overdueAtEndMinor),
    }),
    t('procedure.replay.badDebtsAvoided', {
      amount: money(effects.badDebtsAvoidedMinor),
      total: money(effects.badDebtsMinor),
    }),
    t('procedure.replay.dso', {
      current: formatNumber(lang, effects.dsoCurrentDays, 1),
      proposed: formatNumber(lang, effects.dsoProposedDays, 1),
    }),
    t('procedure.replay.salesForgone', { amount: money(effects.salesForgoneMinor) }),
    t('procedure.replay.ordersReleased', { count: effects.ordersReleased }),
    effects.firstReminderEarlierDays === null
      ? t('procedure.replay.firstReminderNone')
      : t('procedure.replay.firstReminder', {
          days: formatDays(lang, Math.abs(effects.firstReminderEarlierDays)),
          direction: effects.firstReminderEarlierDays >= 0 ? 'earlier' : 'later',
          count: effects.invoicesRemindedOnlyByProposed,
        }),
    t('procedure.replay.fidelity', {
      ordersMatching: fidelity.ordersMatching,
      ordersCompared: fidelity.ordersCompared,
      remindersMatching: fidelity.remindersMatching,
      remindersRecorded: fidelity.remindersRecorded,
    }),
    ...scoringLines(lang, result.scoring),
    '',
    t('procedure.replay.ordersHeading'),
    ...result.orders.slice(0, rows).map((o) =>
      t('procedure.replay.orderLine', {
        ref: o.ref,
        customer: o.customerCode,
        date: date(o.checkedOn),
        amount: money(o.amountMinor),
        current: t(`procedure.decision.${o.current.decision}`),
        proposed: t(`procedure.decision.${o.proposed.decision}`),
        fate: t(`procedure.fate.${o.fate}`),
      }),
    ),
    ...(result.ordersTotal > rows ? [t('procedure.replay.more', { count: result.ordersTotal - rows })] : []),
    '',
    t('procedure.replay.remindersHeading'),
    ...result.reminders.slice(0, rows).map((r) =>
      t('procedure.replay.reminderLine', {
        date: date(r.date),
        customer: r.customerCode,
        step: label(lang, 'dunningStepKind', r.stepKind),
        channel: label(lang, 'dunningChannel', r.channel),
        count: r.invoiceRefs.length,
        amount: money(r.openTotalMinor),
      }),
    ),
    ...(result.remindersTotal > rows
      ? [t('procedure.replay.more', { count: result.remindersTotal - rows })]
      : []),
    '',
    t('procedure.replay.assumptions'),
    ...result.assumptions.map((code) => `- ${t(`procedure.assumption.${code}`)}`),
  ];
  return lines;
}
