/**
 * `encours dunning rates [--json]` and `encours dunning rates set 2026H2 --ecb 2.15`: the semester
 * rates table the late-payment interest reads (ECB rate; the penalty rate is ECB + 10 points),
 * followed by what it lacks up to the current half-year (« Taux BCE du 2nd semestre 2026 manquant »).
 * Rates are typed in % and kept in basis points.
 */
import type { Command } from 'commander';
import { listRateGaps } from '#app/dunning/rate-gaps';
import { listRates, setRate } from '#app/dunning/settings';
import { DomainError } from '#app/errors';
import type { RateGaps } from '#core/dunning/rate-gaps';
import { parseSemester } from '#core/dunning/semesters';
import type { RateRow } from '#db/dunning/config-queries';
import { type Lang, translator } from '#text/catalogue';
import { formatPercentBps } from '#text/format';
import { rateGapLines, semesterWords } from '#text/rate-gaps';
import { help } from './help-words.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

/** The late-payment penalty rate is the ECB rate plus 10 points (C. com. L441-10). */
const PENALTY_MARGIN_BPS = 1000;

/** « 2.15 » or « 2,15 » (%) → 215 basis points; never a float on the way. */
export function percentTextToBps(text: string, option: string): number {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.ratePercent',
      params: { option, value: text },
    });
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function printRates(rows: readonly RateRow[], gaps: RateGaps, lang: Lang): void {
  const t = translator(lang);
  const percent = (bps: number | null) => formatPercentBps(lang, bps, 2);
  printTable(rows, [
    { header: t('dunningReview.rates.semester'), value: (r) => semesterWords(lang, r.semester) },
    { header: t('dunningReview.rates.ecb'), value: (r) => percent(r.ecbRateBps), align: 'right' },
    {
      header: t('dunningReview.rates.penalty'),
      value: (r) => percent(r.ecbRateBps + PENALTY_MARGIN_BPS),
      align: 'right',
    },
    {
      header: t('dunningReview.rates.legal'),
      value: (r) =>
        r.legalInterestRateBps === null ? t('dunningRates.missingCell') : percent(r.legalInterestRateBps),
      align: 'right',
    },
    { header: t('dunningReview.rates.source'), value: (r) => r.source },
  ]);
  const missing = rateGapLines(lang, gaps).map((line) => t('dunningRates.cli.missing', { text: line.text }));
  if (missing.length > 0) process.stdout.write(`${missing.join('\n')}\n`);
}

export function registerDunningRatesCommands(dunning: Command): void {
  const rates = dunning
    .command('rates')
    .description(help('cliHelp.dunning.rates.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const { rows, gaps } = await withContext(command, async (ctx) => ({
        rows: await listRates(ctx),
        gaps: await listRateGaps(ctx),
      }));
      if (globalOptions(command).json) return printJson(rows);
      printRates(rows, gaps, parseLang(options.lang));
    });
  rates
    .command('set <semester>')
    .description(help('cliHelp.dunning.rates.set.description'))
    .requiredOption('--ecb <percent>', help('cliHelp.dunning.rates.set.option.ecb'))
    .option('--legal <percent>', help('cliHelp.dunning.rates.set.option.legal'))
    .option('--source <text>', help('cliHelp.dunning.rates.set.option.source'), 'Banque de France')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (semesterText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      // « S2 2026 » as French writes it, or the stored 2026H2: the table's row is found either way.
      const semester = parseSemester(semesterText) ?? semesterText.toUpperCase();
      const ecbRateBps = percentTextToBps(options.ecb, '--ecb');
      const legalGiven = options.legal === undefined ? undefined : percentTextToBps(options.legal, '--legal');
      const rows = await withContext(command, async (ctx) => {
        const before = (await listRates(ctx)).find((r) => r.semester === semester);
        const legalInterestRateBps = legalGiven ?? before?.legalInterestRateBps ?? null;
        return setRate(ctx, { semester, ecbRateBps, legalInterestRateBps, source: options.source });
      });
      if (globalOptions(command).json) return printJson(rows);
      process.stdout.write(
        `${translator(lang)('dunningReview.cli.rateSaved', {
          semester: semesterWords(lang, semester),
          ecb: formatPercentBps(lang, ecbRateBps, 2),
          penalty: formatPercentBps(lang, ecbRateBps + PENALTY_MARGIN_BPS, 2),
        })}\n`,
      );
    });
}
