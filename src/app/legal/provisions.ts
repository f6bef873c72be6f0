/**
 * The provision for doubtful debts at a date, and its movements over a period (from the day
 * after `from` to `asOf`): every open debit, its rate by age or by case (collective procedure,
 * dispute), on its amount net of the VAT it carries. Rates are the company's (provision_settings)
 * or the defaults of core/legal/provision. The cases are known as the rest of Encours knows them
 * at the date: a procedure as the payment predictions do (BODACC, else the customer's status dated
 * by its story or its record), a dispute as the dunning state does (records, else the story).
 */

import type { Kysely, Transaction } from 'kysely';
import { addDays, isValidIsoDate } from '#core/calendar';
import {
  DEFAULT_PROVISION_RATES,
  invoiceVatRateBps,
  type ProvisionCase,
  type ProvisionLine,
  type ProvisionMovement,
  type ProvisionRates,
  provisionLine,
  provisionMovements,
  validateProvisionRates,
} from '#core/legal/provision';
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
import { proceedingsAt } from '../forecast/predictions.ts';

/** A line of the provision with what its reader needs beside the figures: whose debt, in what currency. */
export interface ProvisionReportLine extends ProvisionLine {
  customerName: string;
  currency: string;
}

export interface ProvisionReport {
  asOf: string;
  from: string | null;
  rates: ProvisionRates;
  totalMinor: number;
  byBasis: Record<'age' | ProvisionCase, number>;
  lines: ProvisionReportLine[];
  movements: {
    openingMinor: number;
    allowanceMinor: number;
    reversalMinor: number;
    usedMinor: number;
    closingMinor: number;
    items: ProvisionMovement[];
  } | null;
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
      const cases: ProvisionCase[] = [];
      if (proceedings.has(item.customerCode)) cases.push('collective_procedure');
      if (item.disputed) cases.push('dispute');
      const line = provisionLine(
        {
          documentId: item.documentId,
          customerCode: item.customerCode,
          ref: item.ref,
          dueDate: item.dueDate,
          openMinor: item.openMinor,
          cases,
          vatRateBps: invoiceVatRateBps(item.customerCountry, rates.vatRateBps),
        },
        asOf,
        rates,
      );
      return { ...line, customerName: item.customerName, currency: item.currency };
    })
    .filter((line) => line.provisionMinor > 0);
}

const sumOf = <T>(rows: readonly T[], pick: (row: T) => number) =>
  rows.reduce((total, row) => total + pick(row), 0);

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
  const byBasis = { age: 0, collective_procedure: 0, dispute: 0 };
  for (const line of lines) byBasis[line.basis] += line.provisionMinor;
  let movements: ProvisionReport['movements'] = null;
  if (read.opening && read.writtenOff) {
    const items = provisionMovements(read.opening, lines, read.writtenOff);
    movements = {
      openingMinor: sumOf(items, (m) => m.openingMinor),
      allowanceMinor: sumOf(items, (m) => m.allowanceMinor),
      reversalMinor: sumOf(items, (m) => m.reversalMinor),
      usedMinor: sumOf(items, (m) => m.usedMinor),
      closingMinor: sumOf(items, (m) => m.closingMinor),
      items,
    };
  }
  return {
    asOf,
    from: input.from ?? null,
    rates,
    totalMinor: sumOf(lines, (l) => l.provisionMinor),
    byBasis,
    lines,
    movements,
  };
}
