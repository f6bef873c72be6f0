/**
 * Dunning policies over HTTP (read, check, save a new version), the half-year rates of the
 * late-payment interest their steps claim, and the company's dunning settings. Registered by dunning.ts.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { getPolicies, type PolicyDraft, savePolicyVersion, validatePolicyDraft } from '#app/dunning/policies';
import { listRateGaps } from '#app/dunning/rate-gaps';
import { getDunningSettings, listRates, setRate, updateDunningSettings } from '#app/dunning/settings';
import { RATE_MODES } from '#core/dunning/late-interest';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { ADMINS, CREDIT_DEPARTMENT } from '../auth-roles.ts';
import { Currency, IsoDate, Nullable, StringEnum } from '../schemas/common.ts';

// The auditor reads too; writes drop it (auth-roles.ts effectiveAccess).
const READERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'director', 'auditor'];

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

const Step = Type.Object({
  code: Type.String(),
  kind: Type.Union([
    Type.Literal('courtesy'),
    Type.Literal('reminder'),
    Type.Literal('formal_notice'),
    Type.Literal('handover'),
  ]),
  offsetDays: Type.Integer(),
  channel: Type.Union([
    Type.Literal('email'),
    Type.Literal('letter'),
    Type.Literal('registered_letter'),
    Type.Literal('call_task'),
    Type.Literal('sms'),
  ]),
  templateCode: Type.String(),
  minimumAmountMinor: Type.Integer({ minimum: 0 }),
  claimInterest: Type.Boolean(),
  claimIndemnity: Type.Boolean(),
  minimumLateProbabilityBp: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 10_000,
      description:
        'a step before the due date only: invoices whose predicted probability of being paid late is below this (basis points, 5000 = 50 %) get no pre-due reminder; absent or 0: every invoice',
    }),
  ),
});
const Scope = Type.Object({
  kind: Type.Union([
    Type.Literal('default'),
    Type.Literal('customer_type'),
    Type.Literal('risk_class'),
    Type.Literal('customer'),
  ]),
  customerType: Type.Optional(Type.String()),
  riskClass: Type.Optional(Type.String()),
  customerCode: Type.Optional(Type.String()),
});
const PolicyDraftSchema = Type.Object({
  code: Type.String(),
  effectiveFrom: IsoDate,
  scope: Scope,
  currency: Currency,
  steps: Type.Array(Step),
  formalNoticeLeadDays: Type.Integer(),
  minimumDaysBetweenSteps: Type.Integer(),
  promiseGraceDays: Type.Integer(),
  stepDates: Type.Optional(
    Type.Union([Type.Literal('as_is'), Type.Literal('next_business_day')], {
      description:
        'a step date on a weekend or French public holiday: kept (default) or moved to the next business day',
    }),
  ),
  accountFloor: Type.Optional(
    Type.Boolean({
      description:
        'once the customer has a formal notice on an open invoice (or gets one that day), its other invoices due for an amicable step join the notice; absent: on',
    }),
  ),
  catchUpByAge: Type.Optional(
    Type.Boolean({
      description:
        'an invoice never reminded starts at the last written amicable step its lateness reached, never the notice; absent: on',
    }),
  ),
});
const Policy = Type.Object({ ...PolicyDraftSchema.properties, version: Type.Integer() });
const PolicyProblem = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  policyCode: Type.String(),
  version: NullableInt,
  stepCode: NullableString,
});

const Rate = Type.Object({
  semester: Type.String({ description: 'YYYYH1 or YYYYH2' }),
  ecbRateBps: Type.Integer(),
  legalInterestRateBps: NullableInt,
  source: Type.String(),
});

const PolicySet = Type.Object({
  asOf: IsoDate,
  builtIn: Type.Boolean(),
  versions: Type.Array(Policy),
  inForce: Type.Array(Policy),
});
const SavedPolicy = Type.Object({ policy: Policy, problems: Type.Array(PolicyProblem) });
/** The core's policies have readonly steps and a scope union; the wire shape is the same data. */
type PolicySetDto = Static<typeof PolicySet>;
type SavedPolicyDto = Static<typeof SavedPolicy>;

