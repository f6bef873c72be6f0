/**
 * `encours legal partner save|list`: the lawyers and collection agencies files are handed to, with
 * the terms agreed (commission by phase, fixed fees).
 */
import type { Command } from 'commander';
import { listPartners, savePartner } from '#app/legal/handover';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatPercentBps } from '#text/format';
import { amountOption } from './legal-values.ts';
import { money, plain, printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

export function registerPartnerCommands(legal: Command): void {
  const partner = legal.command('partner').description('lawyers and collection agencies');
  partner
    .command('save <name>')
    .description('adds a partner, or changes the terms of the one with that name')
    .requiredOption('--kind <kind>', 'lawyer or agency')
    .requiredOption('--amicable-bps <bps>', 'commission on amounts recovered amicably (1200 = 12 %)')
    .requiredOption('--judicial-bps <bps>', 'commission once the file goes to court')
    .option('--file-fee <amount>', 'fixed fee per file, excl. VAT (50.00)', '0')
    .option('--judicial-fee <amount>', 'fixed fee once in court, excl. VAT', '0')
    .option('--email <email>', 'where the package is sent')
    .option('--address <lines>', 'address lines separated by |')
    .option('--lang <lang>', 'fr or en', 'fr')
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
    .description('the partners and their terms')
    .option('--lang <lang>', 'fr or en', 'fr')
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
