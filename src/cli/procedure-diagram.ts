/** `encours procedure diagram [--policy V] [--compare V] --format bpmn|svg|png --out FILE`. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { DIAGRAM_FORMATS, type DiagramFormat, exportProcedureDiagram } from '#app/procedure/diagram';
import { toLang, translator } from '#text/catalogue';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

export function registerDiagramCommand(procedure: Command): void {
  procedure
    .command('diagram')
    .description(help('cliHelp.procedure.diagram.description'))
    .option('--policy <version>', help('cliHelp.procedure.diagram.option.policy'))
    .option('--compare <version>', help('cliHelp.procedure.diagram.option.compare'))
    .option('--as-of <date>', help('cliHelp.procedure.diagram.option.as-of'))
    .requiredOption(
      '--format <format>',
      help('cliHelp.procedure.diagram.option.format', { formats: DIAGRAM_FORMATS.join(' | ') }),
    )
    .requiredOption('--out <file>', help('cliHelp.procedure.diagram.option.out'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
