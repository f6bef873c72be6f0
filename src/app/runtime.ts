/** Opens the database, applies migrations, and builds use-case contexts for a company. */
import { type DatabaseConfig, type DatabaseHandle, DataDirBusyError, openDatabase } from '#db/infra/connect';
import { migrate } from '#db/infra/migrate';
import { connectionReason } from '#text/connection-words';
import { listCompanies } from './companies/companies.ts';
import { type AppContext, type Clock, type Logger, silentLogger, systemClock } from './context.ts';
import { DomainError } from './errors.ts';
import { jobsPort } from './jobs/jobs.ts';
import { createMailPort, MailSignal } from './mail/mail-port.ts';

export interface Runtime {
  handle: DatabaseHandle;
  /** Migrations applied when this runtime opened the database. */
  appliedMigrations: string[];
  clock: Clock;
  log: Logger;
  /** Nudged when a message is enqueued; the mail dispatcher of `encours serve` listens. */
  mailSignal: MailSignal;
  /** Context for a company; without a code, the only company, or the demo company CB2C. */
  contextFor(companyId: string | undefined, actor: string): Promise<AppContext>;
  close(): Promise<void>;
}

export async function openRuntime(
  config: DatabaseConfig,
  options: { clock?: Clock; log?: Logger; mailFrom?: string | undefined } = {},
): Promise<Runtime> {
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirBusyError)
      throw new DomainError('database_unavailable', {
        key: 'errors.runtime.dataDirBusy',
        params: { dataDir: error.dataDir, pid: error.pid },
      });
    // « connect ECONNREFUSED 127.0.0.1:1 » in the reader's words; a message of another kind as it is.
    const raw = (error as Error).message;
    throw new DomainError('database_unavailable', {
      key: 'errors.runtime.database',
      params: { reason: (lang) => connectionReason(lang, raw) ?? raw },
    });
  }
  const appliedMigrations = await migrate(handle.pool);
  const clock = options.clock ?? systemClock();
  const log = options.log ?? silentLogger;
  const mailSignal = new MailSignal();
  const mail = (companyId: string, actor: string) =>
    createMailPort({ companyId, actor, clock, from: options.mailFrom, signal: mailSignal });
  return {
    handle,
    appliedMigrations,
    clock,
    log,
    mailSignal,
    async contextFor(companyId, actor) {
      const base = { db: handle.db, clock, log, actor };
      if (companyId)
        return {
          ...base,
          companyId,
          mail: mail(companyId, actor),
          jobs: jobsPort(handle.db, companyId, actor),
        };
      const companies = await listCompanies(base);
      const chosen =
        companies.length === 1 ? companies[0] : companies.find((company) => company.companyId === 'CB2C');
      if (!chosen) {
        throw new DomainError(
          'invalid_input',
          companies.length === 0
            ? { key: 'errors.runtime.noCompany' }
            : {
                key: 'errors.runtime.severalCompanies',
                params: { companies: companies.map((c) => c.companyId).join(', ') },
              },
        );
      }
      return {
        ...base,
        companyId: chosen.companyId,
        mail: mail(chosen.companyId, actor),
        jobs: jobsPort(handle.db, chosen.companyId, actor),
      };
    },
    close: () => handle.close(),
  };
}
