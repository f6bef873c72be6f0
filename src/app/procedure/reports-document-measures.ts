/**
 * The measures report's model worded and laid out: the template variables, the measures in place
 * (one table per area, settings named by the catalogue and written by their kind), the replay's
 * figures or the statement that none was run, and the proposed measures with their effect.
 */
import type {
  ConfiguredMeasure,
  MeasureEffect,
  MeasureSetting,
  MeasuresModel,
} from '#core/procedure/reports-model';
import type { ReportBlock, ReportSection } from '#render/reports/report-document';
import { type Lang, label, translator } from '#text/catalogue';
import { dayOffset } from '#text/day-offset';
import { formatDate, formatNumber, formatPercentBps } from '#text/format';
import { LOCALES } from '#text/icu';
import { migrationText } from './replay-text.ts';
import { columnOf, numberedSections, tableBlock } from './reports-blocks.ts';
import type { TemplateVariables } from './reports-templates.ts';
import { longDate, moneyOf } from './reports-words.ts';

export function settingLabel(lang: Lang, setting: MeasureSetting): string {
  const t = translator(lang);
  const params: Record<string, string> = { ...setting.params };
  // A hand-over « by call task » sends nothing: it puts a task to hand the file over in the agenda.
  if (setting.key === 'dunningStep' && params['stepKind'] === 'handover' && params['channel'] === 'call_task')
    return t('procedureReports.setting.dunningHandoverTask', {
      stepKind: label(lang, 'dunningStepKind', 'handover'),
    });
  if (params['role']) params['role'] = label(lang, 'role', params['role']);
  if (params['stepKind']) params['stepKind'] = label(lang, 'dunningStepKind', params['stepKind']);
  if (params['channel']) params['channel'] = label(lang, 'dunningChannel', params['channel']);
  return t(`procedureReports.setting.${setting.key}`, params);
}

export function settingValue(lang: Lang, setting: MeasureSetting, currency: string): string {
  const t = translator(lang);
  const { value } = setting;
  if (value === null) {
    if (setting.key === 'classCeiling' || setting.key === 'delegationCeiling')
      return t('procedureReports.code.unlimited');
    return setting.kind === 'money' ? '—' : t('procedureReports.code.off');
  }
  if (typeof value === 'string') return t(`procedureReports.code.${value}`);
  switch (setting.kind) {
    case 'money':
      // A ceiling of nothing: the role may approve nothing for the class, which is not « 0,00 € » of authority.
      if (setting.key === 'delegationCeiling' && value === 0) return t('procedureReports.code.noDelegation');
      return moneyOf(lang, currency)(value);
    case 'bps':
      return formatPercentBps(lang, value);
    case 'days':
      if (setting.key === 'dunningStep') return dayOffset(t, value);
      // No gap of its own: a step still waits the spacing of the steps' offsets after the one before.
      if (setting.key === 'minimumDaysBetweenSteps' && value === 0)
        return t('procedureReports.code.noMinimumGap');
      return formatNumber(lang, value, 0);
    default:
      return formatNumber(lang, value, 0);
  }
}

export function proposalTitle(lang: Lang, effect: MeasureEffect): string {
  const p = effect.parameters;
  return translator(lang)(`procedureReports.proposal.${effect.code}`, {
    days: Number(p['minDaysLate'] ?? 0),
    classes: new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(
      String(p['classes'] ?? '').split(', '),
    ),
    pct: formatPercentBps(lang, Number(p['reductionBps'] ?? 0)),
  });
}

/** « 11,7 j » in tables, « 11,7 jours » in sentences. */
const dsoText = (lang: Lang, days: number | null, long = false) =>
  days === null
    ? '—'
    : translator(lang)(long ? 'procedureReports.daysLong' : 'procedureReports.days', {
        value: formatNumber(lang, days, 1),
      });

