/** `encours report aging|kpis|risk-table|crosstab|anomalies`: JSON, a text table, or a CSV/XLSX/PDF file. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { AGING_GROUP_BYS, getAgedBalance, getAgingDocuments } from '#app/reports/aging';
import { getAnomalies } from '#app/reports/anomalies';
import { CROSSTAB_DIMENSIONS, type CrosstabDimension, getCrosstab } from '#app/reports/crosstab';
import { getKpis } from '#app/reports/kpis';
import {
  agingExport,
  agingTable,
  anomaliesExport,
  crosstabExport,
  crosstabTable,
  documentSetting,
  EXPORT_FORMATS,
  type ExportFormat,
  kpisExport,
  renderExport,
  riskExport,
  riskTableTable,
} from '#app/reports/report-tables';
import { getRiskTable } from '#app/reports/risk';
import type { AgingBasis } from '#core/analytics/aging';
import type { AgingGroupBy } from '#db/reports/aging';
import { label, toLang, translator } from '#text/catalogue';
import { describeFigures } from '#text/figures';
import { formatDate, formatPercent, withMinusSigns } from '#text/format';
import { wroteLine } from './cli-values.ts';
import { help } from './help-words.ts';
import { money, plain, printJson, printTable } from './output.ts';
import { registerReportDocuments } from './report-documents.ts';
import { printReportTable } from './report-table-print.ts';
import { globalOptions, withContext } from './shared.ts';

interface ReportOptions {
  asOf?: string;
  from?: string;
  to?: string;
  by?: string;
  basis?: string;
  buckets?: string;
  drill?: string;
  bucket?: string;
  type?: string;
  salesperson?: string;
  countback?: string;
  rateBps?: string;
  lang: string;
  format?: string;
  out?: string;
}

function parseBounds(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const bounds = text.split(',').map((part) => Number(part.trim()));
  if (bounds.some((b) => !Number.isInteger(b)))
    throw new DomainError('invalid_input', { key: 'errors.cli.buckets' });
  return bounds;
}

/** Writes the file when --format is given; returns true when the command is done. */
async function exportIfAsked(
  options: ReportOptions,
  render: (format: ExportFormat) => Promise<Buffer>,
): Promise<boolean> {
  if (options.format === undefined) return false;
  if (!EXPORT_FORMATS.includes(options.format as ExportFormat))
    throw new DomainError('invalid_input', {
      key: 'errors.cli.choice',
      params: { option: '--format', choices: EXPORT_FORMATS.join(', ') },
    });
  if (!options.out) throw new DomainError('invalid_input', { key: 'errors.cli.formatNeedsOut' });
  writeFileSync(options.out, await render(options.format as ExportFormat));
  process.stderr.write(wroteLine(options.out, toLang(options.lang)));
  return true;
}

