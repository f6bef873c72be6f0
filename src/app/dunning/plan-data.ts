/**
 * Everything a dunning plan is computed from, read in the caller's transaction and mapped to the
 * pure core's types: policies in force (a built-in default when the company saved none), the
 * half-year rates, the company's interest setting, the customers and their open invoices (their
 * levels raised by the reminders of the story imported from the company's previous system).
 */
import type { Kysely } from 'kysely';
import { applyImportedReminders } from '#core/dunning/imported-reminders';
import type { InterestRateClause, RateMode } from '#core/dunning/late-interest';
import { RATE_MODES } from '#core/dunning/late-interest';
import type { DunningCustomer, DunningInvoice, PlanSettings } from '#core/dunning/planner';
import { type DunningPolicy, type DunningStep, EXAMPLE_STEPS, type PolicyScope } from '#core/dunning/policy';
import { hasPostalAddress } from '#core/dunning/postal-lines';
import type { SemesterRateRow } from '#core/dunning/semesters';
import type { CurrencyCode, CustomerType, IsoDate } from '#core/types';
import { type PolicyRow, selectPolicies, selectRates, selectSettings } from '#db/dunning/config-queries';
import {
  type CustomerCodeRange,
  type DunningCustomerRow,
  type DunningInvoiceRow,
  type OpenCreditRow,
  selectDunningCustomers,
  selectDunningState,
} from '#db/dunning/dunning-state';
import { selectImportedReminders } from '#db/dunning/imported-reminders';
import type { Database } from '#db/infra/schema';
import { type AssignedInvoiceRow, selectAssignedInvoices } from '#db/legal/factoring-items';
import { type Lateness, lateProbabilities, loadLateness, withLateProbabilities } from './plan-lateness.ts';

/** The policy a company has until it saves its own: the example of issue 12 for every customer. */
export const DEFAULT_POLICY: DunningPolicy = {
  code: 'standard',
  version: 1,
  effectiveFrom: '1900-01-01',
  scope: { kind: 'default' },
  currency: 'EUR',
  steps: EXAMPLE_STEPS,
  formalNoticeLeadDays: 8,
  minimumDaysBetweenSteps: 0,
  promiseGraceDays: 2,
};

export const INSOLVENCY_STATUSES = new Set(['safeguard', 'receivership', 'liquidation']);

function scopeOf(row: PolicyRow): PolicyScope {
  const value = row.scopeValue ?? '';
  if (row.scopeKind === 'customer') return { kind: 'customer', customerCode: value };
  if (row.scopeKind === 'risk_class') return { kind: 'risk_class', riskClass: value };
  if (row.scopeKind === 'customer_type')
    return { kind: 'customer_type', customerType: value as CustomerType };
  return { kind: 'default' };
}

export function policyOf(row: PolicyRow): DunningPolicy {
  return {
    code: row.policyCode,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    scope: scopeOf(row),
    currency: row.currency,
    steps: row.steps as DunningStep[],
    formalNoticeLeadDays: row.formalNoticeLeadDays,
    minimumDaysBetweenSteps: row.minimumDaysBetweenSteps,
    promiseGraceDays: row.promiseGraceDays,
    stepDates: row.stepDates === 'next_business_day' ? 'next_business_day' : 'as_is',
    // Null (saved before migration 0077, or left unsaid): absent, read as on.
    ...(row.accountFloor === null ? {} : { accountFloor: row.accountFloor }),
    ...(row.catchUpByAge === null ? {} : { catchUpByAge: row.catchUpByAge }),
  };
}

export async function loadPolicies(db: Kysely<Database>, companyId: string): Promise<DunningPolicy[]> {
  const rows = await selectPolicies(db, companyId);
  return rows.length === 0 ? [DEFAULT_POLICY] : rows.map(policyOf);
}

