/**
 * The manifest of the planted situations: what a student (or a test) should find in the demo data
 * and where, with the figures that prove it.
 */
import { addMonths, endOfMonth } from '../core/calendar.ts';
import type { Customer, LedgerDocument, Order } from '../core/types.ts';
import type { SettlementResult } from './booking.ts';
import { overdueMinor, simpleDsoDays } from './demo-metrics.ts';
import { DEMO_AS_OF, type DemoDataset, type DemoSituation, type InvoiceDraft } from './demo-types.ts';
import { euros, frenchDate } from './french-format.ts';
import type { LedgerReplay } from './ledger-replay.ts';
import { type PlantedCustomers, RECEIVERSHIP_JUDGMENT_DATE } from './planting.ts';

export interface ManifestInput {
  seed: number;
  customers: readonly Customer[];
  documents: readonly LedgerDocument[];
  orders: readonly Order[];
  replay: LedgerReplay;
  planted: PlantedCustomers;
  disputedInvoice: InvoiceDraft;
  bouncedInvoice: InvoiceDraft;
  settlement: SettlementResult;
  noLimitCodes: readonly string[];
}

const AS_OF_FR = frenchDate(DEMO_AS_OF);

function customerOf(input: ManifestInput, code: string): Customer {
  const customer = input.customers.find((candidate) => candidate.code === code);
  if (!customer) throw new Error(`planted customer ${code} is missing`);
  return customer;
}

function exposureSituations(input: ManifestInput): DemoSituation[] {
  const { planted, replay } = input;
  const overLimit = customerOf(input, planted.overLimit);
  const pendingOrders = input.orders.filter(
    (order) => order.customerCode === overLimit.code && order.status === 'pending',
  );
  const pendingMinor = pendingOrders.reduce((sum, order) => sum + order.amountMinor, 0);
  const situations: DemoSituation[] = [
    {
      kind: 'over_limit_with_pending_orders',
      customerCode: overLimit.code,
      note: `${overLimit.name}\u00a0: encours de ${euros(replay.balanceAt(overLimit.code, DEMO_AS_OF))} au ${AS_OF_FR} pour un plafond de ${euros(overLimit.creditLimitMinor ?? 0)} (fixé sur les volumes 2025, les achats ont plus que doublé depuis janvier)\u00a0; ${pendingOrders.length} commandes en attente pour ${euros(pendingMinor)}.`,
    },
  ];
  for (const code of input.noLimitCodes.slice(0, 3)) {
    const balanceMinor = replay.balanceAt(code, DEMO_AS_OF);
    if (balanceMinor <= 0) continue;
    const customer = customerOf(input, code);
    situations.push({
      kind: 'no_credit_limit_with_exposure',
      customerCode: code,
      note: `${customer.name} n’a aucun plafond de crédit mais un encours de ${euros(balanceMinor)} au ${AS_OF_FR}.`,
    });
  }
  return situations;
}

function incidentSituations(input: ManifestInput): DemoSituation[] {
  const { planted, replay, disputedInvoice, bouncedInvoice } = input;
  const receivership = customerOf(input, planted.receivership);
  const bounce = input.settlement.bounces.find((candidate) =>
    candidate.invoiceRefs.includes(bouncedInvoice.ref),
  );
  const chronic = customerOf(input, planted.chronicLate);
  return [
    {
      kind: 'receivership',
      customerCode: receivership.code,
      note: `${receivership.name}\u00a0: redressement judiciaire ouvert le ${frenchDate(RECEIVERSHIP_JUDGMENT_DATE)} par le Tribunal de commerce de ${planted.receivershipCourtCity}\u00a0; ${euros(replay.balanceAt(receivership.code, DEMO_AS_OF))} restent dus (créance à déclarer au mandataire).`,
    },
    {
      kind: 'dispute',
      customerCode: planted.dispute,
      documentRef: disputedInvoice.ref,
      note: `Facture ${disputedInvoice.ref} de ${euros(disputedInvoice.amountMinor)} contestée (marchandise endommagée et non conforme)\u00a0: le client bloque le paiement en attendant un avoir.`,
    },
    {
      kind: 'bounced_payment',
      customerCode: planted.bounced,
      documentRef: bouncedInvoice.ref,
      note: `Chèque ${bounce?.paymentRef ?? ''} du ${frenchDate(bounce?.paymentDate ?? DEMO_AS_OF)} réglant ${bouncedInvoice.ref} revenu impayé (${bounce?.bounceRef ?? ''} du ${frenchDate(bounce?.bounceDate ?? DEMO_AS_OF)})\u00a0: le lettrage a été annulé, la facture est de nouveau due.`,
    },
    {
      kind: 'chronic_late_never_reminded',
      customerCode: chronic.code,
      note: `${chronic.name} paie régulièrement avec 40 à 60 jours de retard et doit ${euros(overdueMinor(replay, [chronic.code], DEMO_AS_OF, 90))} échus depuis plus de 90 jours, sans avoir jamais reçu de relance (client «\u00a0suivi par le commercial\u00a0»).`,
    },
  ];
}

