/** `encours outbox list|show|eml|send`: the mail outbox from the command line. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { dispatchUntilDone } from '#app/mail/dispatch';
import { exportOutboxEml, getOutboxMessage, listOutbox, retryOutboxMessage } from '#app/mail/outbox';
import { createSmtpTransport, mailSettingsFromEnv } from '#app/mail/smtp';
import { MAIL_STATUSES, type MailStatus } from '#db/mail/outbox-queries';
import { label, translator } from '#text/catalogue';
import { connectionReason } from '#text/connection-words';
import { formatDateTime } from '#text/format';
import { help } from './help-words.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function parseId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new DomainError('invalid_input', { key: 'errors.mail.notAMessageNumber', params: { value: text } });
  return id;
}

export function registerOutboxCommand(program: Command): void {
  const outbox = program.command('outbox').description(help('cliHelp.outbox.description'));

  outbox
    .command('list')
    .description(help('cliHelp.outbox.list.description'))
    .option(
      '--status <status>',
      help('cliHelp.outbox.list.option.status', { statuses: MAIL_STATUSES.join('|') }),
    )
    .option('--category <code>', help('cliHelp.outbox.list.option.category'))
    .option('--customer <code>', help('cliHelp.outbox.list.option.customer'))
    .option('--limit <n>', help('cliHelp.outbox.list.option.limit'), '50')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      if (options.status !== undefined && !MAIL_STATUSES.includes(options.status))
        throw new DomainError('invalid_input', {
          key: 'errors.mail.statusOption',
          params: {
            value: options.status,
            choices: (lang) =>
              MAIL_STATUSES.map((code) => `${code} (${label(lang, 'mailStatus', code)})`).join(', '),
          },
        });
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new DomainError('invalid_input', { key: 'errors.mail.limitOption' });
      const page = await withContext(command, (ctx) =>
        listOutbox(
          ctx,
          {
            status: options.status as MailStatus | undefined,
            category: options.category,
            customerCode: options.customer,
          },
          { limit },
        ),
      );
      if (globalOptions(command).json) return printJson(page);
      const t = translator(lang);
      process.stdout.write(`${t('mail.title')} — ${t('mail.count', { n: page.total })}\n\n`);
      printTable(page.items, [
        { header: t('mail.cli.id'), value: (m) => String(m.id), align: 'right' },
        { header: t('mail.createdAt'), value: (m) => formatDateTime(lang, m.createdAt) },
        { header: t('mail.status'), value: (m) => label(lang, 'mailStatus', m.status) },
        { header: t('mail.category'), value: (m) => label(lang, 'mailCategory', m.category) },
        { header: t('mail.to'), value: (m) => m.to.join(', ').slice(0, 40) },
        { header: t('mail.subject'), value: (m) => m.subject.slice(0, 50) },
      ]);
    });

  outbox
    .command('show <id>')
    .description(help('cliHelp.outbox.show.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const message = await withContext(command, (ctx) => getOutboxMessage(ctx, parseId(idText)));
      if (globalOptions(command).json) return printJson(message);
      const t = translator(lang);
      const lines: [string, string | null][] = [
        [t('mail.status'), label(lang, 'mailStatus', message.status)],
        [t('mail.category'), label(lang, 'mailCategory', message.category)],
        [t('mail.from'), message.from],
        [t('mail.to'), message.to.join(', ')],
        [t('mail.cc'), message.cc.join(', ') || null],
        [t('mail.bcc'), message.bcc.join(', ') || null],
        [t('mail.subject'), message.subject],
        [t('mail.customer'), message.customerCode],
        [t('mail.document'), message.documentRef],
        [t('mail.createdAt'), `${formatDateTime(lang, message.createdAt)} (${message.createdBy})`],
        [t('mail.sentAt'), message.sentAt ? formatDateTime(lang, message.sentAt) : null],
        [t('mail.attempts'), String(message.attempts)],
        [t('mail.nextAttempt'), message.nextAttemptAt ? formatDateTime(lang, message.nextAttemptAt) : null],
        // « connect ECONNREFUSED 127.0.0.1:25 » in the reader's words; another server answer as it is.
        [
          t('mail.lastError'),
          message.lastError && (connectionReason(lang, message.lastError) ?? message.lastError),
        ],
        [t('mail.attachments'), message.attachments.map((a) => a.filename).join(', ') || null],
      ];
      for (const [name, value] of lines)
        if (value) process.stdout.write(`${t('common.labelled', { label: name, value })}\n`);
      process.stdout.write(`\n${message.text}\n`);
    });

  outbox
    .command('eml <id>')
    .description(help('cliHelp.outbox.eml.description'))
    .option('--output <file>', help('cliHelp.outbox.eml.option.output'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const eml = await withContext(command, (ctx) => exportOutboxEml(ctx, parseId(idText)));
      if (!options.output) {
        process.stdout.write(eml.content);
        return;
      }
      writeFileSync(options.output, eml.content);
      if (globalOptions(command).json) printJson({ file: options.output, bytes: eml.content.length });
      else process.stdout.write(`${translator(lang)('mail.cli.written', { file: options.output })}\n`);
    });

  outbox
    .command('send [id]')
    .description(help('cliHelp.outbox.send.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string | undefined, options, command: Command) => {
      const lang = parseLang(options.lang);
      const t = translator(lang);
      const settings = mailSettingsFromEnv(process.env);
      if (!settings.smtp) throw new DomainError('invalid_input', t('mail.cli.noSmtp'));
      const smtp = settings.smtp;
      const total = await withContext(command, async (ctx) => {
        if (idText !== undefined) await retryOutboxMessage(ctx, parseId(idText));
        const transport = createSmtpTransport(smtp);
        try {
          return await dispatchUntilDone({ db: ctx.db, clock: ctx.clock, log: ctx.log, transport });
        } finally {
          transport.close?.();
        }
      });
      if (globalOptions(command).json) return printJson(total);
      process.stdout.write(`${t('mail.cli.sendPass', { ...total })}\n`);
    });
}
