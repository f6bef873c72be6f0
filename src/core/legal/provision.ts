/**
 * Provision for doubtful debts (provision pour créances douteuses): on each open invoice, a rate
 * of its amount net of VAT — the VAT is not lost, it is recovered when the debt proves
 * irrecoverable (CGI art. 272) — by the age past due, or by case when the case is worse: an
 * invoice a customer in a collective procedure owed at its opening judgment, an invoice in
 * dispute. Totals are per currency (provision-totals.ts). Only an invoice that carries VAT has
 * VAT taken off: one to a customer outside the French VAT territory (an export, an intra-EU supply
 * taxed by the buyer) is provisioned on its whole amount. Movements over a period follow the
 * French presentation: allowance (dotation), reversal (reprise), and the provision used when the
 * invoice is written off (reprise utilisée), so that opening + allowance − reversal − used = closing.
 */
import { daysBetween } from '../calendar.ts';
import { isPreJudgmentClaim, type Proceedings } from '../forecast/proceedings.ts';
import { netOfVat } from './write-off.ts';

export const PROVISION_CASES = ['collective_procedure', 'dispute'] as const;
export type ProvisionCase = (typeof PROVISION_CASES)[number];

export interface ProvisionRates {
  /** From the youngest band up; the rate of the last band whose threshold is reached applies. */
  byAge: { minDaysPastDue: number; rateBps: number }[];
  byCase: Record<ProvisionCase, number>;
  /** The VAT rate of the invoices that carry French VAT, to provision their amount net of it. */
  vatRateBps: number;
}

export const DEFAULT_PROVISION_RATES: ProvisionRates = {
  byAge: [
    { minDaysPastDue: 90, rateBps: 2_500 },
    { minDaysPastDue: 180, rateBps: 5_000 },
    { minDaysPastDue: 365, rateBps: 10_000 },
  ],
  byCase: { collective_procedure: 10_000, dispute: 5_000 },
  vatRateBps: 2_000,
};

export function validateProvisionRates(rates: ProvisionRates): string[] {
  const problems: string[] = [];
  const isRate = (value: number) => Number.isSafeInteger(value) && value >= 0 && value <= 10_000;
  rates.byAge.forEach((band, index) => {
    if (!isRate(band.rateBps)) problems.push(`byAge[${index}].rateBps`);
    const previous = rates.byAge[index - 1];
    if (
      !Number.isSafeInteger(band.minDaysPastDue) ||
      (previous && band.minDaysPastDue <= previous.minDaysPastDue)
    )
      problems.push(`byAge[${index}].minDaysPastDue`);
  });
  for (const kind of PROVISION_CASES) if (!isRate(rates.byCase[kind])) problems.push(`byCase.${kind}`);
  if (!isRate(rates.vatRateBps)) problems.push('vatRateBps');
  return problems;
}

/**
 * Countries invoiced with French VAT: France, and Monaco, which shares the French VAT territory
 * (Franco-Monegasque convention of 1963). The overseas departments have their own ISO codes, and a
 * sale to them is an export for French VAT.
 */
const FRENCH_VAT_COUNTRIES: ReadonlySet<string> = new Set(['FR', 'MC']);

/**
 * The VAT rate an invoice carries, from what the ledger knows of it: it stores amounts including
 * VAT and no VAT amount, so the customer's country decides — the company's rate in the French VAT
 * territory, none outside it (exports are exempt, and an intra-EU customer self-assesses the VAT).
 */
export function invoiceVatRateBps(customerCountry: string, companyRateBps: number): number {
  return FRENCH_VAT_COUNTRIES.has(customerCountry.trim().toUpperCase()) ? companyRateBps : 0;
}

export interface ProvisionItem {
  documentId: number;
  customerCode: string;
  ref: string;
  issueDate: string;
  dueDate: string;
  openMinor: number;
  currency: string;
  cases: ProvisionCase[];
  /**
   * Issued after its customer's opening judgment (`provisionCases`): a post-judgment claim, which
   * the procedure's rate does not reach; false for a customer in no procedure.
   */
  postJudgment: boolean;
  /** The VAT rate the invoice carries (`invoiceVatRateBps`): 0 when its amount holds no VAT. */
  vatRateBps: number;
}

export interface ProvisionLine extends ProvisionItem {
  daysPastDue: number;
  /** 'age' or the case whose rate applied. */
  basis: 'age' | ProvisionCase;
  rateBps: number;
  netMinor: number;
  provisionMinor: number;
}

