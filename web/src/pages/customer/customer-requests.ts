/**
 * What the customer file reads from the API, as paths. Its parts ask for them when they mount,
 * the gauge's file first and the cards below only once it has answered; a first load of the page
 * asks for them all at once instead (`prefetchCustomerFile`, from main.tsx), while the page's code
 * is still on its way, so that no part waits for another's answer. The parts build their paths
 * here too (`customerPaths`), so what is asked ahead is what they read.
 */
import type { Me } from '../../api.ts';
import { prefetch } from '../../api.ts';
import { canReadAudit } from '../../auth.tsx';
import type { Lang } from '../../i18n.tsx';

/** The log's actions of a customer looked at: enough for the story's latest lines. */
export const ACTIONS_READ = 200;

const at = (code: string) => encodeURIComponent(code);

export const customerPaths = {
  file: (code: string) => `/api/customers/${at(code)}`,
  audit: (code: string) => `/api/customers/${at(code)}/audit?limit=50`,
  actions: (code: string) => `/api/dunning/actions?customerCode=${at(code)}&limit=${ACTIONS_READ}`,
  behaviour: (code: string) => `/api/customers/${at(code)}/payment-behaviour?months=24`,
  directory: () => '/api/users/directory',
  predictions: (code: string, lang: Lang) => `/api/customers/${at(code)}/predictions?lang=${lang}`,
  risk: (code: string) => `/api/credit/customers/${at(code)}/risk`,
  limitHistory: (code: string) => `/api/credit/customers/${at(code)}/limit-history`,
};

/**
 * Asks for everything the file of `code` reads: the file itself first, the page showing nothing
 * before it (asked together, the cards' queries would take turns with the file's on the server's
 * one database connection, and the page would show later); the audit trail, which some roles may
 * not read, once the session says who is signed in.
 */
export function prefetchCustomerFile(code: string, lang: Lang, session: Promise<Me | null>): void {
  const c = customerPaths;
  void prefetch(c.file(code)).then(() => {
    for (const path of [
      c.actions(code),
      c.behaviour(code),
      c.directory(),
      c.predictions(code, lang),
      c.risk(code),
      c.limitHistory(code),
    ])
      void prefetch(path);
    void session.then((me) => canReadAudit(me) && prefetch(c.audit(code)));
  });
}
