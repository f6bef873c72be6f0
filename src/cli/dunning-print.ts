/**
 * `dunning plan|run` as text: the run's summary lines, its actions, the invoices the account's notice
 * or a catch-up took past their next step, and the invoices it left out.
 * A step is named as the web's run review names it (« Relance 1 (e-mail) », « Relance 2
 * (courrier) »), and the invoices of an action are listed whole, those that do not fit counted.
 */
import { latenessLines, skippedReasonText } from '#app/dunning/plan-lateness-text';
import type { ActionView, DunningRunView } from '#app/dunning/plan-run';
import type { RunCurrencyTotals } from '#core/dunning/run-totals';
import { type Lang, label, translator } from '#text/catalogue';
import { raisedReason } from '#text/dunning-raised';
import { stepName } from '#text/dunning-step-name';
import { formatDate, formatMoney } from '#text/format';
import { tableLines } from './output.ts';

/** The widest the invoices' column gets: three references (12 characters each) fit. */
export const ITEMS_WIDTH = 40;

/**
 * The references that fit in `width`, whole, then « +n » for those left: never a reference cut
 * mid-word. The first one is always shown, whatever its length.
 */
export function itemRefsText(refs: readonly string[], lang: Lang, width = ITEMS_WIDTH): string {
  const all = refs.join(' ');
  if (all.length <= width || refs.length < 2) return all;
  const t = translator(lang);
  const text = (count: number) =>
    t('dunning.cli.moreItems', { refs: refs.slice(0, count).join(' '), count: refs.length - count });
  let shown = 1;
  while (shown + 1 < refs.length && text(shown + 1).length <= width) shown += 1;
  return text(shown);
}

function headLines(view: DunningRunView, lang: Lang): string[] {
  const t = translator(lang);
  const lines = [
    t('dunning.cli.planned', {
      date: formatDate(lang, view.asOf),
      actions: view.actions.length,
      skipped: view.skipped.length,
    }),
  ];
  if (view.runId !== null)
    lines.push(
      t('dunning.cli.sent', { run: view.runId, sent: view.actions.length, tasks: view.tasksCreated }),
    );
  lines.push(...latenessLines(lang, view));
  for (const file of view.batchFiles)
    lines.push(
      t('dunning.cli.batchFile', {
        part: file.part,
        parts: file.parts,
        letters: file.letters,
        filename: file.filename,
        path: file.path,
      }),
    );
  return lines;
}

function actionLines(actions: readonly ActionView[], lang: Lang): string[] {
  const t = translator(lang);
  const table = tableLines(actions, [
    { header: t('dunning.page.customer'), value: (a) => `${a.customerCode} ${a.customerName}`.slice(0, 36) },
    {
      header: t('dunning.page.step'),
      value: (a) => stepName(t, (domain, code) => label(lang, domain, code), a),
    },
    {
      header: t('dunning.page.items'),
      value: (a) =>
        itemRefsText(
          a.items.map((i) => i.documentRef),
          lang,
        ),
    },
    {
      header: t('dunning.page.interest'),
      value: (a) => formatMoney(lang, a.interestMinor, a.currency),
      align: 'right',
    },
    {
      header: t('dunning.page.indemnity'),
      value: (a) => formatMoney(lang, a.indemnityMinor, 'EUR'),
      align: 'right',
    },
    {
      header: t('dunning.page.totalDue'),
      value: (a) => formatMoney(lang, a.totalDueMinor, a.currency),
      align: 'right',
    },
  ]);
  return [table.header, table.rule, ...table.rows];
}

/** The invoices the account's notice or a catch-up took past their next step, and why. */
function raisedLines(actions: readonly ActionView[], lang: Lang): string[] {
  const t = translator(lang);
  const raised = actions.flatMap((a) => a.items.filter((i) => i.raisedBy).map((item) => ({ a, item })));
  if (raised.length === 0) return [];
  const table = tableLines(raised, [
    {
      header: t('dunning.page.customer'),
      value: ({ a }) => `${a.customerCode} ${a.customerName}`.slice(0, 36),
    },
    { header: t('dunning.page.invoice'), value: ({ item }) => item.documentRef },
    {
      header: t('dunning.page.reason'),
      value: ({ item }) => raisedReason(t, (iso) => formatDate(lang, iso), item) ?? '',
    },
  ]);
  const resent = raised.some(({ item }) => item.raisedBy?.kind === 'resend');
  const title = t(resent ? 'dunningEscalation.cli.raisedOrResent' : 'dunningEscalation.cli.raised');
  return ['', title, table.header, table.rule, ...table.rows];
}

function skippedLines(view: DunningRunView, lang: Lang): string[] {
  const t = translator(lang);
  const table = tableLines(view.skipped, [
    {
      header: t('dunning.page.customer'),
      value: (s) => `${s.customerCode} ${s.customerName ?? ''}`.slice(0, 36),
    },
    { header: t('dunning.page.invoice'), value: (s) => s.documentRef },
    {
      header: t('dunning.page.reason'),
      value: (s) =>
        s.pauseReason === undefined || s.pausedUntil === undefined
          ? skippedReasonText(lang, s)
          : t('dunningCases.skippedPause', { reason: s.pauseReason, until: formatDate(lang, s.pausedUntil) }),
    },
  ]);
  return [t('dunning.page.skipped'), table.header, table.rule, ...table.rows];
}

/**
 * What the run claims, as the run page's grand total words it (one figure per currency, `·` between):
 * principal, interest, indemnities, credits deducted, the total; then apart, when there are some, the
 * open amounts of the call tasks and of the courtesy e-mails, which claim nothing.
 */
export function totalLines(view: Pick<DunningRunView, 'totals'>, lang: Lang): string[] {
  const t = translator(lang);
  const totals = view.totals;
  if (totals.length === 0) return [];
  const amounts = (pick: (total: RunCurrencyTotals) => number) =>
    totals.map((total) => formatMoney(lang, pick(total), total.currency)).join(' · ');
  const some = (pick: (total: RunCurrencyTotals) => number) => totals.some((total) => pick(total) !== 0);
  const rows: [key: string, pick: (total: RunCurrencyTotals) => number][] = [
    ['principal', (x) => x.principalMinor],
    ['interest', (x) => x.interestMinor],
    ['indemnity', (x) => x.indemnityMinor],
  ];
  if (some((x) => x.creditsMinor)) rows.push(['credits', (x) => -x.creditsMinor]);
  rows.push(['totalDue', (x) => x.totalDueMinor]);
  if (some((x) => x.callTaskOpenMinor)) rows.push(['callTasks', (x) => x.callTaskOpenMinor]);
  if (some((x) => x.courtesyOpenMinor)) rows.push(['courtesy', (x) => x.courtesyOpenMinor]);
  return rows.map(([key, pick]) =>
    t('common.labelled', { label: t(`dunningReview.grandTotal.${key}`), value: amounts(pick) }),
  );
}

/** The run as printed (a run awaiting approval is printed by the command itself). */
export function runLines(view: DunningRunView, lang: Lang): string[] {
  const totals = totalLines(view, lang);
  const lines = [
    ...headLines(view, lang),
    ...(totals.length > 0 ? ['', ...totals] : []),
    '',
    ...actionLines(view.actions, lang),
    ...raisedLines(view.actions, lang),
  ];
  if (view.skipped.length > 0) lines.push('', ...skippedLines(view, lang));
  return lines;
}
