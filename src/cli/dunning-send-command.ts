/**
 * `encours dunning send RUN`: delivers a run carried out by `dunning run` — its e-mails over SMTP
 * (what is due in the outbox), and with `--out DIR` its print batch and the deposit list of its
 * registered letters as files, ready for the printer and the post office.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { getLetter } from '#app/dunning/queries';
import { getRunDelivery, registeredLetterFile } from '#app/dunning/run-delivery';
import { DomainError } from '#app/errors';
import { type DispatchResult, dispatchUntilDone } from '#app/mail/dispatch';
import { createSmtpTransport, mailSettingsFromEnv } from '#app/mail/smtp';
import { translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function parseRun(text: string): number {
  const runId = Number(text);
  if (!Number.isInteger(runId) || runId < 1)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.notANumber',
      params: { what: 'run', value: text },
    });
  return runId;
}

export function registerDunningSendCommand(dunning: Command): void {
  dunning
    .command('send <run>')
    .description(help('cliHelp.dunning.send.description'))
    .option('--out <dir>', help('cliHelp.dunning.send.option.out'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (runText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const t = translator(lang);
      const runId = parseRun(runText);
      const smtp = mailSettingsFromEnv(process.env).smtp;
      const result = await withContext(command, async (ctx) => {
        const before = await getRunDelivery(ctx, runId);
        const files: string[] = [];
        if (options.out) {
          mkdirSync(options.out, { recursive: true });
          const write = (filename: string, body: Buffer) => {
            const file = join(options.out, filename);
            writeFileSync(file, body);
            files.push(file);
          };
          for (const part of before.batchFiles) {
            const letter = await getLetter(ctx, part.letterId, lang);
            write(letter.filename, letter.content);
          }
          if (before.registeredLetters.length > 0)
            for (const format of ['pdf', 'csv'] as const) {
              const list = await registeredLetterFile(ctx, runId, format, lang);
              write(list.filename, list.body);
            }
        }
        let dispatched: DispatchResult | null = null;
        if (smtp) {
          const transport = createSmtpTransport(smtp);
          try {
            dispatched = await dispatchUntilDone({ db: ctx.db, clock: ctx.clock, log: ctx.log, transport });
          } finally {
            transport.close?.();
          }
        }
        const after = dispatched ? await getRunDelivery(ctx, runId) : before;
        return { delivery: after, files, dispatched };
      });
      const { delivery, files, dispatched } = result;
      if (globalOptions(command).json)
        return printJson({
          runId: delivery.runId,
          asOf: delivery.asOf,
          letters: delivery.letters,
          registeredLetters: delivery.registeredLetters.length,
          emails: delivery.emails,
          smtp: dispatched !== null,
          files,
        });
      process.stdout.write(
        `${t('dunning.delivery.cli.summary', {
          run: delivery.runId,
          date: formatDate(lang, delivery.asOf),
          letters: delivery.letters,
          registered: delivery.registeredLetters.length,
          ...delivery.emails,
        })}\n`,
      );
      if (!dispatched) process.stdout.write(`${t('dunning.delivery.cli.noSmtp')}\n`);
      for (const file of files) process.stdout.write(`${t('dunning.delivery.cli.written', { file })}\n`);
    });
}
