/**
 * The provision for doubtful debts at a date, and its movements over a period (from the day
 * after `from` to `asOf`): every open debit, its rate by age or by case (collective procedure,
 * dispute), on its amount net of the VAT it carries. Rates are the company's (provision_settings)
 * or the defaults of core/legal/provision. The cases are known as the rest of Encours knows them
 * at the date: a procedure as the payment predictions and the claims do (BODACC, else the
 * customer's status dated by its story or its record), reaching only the invoices issued by its
 * judgment's date (`provisionCases`), a dispute as the dunning state does (records, else the
 * story). Totals are per currency; the single-figure totals of earlier versions stay, in the
 * company's currency only.
 */

import type { Kysely, Transaction } from 'kysely';
import { addDays, isValidIsoDate } from '#core/calendar';
import {
  DEFAULT_PROVISION_RATES,
  invoiceVatRateBps,
  type ProvisionLine,
  type ProvisionMovement,
  type ProvisionRates,
  provisionCases,
  provisionLine,
  provisionMovements,
  validateProvisionRates,
} from '#core/legal/provision';
import {
  movementTotals,
  type ProvisionBasis,
  type ProvisionMovementTotal,
  type ProvisionTotal,
  provisionTotals,
} from '#core/legal/provision-totals';
import type { Database } from '#db/infra/schema';
import {
  selectProvisionItems,
  selectProvisionRates,
  selectWrittenOff,
  upsertProvisionRates,
} from '#db/legal/provision-queries';
import { inReportSnapshot } from '#db/reports/report-session';
import { wordedDate, wordedList } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { proceedingsAt } from '../forecast/prediction-batches.ts';
import { companyCurrency } from '../forecast/predictions.ts';

/** A line of the provision with what its reader needs beside the figures: whose debt. */
export interface ProvisionReportLine extends ProvisionLine {
  customerName: string;
}

export interface ProvisionReport {
  asOf: string;
  from: string | null;
  rates: ProvisionRates;
  /** The company's currency: the one of `totalMinor`, `byBasis` and the movements' single figures. */
  currency: string;
  /** The lines in the company's currency only (every currency's in `totals`). */
  totalMinor: number;
  byBasis: Record<ProvisionBasis, number>;
  /** One per currency of the lines, in code order: amounts in two currencies never add up. */
  totals: ProvisionTotal[];
  lines: ProvisionReportLine[];
  movements:
    | (Omit<ProvisionMovementTotal, 'currency'> & {
        items: ProvisionMovement[];
        /** One per currency of the items, in code order. */
        totals: ProvisionMovementTotal[];
      })
    | null;
}

export async function provisionRates(
  ctx: AppContext,
  db: Kysely<Database> = ctx.db,
): Promise<ProvisionRates> {
  const stored = (await selectProvisionRates(db, ctx.companyId)) as Partial<ProvisionRates> | null;
  return { ...DEFAULT_PROVISION_RATES, ...(stored ?? {}) };
}

/** A problem of `validateProvisionRates` (`byAge[1].rateBps`, `byCase.dispute`…) as the field it names. */
function provisionProblem(problem: string): { field: string; band: number } {
  const band = /^byAge\[(\d+)\]\.(\w+)$/.exec(problem);
  if (band) return { field: band[2] === 'rateBps' ? 'ageRate' : 'ageDays', band: Number(band[1]) + 1 };
  return { field: problem.replace(/^byCase\./, ''), band: 0 };
}

export async function setProvisionRates(ctx: AppContext, rates: ProvisionRates): Promise<ProvisionRates> {
  const problems = validateProvisionRates(rates);
  if (problems.length > 0)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.legal.provisionRates',
        params: { problems: wordedList('errors.legal.provisionRate', problems.map(provisionProblem)) },
      },
      { problems },
    );
  await ctx.db.transaction().execute(async (trx) => {
    const before = await provisionRates(ctx, trx);
    await upsertProvisionRates(trx, ctx.companyId, ctx.actor, rates, ctx.clock.now());
    await recordAudit(ctx, trx, {
      action: 'provision.rates',
      entity: 'provision_settings',
      entityKey: ctx.companyId,
      before,
      after: rates,
    });
  });
  return rates;
}

async function linesAt(
  trx: Transaction<Database>,
  companyId: string,
  asOf: string,
  rates: ProvisionRates,
): Promise<ProvisionReportLine[]> {
  const items = await selectProvisionItems(trx, companyId, asOf);
  const proceedings = await proceedingsAt(trx, companyId, asOf);
  return items
    .map((item) => {
      const line = provisionLine(
        {
          documentId: item.documentId,
          customerCode: item.customerCode,
          ref: item.ref,
          issueDate: item.issueDate,
          dueDate: item.dueDate,
          openMinor: item.openMinor,
          currency: item.currency,
          ...provisionCases(item, proceedings.get(item.customerCode)),
          vatRateBps: invoiceVatRateBps(item.customerCountry, rates.vatRateBps),
        },
        asOf,
        rates,
      );
      return { ...line, customerName: item.customerName };
    })
    .filter((line) => line.provisionMinor > 0);
}

export async function getProvision(
  ctx: AppContext,
  input: { asOf?: string | undefined; from?: string | undefined } = {},
): Promise<ProvisionReport> {
  const asOf = input.asOf ?? (await defaultAsOf(ctx));
  for (const date of [asOf, input.from])
    if (date !== undefined && !isValidIsoDate(date))
      throw new DomainError('invalid_input', { key: 'errors.legal.notADate', params: { value: date } });
  if (input.from !== undefined && input.from > asOf)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.periodReversed',
      params: { from: wordedDate(input.from), to: wordedDate(asOf) },
    });
  const from = input.from;
  // One snapshot: the opening, the closing and the write-offs between them read the same ledger.
  const read = await inReportSnapshot(ctx.db, async (trx) => {
    const rates = await provisionRates(ctx, trx);
    return {
      rates,
      lines: await linesAt(trx, ctx.companyId, asOf, rates),
      // The period runs from the day after `from`: the opening provision is the one at `from`.
      opening: from === undefined ? null : await linesAt(trx, ctx.companyId, from, rates),
      writtenOff:
        from === undefined ? null : await selectWrittenOff(trx, ctx.companyId, addDays(from, 1), asOf),
    };
  });
  const { rates, lines } = read;
  const currency = await companyCurrency(ctx);
  const totals = provisionTotals(lines);
  const own = totals.find((total) => total.currency === currency);
  return {
    asOf,
    from: input.from ?? null,
    rates,
    currency,
    totalMinor: own?.totalMinor ?? 0,
    byBasis: own?.byBasis ?? { age: 0, collective_procedure: 0, dispute: 0 },
    totals,
    lines,
    movements:
      read.opening && read.writtenOff
        ? movementsOf(provisionMovements(read.opening, lines, read.writtenOff), currency)
        : null,
  };
}

/** The movements per currency, and those of the company's currency as the single figures. */
function movementsOf(items: ProvisionMovement[], currency: string): ProvisionReport['movements'] {
  const totals = movementTotals(items);
  const own = totals.find((total) => total.currency === currency);
  return {
    openingMinor: own?.openingMinor ?? 0,
    allowanceMinor: own?.allowanceMinor ?? 0,
    reversalMinor: own?.reversalMinor ?? 0,
    usedMinor: own?.usedMinor ?? 0,
    closingMinor: own?.closingMinor ?? 0,
    items,
    totals,
  };
}
