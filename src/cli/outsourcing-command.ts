/**
 * `encours outsourcing simulate`: the real annual cost of managing receivables in-house or with
 * credit insurance, factoring, a collection agency, or insurance and an agency, on the company's
 * ledger; `--assumptions FILE` (JSON, any subset) changes the assumptions; `--pdf FILE` writes the report.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { type OutsourcingSimulation, simulateOutsourcingCost } from '#app/legal/outsourcing';
import { outsourcingPdf } from '#app/legal/outsourcing-document';
import { type Lang, toLang, translator } from '#text/catalogue';
import { help } from './help-words.ts';
import { money, plain, printJson, printTable } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

async function readAssumptions(file: string | undefined): Promise<unknown> {
  if (file === undefined) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DomainError('invalid_input', {
      key: 'errors.legal.option.assumptionsFile',
      params: { reason: (error as Error).message },
    });
  }
}

function printSimulation(simulation: OutsourcingSimulation, lang: Lang): void {
  const t = translator(lang);
  const cur = simulation.figures.currency;
  printTable(simulation.options, [
    { header: t('outsourcing.col.option'), value: (o) => t(`outsourcing.option.${o.option}`) },
    { header: t('outsourcing.col.total'), value: (o) => money(o.totalMinor, cur, lang), align: 'right' },
    {
      header: t('outsourcing.col.versus'),
      value: (o) => (o.option === 'in_house' ? '' : money(o.versusInHouseMinor, cur, lang)),
      align: 'right',
    },
  ]);
  const best = [...simulation.options].sort((a, b) => a.totalMinor - b.totalMinor)[0];
  if (best)
    process.stdout.write(
      `${plain(t('outsourcing.cli.best', { option: t(`outsourcing.option.${best.option}`), total: money(best.totalMinor, cur, lang), versus: money(best.versusInHouseMinor, cur, lang) }))}\n`,
    );
}

export function registerOutsourcingCommand(program: Command): void {
  program
    .command('outsourcing')
    .description(help('cliHelp.outsourcing.description'))
    .command('simulate')
    .description(help('cliHelp.outsourcing.simulate.description'))
    .option('--from <date>', help('cliHelp.outsourcing.simulate.option.from'))
    .option('--to <date>', help('cliHelp.outsourcing.simulate.option.to'))
    .option('--assumptions <file>', help('cliHelp.outsourcing.simulate.option.assumptions'))
    .option('--pdf <file>', help('cliHelp.outsourcing.simulate.option.pdf'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = toLang(options.lang);
      const assumptions = await readAssumptions(options.assumptions);
      const input = { from: options.from, to: options.to, assumptions, lang };
      const simulation = await withContext(command, async (ctx) => {
        if (!options.pdf) return simulateOutsourcingCost(ctx, input);
        const made = await outsourcingPdf(ctx, input);
        await writeFile(options.pdf, made.pdf);
        return made.simulation;
      });
      if (globalOptions(command).json) return printJson(simulation);
      printSimulation(simulation, lang);
    });
}
