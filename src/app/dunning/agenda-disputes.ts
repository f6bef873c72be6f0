/**
 * The disputes waiting on the collector's agenda: the open dispute records and the disputes known
 * only from the imported customer story (which the run leaves out just the same), seen as the
 * disputes list shows them, so an imported one carries the same reason and department there and here.
 */
import type { Kysely } from 'kysely';
import { selectDisputes } from '#db/dunning/case-queries';
import { selectImportedDisputes } from '#db/dunning/dispute-cases';
import type { Database } from '#db/infra/schema';
import { agendaDisputeName } from '#text/agenda-dispute';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { type DisputeView, importedView, recordView } from './dispute-list.ts';

export interface AgendaDispute {
  source: 'record' | 'imported';
  /** The dispute's number; null for an imported one, known by its event until resolved. */
  disputeId: number | null;
  caseId: number | null;
  eventId: number | null;
  documentRef: string;
  reason: string;
  department: string;
  amountMinor: number;
  currency: string;
  openedOn: string;
  respondBy: string | null;
}

export interface DisputesWaiting {
  disputes: AgendaDispute[];
  /** Complaints: a case of several invoices counts once, an imported dispute once per invoice. */
  complaints: number;
}

const agendaDispute = (d: DisputeView): AgendaDispute => ({
  source: d.source,
  disputeId: d.disputeId,
  caseId: d.caseId,
  eventId: d.eventId,
  documentRef: d.documentRef,
  reason: d.reason,
  department: d.department,
  amountMinor: d.amountMinor,
  currency: d.currency,
  openedOn: d.openedOn,
  respondBy: d.respondBy,
});

/** Per customer, its open disputes of both kinds, oldest first; `salesperson` narrows to one portfolio. */
export async function disputesWaitingByCustomer(
  db: Kysely<Database>,
  companyId: string,
  salesperson: string | undefined,
): Promise<Map<string, DisputesWaiting>> {
  const records = await selectDisputes(db, companyId, { status: 'open', salesperson });
  const imported = await selectImportedDisputes(db, companyId, { salesperson });
  const views = [...records.map(recordView), ...imported.map(importedView)].sort(
    (a, b) => a.openedOn.localeCompare(b.openedOn) || a.documentRef.localeCompare(b.documentRef),
  );
  const byCustomer = new Map<string, { disputes: AgendaDispute[]; keys: Set<string> }>();
  for (const view of views) {
    const own = byCustomer.get(view.customerCode) ?? { disputes: [], keys: new Set<string>() };
    own.disputes.push(agendaDispute(view));
    own.keys.add(view.caseId === null ? `E${view.eventId}` : `C${view.caseId}`);
    byCustomer.set(view.customerCode, own);
  }
  return new Map(
    [...byCustomer].map(([code, own]) => [code, { disputes: own.disputes, complaints: own.keys.size }]),
  );
}

/** « Litige importé F1 (Autre, Service client) », as the disputes list words its reason and department. */
export function agendaDisputeText(lang: Lang, d: AgendaDispute): string {
  const text = agendaDisputeName(translator(lang), (domain, code) => label(lang, domain, code), d);
  if (d.respondBy === null) return text;
  return `${text}, ${translator(lang)('agenda.disputeRespondBy', { date: formatDate(lang, d.respondBy) })}`;
}