/**
 * The cases of an open debit at the date. A customer's collective procedure (sauvegarde,
 * redressement, liquidation) is a case only for what it owed at the opening judgment: an invoice
 * for a supply made after it is a post-judgment claim (créance postérieure, C. com. L622-17,
 * L641-13) — not declared, paid at its due date and privileged — so the procedure is no reason to
 * provision it, and it follows the ordinary rule (age, dispute) as any customer's. Before or after
 * the judgment is decided as the claims to declare and the payment forecast decide it
 * (`isPreJudgmentClaim`: issued by the judgment's date; everything when that date is unknown).
 */
export function provisionCases(
  invoice: { issueDate: string; disputed: boolean },
  proceedings: Proceedings | undefined,
): Pick<ProvisionItem, 'cases' | 'postJudgment'> {
  const cases: ProvisionCase[] = [];
  const preJudgment = isPreJudgmentClaim(invoice, proceedings);
  if (preJudgment) cases.push('collective_procedure');
  if (invoice.disputed) cases.push('dispute');
  return { cases, postJudgment: proceedings !== undefined && !preJudgment };
}

/** Rate × amount net of VAT, rounded half up to the minor unit. */
function applyRate(netMinor: number, rateBps: number): number {
  return Number((2n * BigInt(netMinor) * BigInt(rateBps) + 10_000n) / 20_000n);
}

export function provisionLine(item: ProvisionItem, asOf: string, rates: ProvisionRates): ProvisionLine {
  const daysPastDue = Math.max(0, daysBetween(item.dueDate, asOf));
  let basis: ProvisionLine['basis'] = 'age';
  let rateBps = 0;
  for (const band of rates.byAge) if (daysPastDue >= band.minDaysPastDue) rateBps = band.rateBps;
  for (const kind of item.cases) {
    if (rates.byCase[kind] > rateBps) {
      rateBps = rates.byCase[kind];
      basis = kind;
    }
  }
  const netMinor = item.openMinor > 0 ? netOfVat(item.openMinor, item.vatRateBps) : 0;
  return { ...item, daysPastDue, basis, rateBps, netMinor, provisionMinor: applyRate(netMinor, rateBps) };
}

export interface ProvisionMovement {
  documentId: number;
  customerCode: string;
  ref: string;
  currency: string;
  openingMinor: number;
  allowanceMinor: number;
  reversalMinor: number;
  usedMinor: number;
  closingMinor: number;
}

/**
 * Per invoice: the provision at the start and at the end of the period, and what was written
 * off in it (amount as invoiced, so net of the VAT the invoice carries, as its provision is). What
 * was provisioned on the part written off is "used"; the rest of the change is an allowance or a
 * reversal.
 */
export function provisionMovements(
  opening: readonly ProvisionLine[],
  closing: readonly ProvisionLine[],
  writtenOffMinorByDocument: ReadonlyMap<number, number>,
): ProvisionMovement[] {
  const byDocument = new Map<number, ProvisionMovement>();
  const entry = (line: Pick<ProvisionLine, 'documentId' | 'customerCode' | 'ref' | 'currency'>) => {
    let movement = byDocument.get(line.documentId);
    if (!movement) {
      movement = {
        documentId: line.documentId,
        customerCode: line.customerCode,
        ref: line.ref,
        currency: line.currency,
        openingMinor: 0,
        allowanceMinor: 0,
        reversalMinor: 0,
        usedMinor: 0,
        closingMinor: 0,
      };
      byDocument.set(line.documentId, movement);
    }
    return movement;
  };
  // Only an invoice provisioned at the opening can use a provision: its own VAT rate nets what was written off.
  const openingVatRateBps = new Map<number, number>();
  for (const line of opening) {
    entry(line).openingMinor = line.provisionMinor;
    openingVatRateBps.set(line.documentId, line.vatRateBps);
  }
  for (const line of closing) entry(line).closingMinor = line.provisionMinor;
  for (const movement of byDocument.values()) {
    const writtenOffMinor = writtenOffMinorByDocument.get(movement.documentId) ?? 0;
    const vatRateBps = openingVatRateBps.get(movement.documentId) ?? 0;
    movement.usedMinor = Math.min(movement.openingMinor, netOfVat(writtenOffMinor, vatRateBps));
    const change = movement.closingMinor - (movement.openingMinor - movement.usedMinor);
    movement.allowanceMinor = Math.max(0, change);
    movement.reversalMinor = Math.max(0, -change);
  }
  return [...byDocument.values()]
    .filter((m) => m.openingMinor + m.closingMinor + m.usedMinor > 0)
    .sort((a, b) => a.customerCode.localeCompare(b.customerCode) || a.ref.localeCompare(b.ref));
}