const settingsFields = {
  vatNumber: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  iban: Nullable(Type.String()),
  bic: Nullable(Type.String()),
  signatoryName: Nullable(Type.String()),
  signatoryTitle: Nullable(Type.String()),
  rateMode: StringEnum(RATE_MODES),
  reviewBeforeSending: Type.Boolean({
    description: 'the daily run stores a proposal to approve instead of sending',
  }),
};
const Settings = Type.Object({
  ...settingsFields,
  rateMode: Type.String({ description: RATE_MODES.join(', ') }),
  timeZone: Type.String(),
});
const SettingsChange = Type.Partial(Type.Object(settingsFields, { additionalProperties: false }));

function registerSettingsRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/settings',
    {
      config: { access: READERS },
      schema: {
        description:
          'The company’s dunning settings: letter details, interest variant, review before sending.',
        response: { 200: Settings },
      },
    },
    async (request) => getDunningSettings(await app.contextOf(request)),
  );
  app.patch(
    '/api/dunning/settings',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Changes the settings given (audited with before and after).',
        body: SettingsChange,
        response: { 200: Settings, 400: Problem },
      },
    },
    async (request) => updateDunningSettings(await app.contextOf(request), request.body),
  );
}

export function registerDunningPolicyRoutes(app: ApiServer): void {
  registerSettingsRoutes(app);
  app.get(
    '/api/dunning/policies',
    {
      config: { access: READERS },
      schema: {
        description: 'Every version of the dunning policies and those in force at the date.',
        querystring: Type.Object({ asOf: Type.Optional(IsoDate) }),
        response: { 200: PolicySet },
      },
    },
    async (request) => (await getPolicies(await app.contextOf(request), request.query)) as PolicySetDto,
  );
  app.post(
    '/api/dunning/policies/validate',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Checks a draft policy against the saved ones (codes of problems, errors and warnings).',
        body: PolicyDraftSchema,
        response: { 200: Type.Object({ problems: Type.Array(PolicyProblem) }) },
      },
    },
    async (request) => ({
      problems: await validatePolicyDraft(
        await app.contextOf(request),
        request.body as unknown as PolicyDraft,
      ),
    }),
  );
  app.post(
    '/api/dunning/policies',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Saves a draft as the next version of its policy (the history is kept); refused when it has errors.',
        body: PolicyDraftSchema,
        response: { 200: SavedPolicy, 400: Problem },
      },
    },
    async (request) =>
      (await savePolicyVersion(
        await app.contextOf(request),
        request.body as unknown as PolicyDraft,
      )) as SavedPolicyDto,
  );
  app.get(
    '/api/dunning/rates',
    {
      config: { access: READERS },
      schema: {
        description: 'The half-year rate table (ECB rate and legal interest rate).',
        response: { 200: Type.Array(Rate) },
      },
    },
    async (request) => listRates(await app.contextOf(request)),
  );
  app.get(
    '/api/dunning/rates/gaps',
    {
      config: { access: READERS },
      schema: {
        description:
          'What the half-year rate table lacks today: the half-years from its first row to the current one with no row, and the rows without a legal interest rate.',
        response: {
          200: Type.Object({
            through: Type.String({ description: 'the current half-year, e.g. 2026H2' }),
            missingEcb: Type.Array(Type.String(), { description: 'half-years with no rate at all' }),
            missingLegal: Type.Array(Type.String(), {
              description: 'half-years without the legal interest rate',
            }),
          }),
        },
      },
    },
    async (request) => listRateGaps(await app.contextOf(request)),
  );
  app.put(
    '/api/dunning/rates/:semester',
    {
      config: { access: ADMINS },
      schema: {
        description: 'Enters or corrects the rates of a half-year.',
        params: Type.Object({ semester: Type.String() }),
        body: Type.Object({
          ecbRateBps: Type.Integer(),
          // One schema of two types, not a union: with type coercion on, a null tried against the
          // integer first became 0 (a legal rate of 0 % flooring contractual rates at nothing), and a
          // 0 tried against null first would become null.
          legalInterestRateBps: Nullable(Type.Integer()),
          source: Type.String(),
        }),
        response: { 200: Type.Array(Rate), 400: Problem },
      },
    },
    async (request) =>
      setRate(await app.contextOf(request), { semester: request.params.semester, ...request.body }),
  );
}
