/** The outsourcing cost simulation over HTTP (also the web app's types). */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Currency, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

const Bp = Type.Integer({ minimum: 0, description: 'basis points' });
const Amount = Type.Integer({ minimum: 0, description: 'minor units' });

const Assumptions = Type.Object({
  financingRateBp: Bp,
  inHouse: Type.Object({
    staffCostMinor: Amount,
    staffFteHundredths: Type.Integer({ minimum: 0 }),
    toolsMinor: Amount,
  }),
  insurance: Type.Object({
    premiumRateBp: Bp,
    insuredSalesShareBp: Bp,
    feePerBuyerMinor: Amount,
    coverRateBp: Bp,
    waitingMonths: Type.Integer({ minimum: 0 }),
    staffSavingBp: Bp,
  }),
  factoring: Type.Object({
    commissionBp: Bp,
    assignedShareBp: Bp,
    advanceRateBp: Bp,
    reserveRateBp: Bp,
    factorFinancingRateBp: Bp,
    withRecourse: Type.Boolean(),
    feesMinor: Amount,
    staffSavingBp: Bp,
  }),
  agency: Type.Object({
    handOverDays: Type.Integer({ minimum: 0 }),
    amicableCommissionBp: Bp,
    judicialCommissionBp: Bp,
    judicialShareBp: Bp,
    feePerFileMinor: Amount,
    recoveryRateBp: Bp,
    inHouseRecoveryRateBp: Bp,
    staffSavingBp: Bp,
  }),
});

export const OutsourcingRequestSchema = Type.Object({
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  assumptions: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'any subset of the assumptions (see the answer)',
    }),
  ),
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
});

export const OutsourcingSimulationSchema = Type.Object({
  figures: Type.Object({
    from: IsoDate,
    to: IsoDate,
    periodDays: Type.Integer(),
    currency: Currency,
    salesMinor: Minor,
    buyers: Type.Integer(),
    averageReceivablesMinor: Minor,
    badDebtsMinor: Minor,
    handOverMinor: Minor,
    handOverFiles: Type.Integer(),
  }),
  assumptions: Assumptions,
  financingRateSource: StringEnum(['company', 'default', 'given'] as const, {
    description:
      'where assumptions.financingRateBp comes from: company (the company’s financing rate), default (none set yet), given',
  }),
  options: Type.Array(
    Type.Object({
      option: Type.String({ description: 'in_house, insurance, factoring, agency, insurance_agency' }),
      lines: Type.Array(
        Type.Object({
          code: Type.String(),
          amountMinor: Minor,
          baseMinor: Nullable(Minor),
          rateBp: Nullable(Type.Integer()),
        }),
      ),
      totalMinor: Minor,
      versusInHouseMinor: Minor,
    }),
  ),
});
export type OutsourcingSimulation = Static<typeof OutsourcingSimulationSchema>;