function common(command: Command): Command {
  return command
    .option('--as-of <date>', help('cliHelp.shared.asOfToday'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .option('--format <format>', help('cliHelp.shared.format'))
    .option('--out <file>', help('cliHelp.shared.out'));
}

export function registerReportCommand(program: Command): void {
  const report = program.command('report').description(help('cliHelp.report.description'));
  common(report.command('aging').description(help('cliHelp.report.aging.description')))
    .option(
      '--by <grouping>',
      help('cliHelp.report.aging.option.by', { values: AGING_GROUP_BYS.join('|') }),
      'customer',
    )
    .option('--basis <basis>', help('cliHelp.report.aging.option.basis'), 'due')
    .option('--buckets <days>', help('cliHelp.report.aging.option.buckets'), '30,60,90')
    .option('--type <customerType>', help('cliHelp.shared.customerType'))
    .option('--salesperson <name>', help('cliHelp.shared.salesperson'))
    .option('--drill <key>', help('cliHelp.report.aging.option.drill'))
    .option('--bucket <key>', help('cliHelp.report.aging.option.bucket'))
    .action(async (options: ReportOptions, command: Command) => {
      const input = {
        asOf: options.asOf,
        groupBy: options.by as AgingGroupBy,
        basis: options.basis as AgingBasis,
        bucketBounds: parseBounds(options.buckets),
        customerType: options.type,
        salesperson: options.salesperson,
        lang: options.lang,
      };
      if (options.drill !== undefined) {
        const drill = await withContext(command, (ctx) =>
          getAgingDocuments(ctx, { ...input, groupKey: options.drill as string, bucketKey: options.bucket }),
        );
        if (globalOptions(command).json) return printJson(drill);
        const lang = toLang(options.lang);
        const t = translator(lang);
        return printTable(drill.documents, [
          { header: t('cli.col.customer'), value: (d) => d.customerCode },
          {
            header: t('cli.col.document'),
            value: (d) => `${label(lang, 'documentKind', d.kind)} ${d.externalRef}`,
          },
          { header: t('cli.col.issued'), value: (d) => formatDate(lang, d.issueDate) },
          { header: t('cli.col.due'), value: (d) => formatDate(lang, d.dueDate) },
          { header: t('cli.col.age'), value: (d) => String(d.ageDays), align: 'right' },
          {
            header: t('cli.col.open'),
            value: (d) => money(d.openMinor, drill.currency, lang),
            align: 'right',
          },
        ]);
      }
      const { result, setting } = await withContext(command, async (ctx) => ({
        result: await getAgedBalance(ctx, input),
        setting: await documentSetting(ctx, options.lang),
      }));
      if (
        await exportIfAsked(options, (format) =>
          renderExport(agingExport(result, setting), format, setting.lang),
        )
      )
        return;
      if (globalOptions(command).json) return printJson(result);
      printReportTable(agingTable(result, options.lang), toLang(options.lang));
    });

  common(report.command('kpis').description(help('cliHelp.report.kpis.description')))
    .option('--from <date>', help('cliHelp.report.kpis.option.from'))
    .option('--to <date>', help('cliHelp.report.kpis.option.to'))
    .option('--countback <basis>', help('cliHelp.report.kpis.option.countback'), 'actual')
    .option('--rate-bps <bps>', help('cliHelp.report.kpis.option.rateOverride'))
    .action(async (options: ReportOptions, command: Command) => {
      const { result, setting } = await withContext(command, async (ctx) => ({
        result: await getKpis(ctx, {
          from: options.from,
          to: options.to ?? options.asOf,
          countbackDayBasis: options.countback === 'thirty' ? 'thirty' : 'actual',
          lateCostRateBps: options.rateBps === undefined ? undefined : Number(options.rateBps),
        }),
        setting: await documentSetting(ctx, options.lang),
      }));
      if (
        await exportIfAsked(options, (format) =>
          renderExport(kpisExport(result, setting), format, setting.lang),
        )
      )
        return;
      if (globalOptions(command).json) return printJson(result);
      const lang = toLang(options.lang);
      const t = translator(lang);
      const figures = describeFigures(lang, { ...result }, result.currency);
      // As wide as the longest label, so that every value starts in one column.
      const width = Math.max(...figures.map(([name]) => plain(name).length));
      for (const [name, value] of figures)
        process.stdout.write(`${plain(name).padEnd(width)}  ${plain(withMinusSigns(value, lang))}\n`);
      process.stdout.write('\n');
      printTable(result.salesByCustomerType, [
        { header: t('kpi.customerType'), value: (r) => label(lang, 'customerType', r.customerType) },
        { header: t('kpi.sales'), value: (r) => money(r.salesMinor, result.currency, lang), align: 'right' },
        { header: t('kpi.share'), value: (r) => plain(formatPercent(lang, r.share, 1)), align: 'right' },
      ]);
    });

  common(report.command('risk-table').description(help('cliHelp.report.risk-table.description')))
    .option('--type <customerType>', help('cliHelp.shared.customerType'))
    .option('--salesperson <name>', help('cliHelp.shared.salesperson'))
    .action(async (options: ReportOptions, command: Command) => {
      const { result, setting } = await withContext(command, async (ctx) => ({
        result: await getRiskTable(ctx, {
          asOf: options.asOf,
          customerType: options.type,
          salesperson: options.salesperson,
          lang: options.lang,
        }),
        setting: await documentSetting(ctx, options.lang),
      }));
      const table = riskTableTable(result, options.lang);
      if (
        await exportIfAsked(options, (format) =>
          renderExport(riskExport(result, setting), format, setting.lang),
        )
      )
        return;
      if (globalOptions(command).json) return printJson(result);
      printReportTable(table, toLang(options.lang));
    });

  common(report.command('crosstab').description(help('cliHelp.report.crosstab.description')))
    .requiredOption(
      '--by <rows,columns>',
      help('cliHelp.report.crosstab.option.by', { dimensions: CROSSTAB_DIMENSIONS.join(', ') }),
    )
    .option('--type <customerType>', help('cliHelp.shared.customerType'))
    .option('--salesperson <name>', help('cliHelp.shared.salesperson'))
    .action(async (options: ReportOptions, command: Command) => {
      const [rows, columns] = (options.by ?? '').split(',') as [CrosstabDimension, CrosstabDimension];
      const { result, setting } = await withContext(command, async (ctx) => ({
        result: await getCrosstab(ctx, {
          asOf: options.asOf,
          rows,
          columns,
          customerType: options.type,
          salesperson: options.salesperson,
          lang: options.lang,
        }),
        setting: await documentSetting(ctx, options.lang),
      }));
      const table = crosstabTable(result, options.lang);
      if (
        await exportIfAsked(options, (format) =>
          renderExport(crosstabExport(result, setting), format, setting.lang),
        )
      )
        return;
      if (globalOptions(command).json) return printJson(result);
      printReportTable(table, toLang(options.lang));
    });

  common(report.command('anomalies').description(help('cliHelp.report.anomalies.description'))).action(
    async (options: ReportOptions, command: Command) => {
      const { result, setting } = await withContext(command, async (ctx) => ({
        result: await getAnomalies(ctx, { asOf: options.asOf, lang: options.lang === 'en' ? 'en' : 'fr' }),
        setting: await documentSetting(ctx, options.lang),
      }));
      if (
        await exportIfAsked(options, (format) =>
          renderExport(anomaliesExport(result, setting), format, setting.lang),
        )
      )
        return;
      if (globalOptions(command).json) return printJson(result);
      for (const finding of result.findings) {
        const lang = toLang(options.lang);
        const line = translator(lang)('cli.anomaly.line', {
          severity: label(lang, 'severity', finding.severity),
          title: finding.title,
          customers: finding.customers.length,
        });
        process.stdout.write(`${plain(line)}\n`);
        for (const c of finding.customers.slice(0, 10)) process.stdout.write(`    ${c.code}  ${c.name}\n`);
      }
    },
  );
  registerReportDocuments(report);
}
