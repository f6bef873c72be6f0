/** `encours serve` and `encours migrate`. */
import type { Command } from 'commander';
import { ensureAdministrators } from '#app/auth/users';
import { listCompanies } from '#app/companies/companies';
import { loadDemoCompany, queueDemoForecastHistory } from '#app/demo/demo';
import { startJobWorker } from '#app/jobs/worker';
import { startOutboxDispatcher } from '#app/mail/dispatch-loop';
import { mailSettingsFromEnv } from '#app/mail/smtp';
import { openRuntime } from '#app/runtime';
import { resolveDatabaseConfig } from '#db/infra/connect';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { buildServer } from '#http/server';
import { pdfThreads } from '#render/pdf-pool';
import { toLang, translator } from '#text/catalogue';
import { help } from './help-words.ts';
import { plain, printJson } from './output.ts';
import { globalOptions, withRuntime } from './shared.ts';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description(help('cliHelp.serve.description'))
    .option('--port <port>', help('cliHelp.serve.option.port'))
    .option('--host <host>', help('cliHelp.serve.option.host'))
    .option('--no-demo', help('cliHelp.serve.option.no-demo'))
    .action(async (options, command: Command) => {
      const global = globalOptions(command);
      const mailSettings = mailSettingsFromEnv(process.env);
      const runtime = await openRuntime(
        resolveDatabaseConfig(process.env, { url: global.db, dataDir: global.dataDir }),
        { mailFrom: mailSettings.from },
      );
      const t = translator(toLang(process.env['LANG']));
      const say = (text: string) => process.stderr.write(`${plain(text)}\n`);
      const companies = await listCompanies({ db: runtime.handle.db });
      if (companies.length === 0 && options.demo !== false) {
        say(t('cli.serve.loadingDemo'));
        const system = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'system' };
        const summary = await loadDemoCompany(system);
        await queueDemoForecastHistory(system, summary.companyId);
        say(t('cli.serve.demoLoaded', { customers: summary.customers, documents: summary.documents }));
      }
      // A company nobody can sign into gets an administrator; the password is shown only now.
      const admins = await ensureAdministrators(
        { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'system' },
        { email: process.env['ENCOURS_ADMIN_EMAIL'], password: process.env['ENCOURS_ADMIN_PASSWORD'] },
      );
      for (const admin of admins) {
        const who = { code: admin.companyId, email: admin.email };
        say(
          admin.generatedPassword
            ? t('cli.serve.adminCreated', { ...who, password: admin.generatedPassword })
            : t('cli.serve.adminFromEnv', who),
        );
      }
      await refreshPlannerStatistics(runtime.handle.db);
      // The server lays out no PDF on its event loop: even a one-page document holds it for a
      // noticeable moment (BENCHMARKS.md), so every one goes to the document port's workers.
      pdfThreads.fromWeight = 0;
      const app = await buildServer(runtime);
      const port = Number(options.port ?? process.env['PORT'] ?? 3000);
      const host = options.host ?? process.env['HOST'] ?? '127.0.0.1';
      await app.listen({ port, host });
      const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
      say(t('cli.serve.listening', { url, location: runtime.handle.location }));
      // Sends the outbox every few seconds and right after a commit that enqueued mail.
      const mail = startOutboxDispatcher(runtime, mailSettings.smtp);
      if (!mailSettings.smtp) say(t('mail.cli.noSmtp'));
      // Runs queued, interrupted and scheduled jobs in this process (separate `jobs worker` processes on a server).
      const jobs = startJobWorker(runtime);
      const stop = async () => {
        await app.close();
        await jobs.stop();
        await mail.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description(help('cliHelp.migrate.description'))
    .action(async (_options, command: Command) => {
      const applied = await withRuntime(command, async (runtime) => runtime.appliedMigrations);
      if (globalOptions(command).json) printJson({ applied });
      else
        process.stdout.write(
          applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n',
        );
    });
}
