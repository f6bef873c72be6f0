/**
 * The customers' timelines: dunning history, disputes behind credit notes, bounced cheques,
 * unapplied transfers, credit-limit changes, and the stories of the planted situations.
 */
import { addDays, addMonths, daysBetween, nextBusinessDay as nextWorkingDay } from '../core/calendar.ts';
import type { Customer, CustomerEvent, IsoDate } from '../core/types.ts';
import type { SettlementResult } from './booking.ts';
import type { CreditNoteDraft } from './credit-notes.ts';
import { type CustomerProfile, DEMO_AS_OF, type InvoiceDraft } from './demo-types.ts';
import { CREDIT_MANAGER_NAME } from './demo-users.ts';
import { dunningEvents } from './dunning-history.ts';
import { deNoun, PRODUCT_FAMILIES, SURNAMES } from './french-data.ts';
import { euros, frenchDate } from './french-format.ts';
import type { LedgerReplay } from './ledger-replay.ts';
import { nextBusinessDay } from './payment-behaviour.ts';
import { type PlantedCustomers, RECEIVERSHIP_JUDGMENT_DATE } from './planting.ts';
import { createRng, type Rng } from './random.ts';

export interface EventsInput {
  customers: readonly Customer[];
  profiles: ReadonlyMap<string, CustomerProfile>;
  replay: LedgerReplay;
  planted: PlantedCustomers;
  creditNotes: readonly CreditNoteDraft[];
  settlement: SettlementResult;
  disputedInvoice: InvoiceDraft;
  limitEvents: readonly CustomerEvent[];
  seed: number;
}

function event(
  customerCode: string,
  kind: CustomerEvent['kind'],
  eventDate: IsoDate,
  documentRef: string | null,
  detail: string,
): CustomerEvent {
  return { customerCode, kind, eventDate, documentRef, detail };
}

/** Damaged goods and returns start with a complaint, before the credit note settles them. */
function creditNoteDisputes(
  creditNotes: readonly CreditNoteDraft[],
  replay: LedgerReplay,
  rng: Rng,
): CustomerEvent[] {
  const events: CustomerEvent[] = [];
  for (const creditNote of creditNotes) {
    if (
      creditNote.reason !== 'Marchandise endommagée à la livraison' &&
      creditNote.reason !== 'Retour de marchandise'
    )
      continue;
    const invoice = replay.document(creditNote.invoiceRef);
    if (!invoice) continue;
    const complaintDate = addDays(
      invoice.issueDate,
      Math.min(rng.int(1, 6), Math.max(0, daysBetween(invoice.issueDate, creditNote.issueDate) - 1)),
    );
    const detail =
      creditNote.reason === 'Retour de marchandise'
        ? `Le client retourne une partie de la livraison (${rng.pick(PRODUCT_FAMILIES)}) — avoir à établir`
        : `Réclamation\u00a0: colis ${deNoun(rng.pick(PRODUCT_FAMILIES))} endommagés à la livraison (réserves sur le bon du transporteur)`;
    events.push(event(creditNote.customerCode, 'dispute', complaintDate, creditNote.invoiceRef, detail));
  }
  return events;
}

function bounceEvents(settlement: SettlementResult): CustomerEvent[] {
  return settlement.bounces.map((bounce) => {
    const replaced = bounce.regularised
      ? ' Le client a été informé et a promis un virement de remplacement.'
      : '';
    const reopened = bounce.invoiceRefs.length > 1 ? 'de nouveau ouvertes' : 'de nouveau ouverte';
    const detail = `Chèque de ${euros(bounce.amountMinor)} (paiement ${bounce.paymentRef} du ${frenchDate(bounce.paymentDate)}) retourné impayé par la banque, motif\u00a0: provision insuffisante — écriture ${bounce.bounceRef}\u00a0; ${bounce.invoiceRefs.join(', ')} ${reopened}.${replaced}`;
    return event(bounce.customerCode, 'note', bounce.bounceDate, bounce.invoiceRefs[0] ?? null, detail);
  });
}

function unappliedCashEvents(settlement: SettlementResult): CustomerEvent[] {
  return settlement.unappliedPayments
    .map((payment) => {
      const noteDate = nextBusinessDay(addDays(payment.issueDate, 2));
      const detail = `Virement de ${euros(payment.amountMinor)} reçu le ${frenchDate(payment.issueDate)} sans référence de facture (${payment.paymentRef})\u00a0: non lettré, à identifier avec le client`;
      return event(payment.customerCode, 'note', noteDate, payment.paymentRef, detail);
    })
    .filter((note) => note.eventDate <= DEMO_AS_OF);
}