export async function loadRates(db: Kysely<Database>): Promise<SemesterRateRow[]> {
  return (await selectRates(db)).map((row) => ({
    semester: row.semester,
    ecbMainRefinancingRateBps: row.ecbRateBps,
    legalInterestRateBps: row.legalInterestRateBps,
  }));
}

export function clauseOf(
  row: Pick<DunningCustomerRow, 'interestClause' | 'interestRateBps'>,
): InterestRateClause {
  if (row.interestClause === 'contractual_fixed')
    return { kind: 'contractual_fixed', annualRateBps: row.interestRateBps ?? 0 };
  if (row.interestClause === 'contractual_ecb_plus')
    return { kind: 'contractual_ecb_plus', marginBps: row.interestRateBps ?? 0 };
  return { kind: 'legal' };
}

/** The settings of a run, with where its pre-due steps' probabilities of lateness come from. */
export interface LoadedPlanSettings extends PlanSettings {
  /** null when no policy in force sets a minimum probability on a pre-due step. */
  lateness: Lateness | null;
}

export interface PlanData {
  settings: LoadedPlanSettings;
  customers: DunningCustomer[];
  invoices: DunningInvoice[];
  customerRows: Map<string, DunningCustomerRow>;
  /** By document id as a string (the planner's invoice id). */
  invoiceRows: Map<string, DunningInvoiceRow>;
  /** Invoices assigned to a factor at the date, by invoice id: the customer must pay the factor. */
  factors: Map<string, AssignedInvoiceRow>;
  /** Each customer's unallocated credits at the date, one by one (the planner gets their amounts). */
  creditRows: Map<string, OpenCreditRow[]>;
}

export interface PlanDataInput {
  asOf: IsoDate;
  /** Risk classes to use instead of the customers' latest scores (e.g. a what-if preview). */
  riskClasses?: Readonly<Record<string, string>> | undefined;
  customerCodes?: readonly string[] | undefined;
  /** The range of codes the customers lie in (a slice of a run): their open items read by index. */
  codeRange?: CustomerCodeRange | undefined;
}

export function invoiceOf(row: DunningInvoiceRow): DunningInvoice {
  return {
    id: String(row.documentId),
    customerCode: row.customerCode,
    dueDate: row.dueDate,
    openMinor: row.openMinor,
    currency: row.currency as CurrencyCode,
    level: row.level,
    lastStepDate: row.lastStepDate,
    formalNoticeDate: row.formalNoticeDate,
    ...(typeof row.undeliveredLevel === 'number' && typeof row.undeliveredDate === 'string'
      ? { undeliveredStep: { level: row.undeliveredLevel, date: row.undeliveredDate } }
      : {}),
    disputed: row.disputed,
    promise:
      row.promiseDate === null ? null : { date: row.promiseDate, amountMinor: row.promiseAmountMinor ?? 0 },
    pausedUntil: row.pausedUntil,
    handedOver: row.handedOver,
    interestBasis: { amountMinor: row.amountMinor, settlements: row.settlements },
  };
}

/** What every slice of a run shares: policies, half-year rates and the interest setting. */
export async function loadPlanSettings(
  db: Kysely<Database>,
  companyId: string,
  asOf: IsoDate,
): Promise<LoadedPlanSettings> {
  const [policies, rates, settingsRow] = [
    await loadPolicies(db, companyId),
    await loadRates(db),
    await selectSettings(db, companyId),
  ];
  const rateMode = (RATE_MODES as readonly string[]).includes(settingsRow?.rateMode ?? '')
    ? (settingsRow?.rateMode as RateMode)
    : 'split_by_semester';
  const lateness = await loadLateness(db, companyId, asOf, policies);
  return { asOf, policies, rates, rateMode, lateness };
}

/**
 * The customers' state a plan is computed from: their open invoices, their rows, their credits
 * and the factor assignments; every customer of the company with `customerCodes` undefined.
 */