function trendSituations(input: ManifestInput): DemoSituation[] {
  const { planted, replay, customers, documents } = input;
  const driver = customerOf(input, planted.salespersonDriver);
  const salesperson = driver.salesperson ?? '';
  const portfolio = customers
    .filter((customer) => customer.salesperson === salesperson)
    .map((customer) => customer.code);
  const monthEnds = [-6, -5, -4, -3, -2, -1, 0].map((offset) => endOfMonth(addMonths(DEMO_AS_OF, offset)));
  const amounts = monthEnds.map((date) => overdueMinor(replay, portfolio, date));
  const series = monthEnds.map((date, index) => `${frenchDate(date)} ${euros(amounts[index] ?? 0)}`);
  const growsEveryMonth = amounts.every((amount, index) => index === 0 || amount > (amounts[index - 1] ?? 0));
  const allCodes = customers.map((customer) => customer.code);
  const yearBefore = endOfMonth(addMonths(DEMO_AS_OF, -12));
  const dsoBefore = simpleDsoDays(documents, replay, allCodes, yearBefore);
  const dsoNow = simpleDsoDays(documents, replay, allCodes, DEMO_AS_OF);
  const growth = allCodes
    .map((code) => ({
      code,
      growthMinor: replay.balanceAt(code, DEMO_AS_OF) - replay.balanceAt(code, yearBefore),
    }))
    .sort((a, b) => b.growthMinor - a.growthMinor)[0];
  return [
    {
      kind: 'salesperson_overdue_growing',
      customerCode: driver.code,
      note: `Les retards de paiement du portefeuille de ${salesperson} augmentent ${growsEveryMonth ? 'chaque mois' : 'sur les six derniers mois'}\u00a0: ${series.join('\u00a0; ')}. Premier contributeur\u00a0: ${driver.name}, qui ne règle plus rien depuis novembre 2025 mais continue d’être livré.`,
    },
    {
      kind: 'dso_drift',
      customerCode: growth?.code ?? '',
      note: `DSO du portefeuille (méthode simple sur 3 mois)\u00a0: ${dsoBefore.toFixed(1).replace('.', ',')} jours au ${frenchDate(yearBefore)}, ${dsoNow.toFixed(1).replace('.', ',')} jours au ${AS_OF_FR}\u00a0: les délais de paiement dérivent sur une large part des clients depuis mi-2025. Client dont l’encours a le plus augmenté sur 12 mois\u00a0: ${growth ? customerOf(input, growth.code).name : '—'} (${growth?.code ?? ''}).`,
    },
  ];
}

function informativeSituations(input: ManifestInput): DemoSituation[] {
  const unapplied = input.settlement.unappliedPayments.map(
    (payment): DemoSituation => ({
      kind: 'unapplied_cash',
      customerCode: payment.customerCode,
      documentRef: payment.paymentRef,
      note: `Virement de ${euros(payment.amountMinor)} reçu le ${frenchDate(payment.issueDate)} sans référence\u00a0: non lettré, la facture qu’il règle apparaît encore comme due.`,
    }),
  );
  const groups = input.customers
    .filter((customer) => input.customers.some((member) => member.groupCode === customer.code))
    .map(
      (head): DemoSituation => ({
        kind: 'customer_group',
        customerCode: head.code,
        note: `${head.name}\u00a0: tête de groupe de ${input.customers.filter((member) => member.groupCode === head.code).length} établissements clients (encours à consolider).`,
      }),
    );
  return [...unapplied, ...groups];
}

export function buildManifest(input: ManifestInput): DemoDataset['manifest'] {
  return {
    asOf: DEMO_AS_OF,
    seed: input.seed,
    situations: [
      ...exposureSituations(input),
      ...incidentSituations(input),
      ...trendSituations(input),
      ...informativeSituations(input),
    ],
  };
}