export function measuresVariables(model: MeasuresModel, lang: Lang, company: string): TemplateVariables {
  const money = moneyOf(lang, model.currency);
  const best = [...model.proposals].sort((a, b) => b.amountMinor - a.amountMinor)[0];
  const replay = model.replay;
  return {
    company,
    asOf: longDate(lang, model.asOf),
    dso: dsoText(lang, model.basis.dsoDays, true),
    dailySales: money(model.basis.dailySalesMinor),
    rate: formatPercentBps(lang, model.basis.rateBps),
    bestProposal: best ? lowerFirst(proposalTitle(lang, best)) : '—',
    bestProposalAmount: money(best?.amountMinor ?? 0),
    bestProposalDso: dsoText(lang, best?.dsoEffectDays ?? null, true),
    replayRun: replay !== null,
    replayPolicy: replay?.policy ?? '',
    replayFrom: replay ? formatDate(lang, replay.from) : '',
    replayTo: replay ? formatDate(lang, replay.to) : '',
    n: { configured: model.configured.length, proposals: model.proposals.length },
  };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The delegation matrix as a table, one line per risk class in class order and one column per
 * role from the least to the most senior: who may approve what is read across a line.
 */
export function delegationTable(measure: ConfiguredMeasure, lang: Lang, currency: string): ReportBlock {
  const t = translator(lang);
  const col = columnOf(lang);
  const roles = [...new Set(measure.settings.map((s) => s.params?.['role'] ?? ''))];
  const classes = [...new Set(measure.settings.map((s) => s.params?.['riskClass'] ?? ''))];
  const ceilingText = (riskClass: string, role: string) => {
    const setting = measure.settings.find(
      (s) => s.params?.['riskClass'] === riskClass && s.params['role'] === role,
    );
    return setting ? settingValue(lang, setting, currency) : '—';
  };
  return tableBlock(
    currency,
    [
      col('riskClass', 'text', 1),
      ...roles.map((role) => ({ header: label(lang, 'role', role), kind: 'number' as const, width: 1.2 })),
    ],
    classes.map((riskClass) => [
      t('procedureReports.riskClass', { riskClass }),
      ...roles.map((role) => ceilingText(riskClass, role)),
    ]),
  );
}

function settingsTable(measure: ConfiguredMeasure, lang: Lang, currency: string): ReportBlock {
  if (measure.area === 'delegation') return delegationTable(measure, lang, currency);
  const col = columnOf(lang);
  return tableBlock(
    currency,
    [col('setting', 'text', 3), col('value', 'number', 1.2)],
    measure.settings.map((s) => [settingLabel(lang, s), settingValue(lang, s, currency)]),
  );
}

function configuredBlocks(model: MeasuresModel, lang: Lang): ReportBlock[] {
  const t = translator(lang);
  return model.configured.flatMap((measure) => [
    { type: 'heading', text: t(`procedureReports.area.${measure.area}`, { version: measure.version }) },
    ...(measure.area === 'insurance'
      ? []
      : [
          {
            type: 'paragraph' as const,
            small: true,
            text: measure.isDefault
              ? t('procedureReports.versionDefault')
              : t('procedureReports.version', {
                  version: measure.version,
                  date: formatDate(lang, measure.effectiveFrom),
                }),
          },
        ]),
    settingsTable(measure, lang, model.currency),
  ]);
}

function replayBlocks(model: MeasuresModel, lang: Lang): ReportBlock[] {
  const replay = model.replay;
  if (!replay) return [];
  const t = translator(lang);
  const money = moneyOf(lang, model.currency);
  const r = (key: string) => t(`procedureReports.replay.${key}`);
  return [
    {
      type: 'facts',
      items: [
        { label: r('policy'), value: replay.policy },
        {
          label: r('period'),
          value: t('procedureReports.fact.periodValue', {
            from: formatDate(lang, replay.from),
            to: formatDate(lang, replay.to),
          }),
        },
        { label: r('ordersHeld'), value: formatNumber(lang, replay.ordersHeld, 0) },
        { label: r('ordersHeldAmount'), value: money(replay.ordersHeldMinor) },
        { label: r('remindersCurrent'), value: formatNumber(lang, replay.remindersCurrent, 0) },
        { label: r('remindersProposed'), value: formatNumber(lang, replay.remindersProposed, 0) },
        { label: r('exposureAvoided'), value: money(replay.exposureAvoidedMinor) },
        { label: r('badDebtsAvoided'), value: money(replay.badDebtsAvoidedMinor) },
        { label: r('dsoBefore'), value: dsoText(lang, replay.dsoBeforeDays) },
        { label: r('dsoAfter'), value: dsoText(lang, replay.dsoAfterDays) },
        ...(replay.scoring
          ? [
              { label: r('classChanges'), value: formatNumber(lang, replay.scoring.customersChanged, 0) },
              { label: r('classMigration'), value: migrationText(lang, replay.scoring.migration) },
            ]
          : []),
      ],
    },
    ...(replay.assumptions.length > 0
      ? [
          { type: 'heading' as const, text: r('assumptions') },
          {
            type: 'bullets' as const,
            items: replay.assumptions.map((code) => t(`procedure.assumption.${code}`)),
          },
        ]
      : []),
  ];
}

/**
 * What a proposal acts on, counted in its own words: « 40 factures de 13 clients » for a measure on
 * overdue invoices, « 17 clients » for one on customers' limits (whose `items` are those customers).
 */
function proposalScope(lang: Lang, effect: MeasureEffect): string {
  return translator(lang)(`procedureReports.proposalScope.${effect.code}`, {
    customers: effect.customers,
    invoices: effect.items,
  });
}

function proposalBlocks(model: MeasuresModel, lang: Lang): ReportBlock[] {
  const col = columnOf(lang);
  const columns = [
    col('measure', 'text', 3.2),
    col('scope', 'text', 1.6),
    col('amount', 'money'),
    col('dsoEffect', 'number', 0.8),
    col('annualCost', 'money'),
  ];
  const rows = model.proposals.map((p) => [
    proposalTitle(lang, p),
    proposalScope(lang, p),
    p.amountMinor,
    p.dsoEffectDays,
    p.annualCashCostMinor,
  ]);
  return [tableBlock(model.currency, columns, rows)];
}

/** The figures the director reads first, under the summary. */
export function measuresKeyFigures(model: MeasuresModel, lang: Lang): ReportBlock {
  const t = translator(lang);
  const money = moneyOf(lang, model.currency);
  const k = (key: string) => t(`procedureReports.key.${key}`);
  const best = [...model.proposals].sort((a, b) => b.amountMinor - a.amountMinor)[0];
  return {
    type: 'keyFigures',
    items: [
      { label: k('dso'), value: dsoText(lang, model.basis.dsoDays) },
      { label: k('dailySales'), value: money(model.basis.dailySalesMinor) },
      { label: k('rate'), value: formatPercentBps(lang, model.basis.rateBps) },
      { label: k('bestProposal'), value: money(best?.amountMinor ?? 0) },
    ],
  };
}

export function measuresSections(
  model: MeasuresModel,
  lang: Lang,
  prose: Record<string, ReportBlock[]>,
): ReportSection[] {
  const parts: [string, ReportBlock[]][] = [
    ['configured', configuredBlocks(model, lang)],
    ['replay', replayBlocks(model, lang)],
    ['proposals', proposalBlocks(model, lang)],
  ];
  return numberedSections(lang, parts, prose);
}