export async function loadPlanCustomers(
  db: Kysely<Database>,
  companyId: string,
  settings: LoadedPlanSettings,
  input: Omit<PlanDataInput, 'asOf'>,
): Promise<PlanData> {
  const { asOf } = settings;
  const state = await selectDunningState(db, companyId, asOf, input.customerCodes, input.codeRange);
  const invoiceRows = state.invoices;
  const codes = [...new Set(invoiceRows.map((row) => row.customerCode))];
  // No open invoice, nothing to plan: the rest need not be read.
  const [credits, customerRows, assigned, reminders] =
    codes.length === 0
      ? [[], [], [], []]
      : [
          state.credits,
          await selectDunningCustomers(db, companyId, asOf, codes),
          await selectAssignedInvoices(
            db,
            companyId,
            asOf,
            invoiceRows.map((row) => row.documentId),
          ),
          await selectImportedReminders(db, companyId, asOf, codes),
        ];
  const factors = new Map(assigned.map((row) => [String(row.documentId), row]));
  const creditRows = new Map<string, OpenCreditRow[]>();
  for (const credit of credits) {
    const list = creditRows.get(credit.customerCode) ?? [];
    list.push(credit);
    creditRows.set(credit.customerCode, list);
  }
  const customers: DunningCustomer[] = customerRows.map((row) => ({
    customerCode: row.code,
    customerType: row.customerType as CustomerType,
    riskClass: input.riskClasses?.[row.code] ?? row.riskClass,
    inInsolvency: INSOLVENCY_STATUSES.has(row.status),
    pausedUntil: row.pausedUntil,
    interestClause: clauseOf(row),
    postalAddress: hasPostalAddress(row),
    openCredits: (creditRows.get(row.code) ?? []).map((credit) => ({
      currency: credit.currency as CurrencyCode,
      amountMinor: credit.amountMinor,
    })),
  }));
  // Only when some policy in force sets a minimum on a pre-due step: otherwise nothing is read.
  const probabilities = settings.lateness
    ? await lateProbabilities(
        db,
        companyId,
        settings.lateness,
        asOf,
        invoiceRows,
        new Map(customerRows.map((row) => [row.code, row.customerType])),
      )
    : new Map<number, number>();
  const invoices = withLateProbabilities(
    invoiceRows.map((row) =>
      factors.get(String(row.documentId))?.factorCollects
        ? { ...invoiceOf(row), factorCollects: true }
        : invoiceOf(row),
    ),
    probabilities,
  );
  // The reminders sent before Encours (imported story) count for the invoices' levels.
  const applied = applyImportedReminders(customers, invoices, reminders, settings);
  return {
    settings,
    customers,
    invoices: applied,
    customerRows: new Map(customerRows.map((row) => [row.code, row])),
    invoiceRows: withImportedNotices(invoiceRows, applied),
    factors,
    creditRows,
  };
}

/**
 * The rows by id, each with the formal notice its invoice had, imported story included: a letter
 * recalls an invoice under an earlier notice as due under it (separate-reasons.ts), whichever
 * system sent that notice.
 */
function withImportedNotices(
  rows: readonly DunningInvoiceRow[],
  invoices: readonly DunningInvoice[],
): Map<string, DunningInvoiceRow> {
  const notices = new Map(invoices.map((invoice) => [invoice.id, invoice.formalNoticeDate]));
  return new Map(
    rows.map((row) => {
      const id = String(row.documentId);
      const notice = notices.get(id) ?? null;
      return [id, notice === row.formalNoticeDate ? row : { ...row, formalNoticeDate: notice }];
    }),
  );
}

/** Everything at once, for every customer (or the chosen ones): see `planInSlices` for a whole run. */
export async function loadPlanData(
  db: Kysely<Database>,
  companyId: string,
  input: PlanDataInput,
): Promise<PlanData> {
  const settings = await loadPlanSettings(db, companyId, input.asOf);
  return loadPlanCustomers(db, companyId, settings, input);
}
