/**
 * What every use case receives: the database, the clock, a logger, the company (tenant) it
 * works for and who is acting. Nothing in src/app reads the environment or the real clock.
 */
import type { Kysely } from 'kysely';
import type { IsoDate, Role } from '#core/types';
import type { Database } from '#db/infra/schema';
import type { JobsPort } from './jobs/jobs.ts';
import type { MailPort } from './mail/mail-port.ts';

export interface Clock {
  now(): Date;
  /** Today's business date in the company's time zone. */
  today(): IsoDate;
}

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface AppContext {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  companyId: string;
  /** User e-mail, 'cli' or 'system'; recorded in the audit log. */
  actor: string;
  /** The signed-in user (HTTP): use cases narrow what a salesperson sees with it. */
  user?: SignedInUser | undefined;
  /**
   * Outgoing mail (transactional outbox). Every context of the runtime has it; contexts built by
   * hand may leave it out, and `mailOf(ctx)` then stores without waking a dispatcher.
   */
  mail?: MailPort | undefined;
  /** Long work handed to a job (`jobsOf(ctx)` in src/app/jobs/jobs.ts when left out by hand). */
  jobs?: JobsPort | undefined;
}

export interface SignedInUser {
  email: string;
  name: string;
  role: Role;
  /** For a salesperson, the customers.salesperson value of their customers. */
  salesperson: string | null;
}

export function systemClock(timeZone = 'Europe/Paris'): Clock {
  const formatter = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    now: () => new Date(),
    today: () => formatter.format(new Date()),
  };
}

export function fixedClock(today: IsoDate): Clock {
  return { now: () => new Date(`${today}T12:00:00Z`), today: () => today };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function stderrLogger(): Logger {
  const write = (level: string) => (message: string, data?: Record<string, unknown>) => {
    process.stderr.write(`${level} ${message}${data ? ` ${JSON.stringify(data)}` : ''}\n`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
