/** `encours procedure diagram [--policy V] [--compare V] --format bpmn|svg|png --out FILE`. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { DIAGRAM_FORMATS, type DiagramFormat, exportProcedureDiagram } from '#app/procedure/diagram';
import { toLang, translator } from '#text/catalogue';
import { printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

export function registerDiagramCommand(procedure: Command): void {
  procedure
    .command('diagram')
    .description(
      'the processing diagram of the configured procedure (order to cash, with its rules, delegation levels and dunning steps), as BPMN 2.0, SVG or PNG; --compare draws a before/after (svg, png)',
    )
    .option(
      '--policy <version>',
      'a version name (order rules, delegation matrix, dunning policy code@N) or a date; default: in force',
    )
    .option('--compare <version>', 'the version or date to compare with, drawn as "before"')
    .option('--as-of <date>', 'YYYY-MM-DD reference date (default: the company reference date)')
    .requiredOption('--format <format>', DIAGRAM_FORMATS.join(' | '))
    .requiredOption('--out <file>', 'output file')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      if (!(DIAGRAM_FORMATS as readonly string[]).includes(options.format))
        throw new DomainError('invalid_input', {
          key: 'errors.procedure.format',
          params: { value: String(options.format), formats: DIAGRAM_FORMATS.join(', ') },
        });
      const lang = toLang(options.lang);
      const file = await withContext(command, (ctx) =>
        exportProcedureDiagram(ctx, {
          policy: options.policy,
          compare: options.compare,
          asOf: options.asOf,
          lang,
          format: options.format as DiagramFormat,
        }),
      );
      writeFileSync(options.out, file.body);
      if (globalOptions(command).json)
        return printJson({ file: options.out, format: file.format, changedCount: file.changedCount });
      const t = translator(lang);
      process.stdout.write(
        `${t('procedureDiagram.cli.written', { file: options.out, format: file.format })}\n`,
      );
      if (file.changedCount !== null)
        process.stdout.write(
          `${t('procedureDiagram.cli.compared', { changes: t('procedureDiagram.changes', { n: file.changedCount }) })}\n`,
        );
    });
}
