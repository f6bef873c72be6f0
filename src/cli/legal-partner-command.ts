/**
 * `encours legal partner save|list`: the lawyers and collection agencies files are handed to, with
 * the terms agreed (commission by phase, fixed fees).
 */
import type { Command } from 'commander';
import { listPartners, savePartner } from '#app/legal/handover';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatPercentBps } from '#text/format';
import { help } from './help-words.ts';
import { amountOption } from './legal-values.ts';
import { money, plain, printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

export function registerPartnerCommands(legal: Command): void {
  const partner = legal.command('partner').description(help('cliHelp.legal.partner.description'));
  partner
    .command('save <name>')
    .description(help('cliHelp.legal.partner.save.description'))
    .requiredOption('--kind <kind>', help('cliHelp.legal.partner.save.option.kind'))
    .requiredOption('--amicable-bps <bps>', help('cliHelp.legal.partner.save.option.amicable-bps'))
    .requiredOption('--judicial-bps <bps>', help('cliHelp.legal.partner.save.option.judicial-bps'))
    .option('--file-fee <amount>', help('cliHelp.legal.partner.save.option.file-fee'), '0')
    .option('--judicial-fee <amount>', help('cliHelp.legal.partner.save.option.judicial-fee'), '0')
    .option('--email <email>', help('cliHelp.legal.partner.save.option.email'))
    .option('--address <lines>', help('cliHelp.legal.partner.save.option.address'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (name: string, options, command: Command) => {
      const saved = await withContext(command, (ctx) =>
        savePartner(ctx, {
          name,
          kind: options.kind,
          email: options.email ?? null,
          addressLines: String(options.address ?? '').split('|'),
          amicableCommissionBps: Number(options.amicableBps),
          judicialCommissionBps: Number(options.judicialBps),
          fileFeeMinor: amountOption(options.fileFee, '--file-fee') ?? 0,
          judicialFeeMinor: amountOption(options.judicialFee, '--judicial-fee') ?? 0,
          currency: 'EUR',
        }),
      );
      if (globalOptions(command).json) return printJson(saved);
      printPartners([saved], toLang(options.lang));
    });
  partner
    .command('list')
    .description(help('cliHelp.legal.partner.list.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) => listPartners(ctx));
      if (globalOptions(command).json) return printJson({ items });
      printPartners(items, toLang(options.lang));
    });
}

function printPartners(items: Awaited<ReturnType<typeof listPartners>>, lang: Lang): void {
  const t = translator(lang);
  const lines = items.map((p) =>
    t('legalFile.cli.partner', {
      partnerId: p.partnerId,
      name: p.name,
      kind: t('legalFile.partnerKind', { kind: p.kind }),
      amicable: formatPercentBps(lang, p.amicableCommissionBps),
      judicial: formatPercentBps(lang, p.judicialCommissionBps),
      fileFee: money(p.fileFeeMinor, p.currency, lang),
      judicialFee: money(p.judicialFeeMinor, p.currency, lang),
    }),
  );
  process.stdout.write(`${plain((lines.length ? lines : [t('legalFile.cli.none')]).join('\n'))}\n`);
}
