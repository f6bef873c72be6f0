/** `encours report aging|kpis|risk-table|crosstab|anomalies`: JSON, a text table, or a CSV/XLSX/PDF file. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { AGING_GROUP_BYS, getAgedBalance, getAgingDocuments } from '#app/reports/aging';
import { getAnomalies } from '#app/reports/anomalies';
import { CROSSTAB_DIMENSIONS, type CrosstabDimension, getCrosstab } from '#app/reports/crosstab';
import { getKpis } from '#app/reports/kpis';
import {
  agingTable,
  anomaliesTable,
  crosstabTable,
  EXPORT_FORMATS,
  type ExportFormat,
  renderKpis,
  renderTable,
  riskTableTable,
} from '#app/reports/report-tables';
import { getRiskTable } from '#app/reports/risk';
import type { AgingBasis } from '#core/analytics/aging';
import type { AgingGroupBy } from '#db/reports/aging';
import { money, printJson, printTable } from './output.ts';
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
    throw new DomainError('invalid_input', `--buckets expects whole days, e.g. 30,60,90`);
  return bounds;
}

/** Writes the file when --format is given; returns true when the command is done. */
async function exportIfAsked(
  options: ReportOptions,
  render: (format: ExportFormat) => Promise<Buffer>,
): Promise<boolean> {
  if (options.format === undefined) return false;
  if (!EXPORT_FORMATS.includes(options.format as ExportFormat))
    throw new DomainError('invalid_input', `--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!options.out) throw new DomainError('invalid_input', '--format needs --out FILE');
  writeFileSync(options.out, await render(options.format as ExportFormat));
  process.stderr.write(`encours: wrote ${options.out}\n`);
  return true;
}

function common(command: Command): Command {
  return command
    .option('--as-of <date>', 'YYYY-MM-DD (default: today, or the demo company reference date)')
    .option('--lang <lang>', 'fr or en', 'fr')
    .option('--format <format>', 'csv | xlsx | pdf (with --out)')
    .option('--out <file>', 'output file for --format');
}

export function registerReportCommand(program: Command): void {
  const report = program
    .command('report')
    .description('receivables analytics (aged balance, indicators, risk table…)');
  common(report.command('aging').description('aged balance (balance âgée) as of a date'))
    .option('--by <grouping>', AGING_GROUP_BYS.join('|'), 'customer')
    .option('--basis <basis>', 'due | issue', 'due')
    .option('--buckets <days>', 'bucket upper bounds in days', '30,60,90')
    .option('--type <customerType>', 'only this customer type')
    .option('--salesperson <name>', 'only this salesperson’s customers')
    .option('--drill <key>', 'list the documents behind one line (group key)')
    .option('--bucket <key>', 'with --drill: one bucket key, or "credits"')
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
        return printTable(drill.documents, [
          { header: 'Client', value: (d) => d.customerCode },
          { header: 'Pièce', value: (d) => `${d.kind} ${d.externalRef}` },
          { header: 'Émise', value: (d) => d.issueDate },
          { header: 'Échéance', value: (d) => d.dueDate },
          { header: 'Âge (j)', value: (d) => String(d.ageDays), align: 'right' },
          { header: 'Ouvert', value: (d) => money(d.openMinor, drill.currency), align: 'right' },
        ]);
      }
      const result = await withContext(command, (ctx) => getAgedBalance(ctx, input));
      if (await exportIfAsked(options, (format) => renderTable(agingTable(result, options.lang), format)))
        return;
      if (globalOptions(command).json) return printJson(result);
      printReportTable(agingTable(result, options.lang));
    });

  common(report.command('kpis').description('indicators of a period with their monthly evolution'))
    .option('--from <date>', 'first day (default: 11 months before --to, first of month)')
    .option('--to <date>', 'last day (default: --as-of)')
    .option('--countback <basis>', 'actual | thirty (30-day months)', 'actual')
    .option('--rate-bps <bps>', 'annual rate of the cash cost of late payment, basis points', '500')
    .action(async (options: ReportOptions, command: Command) => {
      const result = await withContext(command, (ctx) =>
        getKpis(ctx, {
          from: options.from,
          to: options.to ?? options.asOf,
          countbackDayBasis: options.countback === 'thirty' ? 'thirty' : 'actual',
          lateCostRateBps: Number(options.rateBps),
        }),
      );
      if (await exportIfAsked(options, (format) => renderKpis(result, format, options.lang))) return;
      if (globalOptions(command).json) return printJson(result);
      const { monthly: _monthly, salesByCustomerType, paymentDelayByCustomer: _delays, ...headline } = result;
      for (const [key, value] of Object.entries(headline))
        process.stdout.write(`${key.padEnd(36)} ${value}\n`);
      process.stdout.write('\n');
      printTable(salesByCustomerType, [
        { header: 'Type', value: (r) => r.customerType },
        { header: 'Ventes', value: (r) => money(r.salesMinor, result.currency), align: 'right' },
        { header: 'Part', value: (r) => `${((r.share ?? 0) * 100).toFixed(1)} %`, align: 'right' },
      ]);
    });

  common(report.command('risk-table').description('risk-level tracking table built from the aged balance'))
    .option('--type <customerType>', 'only this customer type')
    .option('--salesperson <name>', 'only this salesperson’s customers')
    .action(async (options: ReportOptions, command: Command) => {
      const result = await withContext(command, (ctx) =>
        getRiskTable(ctx, {
          asOf: options.asOf,
          customerType: options.type,
          salesperson: options.salesperson,
          lang: options.lang,
        }),
      );
      const table = riskTableTable(result, options.lang);
      if (await exportIfAsked(options, (format) => renderTable(table, format))) return;
      if (globalOptions(command).json) return printJson(result);
      printReportTable(table);
    });

  common(report.command('crosstab').description('cross tabulation (tri croisé) of the outstanding'))
    .requiredOption('--by <rows,columns>', `two of ${CROSSTAB_DIMENSIONS.join(', ')}`)
    .option('--type <customerType>', 'only this customer type')
    .option('--salesperson <name>', 'only this salesperson’s customers')
    .action(async (options: ReportOptions, command: Command) => {
      const [rows, columns] = (options.by ?? '').split(',') as [CrosstabDimension, CrosstabDimension];
      const result = await withContext(command, (ctx) =>
        getCrosstab(ctx, {
          asOf: options.asOf,
          rows,
          columns,
          customerType: options.type,
          salesperson: options.salesperson,
          lang: options.lang,
        }),
      );
      const table = crosstabTable(result, options.lang);
      if (await exportIfAsked(options, (format) => renderTable(table, format))) return;
      if (globalOptions(command).json) return printJson(result);
      printReportTable(table);
    });

  common(report.command('anomalies').description('anomalies found in the portfolio, with evidence')).action(
    async (options: ReportOptions, command: Command) => {
      const result = await withContext(command, (ctx) =>
        getAnomalies(ctx, { asOf: options.asOf, lang: options.lang === 'en' ? 'en' : 'fr' }),
      );
      if (await exportIfAsked(options, (format) => renderTable(anomaliesTable(result, options.lang), format)))
        return;
      if (globalOptions(command).json) return printJson(result);
      for (const finding of result.findings) {
        process.stdout.write(
          `[${finding.severity}] ${finding.title} (${finding.kind}) — ${finding.customers.length} client(s)\n`,
        );
        for (const c of finding.customers.slice(0, 10)) process.stdout.write(`    ${c.code}  ${c.name}\n`);
      }
    },
  );
}

function printReportTable(table: ReturnType<typeof agingTable>): void {
  process.stdout.write(`${table.title}\n${table.subtitle.join('\n')}\n\n`);
  const rows = [...table.rows, ...(table.totals ? [table.totals] : [])];
  printTable(
    rows,
    table.columns.map((column, index) => ({
      header: column.header,
      align: column.kind === 'text' ? ('left' as const) : ('right' as const),
      value: (row: (typeof rows)[number]) => {
        const value = row[index] ?? null;
        if (value === null) return '';
        if (column.kind === 'money' && typeof value === 'number') return money(value, table.currency);
        if (column.kind === 'percent' && typeof value === 'number') return `${(value * 100).toFixed(1)} %`;
        return String(value).slice(0, 40);
      },
    })),
  );
}