function receivershipEvents(planted: PlantedCustomers, replay: LedgerReplay, rng: Rng): CustomerEvent[] {
  const code = planted.receivership;
  const publicationDate = nextBusinessDay(addDays(RECEIVERSHIP_JUDGMENT_DATE, 2));
  const claimMinor = replay.balanceAt(code, RECEIVERSHIP_JUDGMENT_DATE);
  const administrator = `Me ${rng.pick(SURNAMES)}`;
  // Two months from the publication (Code de commerce, R. 622-24): still running on the demo's date,
  // so the claim waits to be declared, as the claims page shows.
  // (French public holidays count: 14 July moves it to the 15th.)
  const claimDeadline = nextWorkingDay(addMonths(publicationDate, 2));
  return [
    event(
      code,
      'insolvency',
      publicationDate,
      null,
      `Jugement d’ouverture de redressement judiciaire du ${frenchDate(RECEIVERSHIP_JUDGMENT_DATE)}, Tribunal de commerce de ${planted.receivershipCourtCity} (publication BODACC du ${frenchDate(publicationDate)}). Mandataire judiciaire\u00a0: ${administrator}. Déclaration des créances dans les deux mois de la publication.`,
    ),
    event(
      code,
      'note',
      nextBusinessDay(addDays(publicationDate, 5)),
      null,
      `Avis BODACC reçu\u00a0: créance de ${euros(claimMinor)} à déclarer à ${administrator} avant le ${frenchDate(claimDeadline)} (factures antérieures au jugement). Relances suspendues, livraisons au comptant uniquement.`,
    ),
  ];
}

function plantedStoryEvents(input: EventsInput, rng: Rng): CustomerEvent[] {
  const { planted, disputedInvoice, profiles } = input;
  const disputeDate = nextBusinessDay(addDays(disputedInvoice.issueDate, rng.int(3, 8)));
  const driverSalesperson = profiles.get(planted.salespersonDriver)?.salesperson ?? '';
  const chronicSalesperson = profiles.get(planted.chronicLate)?.salesperson ?? '';
  const overLimitSalesperson = profiles.get(planted.overLimit)?.salesperson ?? '';
  return [
    event(
      planted.dispute,
      'dispute',
      disputeDate,
      disputedInvoice.ref,
      `Courrier de réclamation du client\u00a0: sur la livraison facturée ${disputedInvoice.ref}, 12 cartons ${deNoun(rng.pick(PRODUCT_FAMILIES))} arrivés endommagés (palette écrasée) et une référence non conforme à la commande. Le client refuse de régler la facture tant qu’un avoir n’a pas été émis.`,
    ),
    event(
      planted.dispute,
      'note',
      nextBusinessDay(addDays(disputeDate, 10)),
      disputedInvoice.ref,
      'Litige transmis au service qualité et au transporteur\u00a0; en attente de leur retour avant d’établir un avoir.',
    ),
    event(
      planted.chronicLate,
      'note',
      '2024-02-12',
      null,
      `Client historique suivi directement par ${chronicSalesperson}\u00a0: ne pas relancer sans son accord.`,
    ),
    event(
      planted.salespersonDriver,
      'note',
      '2026-03-16',
      null,
      `${driverSalesperson} signale un «\u00a0retard passager de trésorerie\u00a0» du client et demande de maintenir les livraisons.`,
    ),
    event(
      planted.overLimit,
      'note',
      '2026-06-24',
      null,
      `${overLimitSalesperson} demande la validation des commandes en attente malgré le dépassement du plafond\u00a0; demande d’augmentation de plafond à l’étude par ${CREDIT_MANAGER_NAME}.`,
    ),
  ];
}

function compareEvents(a: CustomerEvent, b: CustomerEvent): number {
  if (a.eventDate !== b.eventDate) return a.eventDate < b.eventDate ? -1 : 1;
  if (a.customerCode !== b.customerCode) return a.customerCode < b.customerCode ? -1 : 1;
  return 0;
}

export function generateEvents(input: EventsInput): CustomerEvent[] {
  const rng = createRng(input.seed, 'events');
  const events: CustomerEvent[] = [];
  for (const customer of input.customers) {
    const profile = input.profiles.get(customer.code);
    if (!profile) continue;
    // Creditors may not chase a debtor once the insolvency proceedings are opened.
    const stopDate = customer.code === input.planted.receivership ? RECEIVERSHIP_JUDGMENT_DATE : null;
    events.push(
      ...dunningEvents(
        customer,
        profile,
        input.replay,
        createRng(input.seed, 'dunning', customer.code),
        stopDate,
      ),
    );
  }
  events.push(
    ...creditNoteDisputes(input.creditNotes, input.replay, rng),
    ...bounceEvents(input.settlement),
    ...unappliedCashEvents(input.settlement),
    ...receivershipEvents(input.planted, input.replay, rng),
    ...plantedStoryEvents(input, rng),
    ...input.limitEvents,
  );
  return events.filter((item) => item.eventDate <= DEMO_AS_OF).sort(compareEvents);
}
