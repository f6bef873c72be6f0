/**
 * Legal watch: `POST /api/watch/bodacc` takes the BODACC records API's JSON as fetched and
 * records what concerns the portfolio (events, statuses, claim tasks, alerts); `/api/legal/claims`
 * lists the claims to declare (customers in proceedings) with their deadlines and amounts, prepares
 * one and records it as declared. The staff reads; the credit department prepares and declares.
 */
import { Type } from '@fastify/type-provider-typebox';
import { defaultAsOf } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { declareClaim, prepareClaim } from '#app/legal/claim-declaration';
import { CLAIM_DECLARERS, CLAIM_LETTER_READERS, CLAIM_READERS } from '#app/legal/claim-rights';
import { listClaims } from '#app/legal/claims';
import { watchBodacc } from '#app/legal/watch-bodacc';
import { scheduleBodaccWatch } from '#app/legal/watch-bodacc-schedule';
import type { Role } from '#core/types';
import { toLang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT, effectiveAccess } from '../auth-roles.ts';
import { StringEnum } from '../schemas/common.ts';
import { ClaimListSchema, ClaimSchema, DeclareClaimBody, PrepareClaimBody } from '../schemas/legal-claims.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
const Lang = Type.Optional(StringEnum(['fr', 'en'] as const));
const Procedure = Type.Union([
  Type.Literal('safeguard'),
  Type.Literal('receivership'),
  Type.Literal('liquidation'),
]);

const BodaccRecords = Type.Object(
  {
    records: Type.Array(
      Type.Object({ fields: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: true }),
      {
        description: 'records of the dataset annonces-commerciales; jugement, depot… may be JSON in strings',
      },
    ),
  },
  { additionalProperties: true, description: 'the OpenDataSoft v1 records API answer, as fetched' },
);

const Claim = Type.Object({
  currency: Type.String(),
  principalMinor: Type.Integer(),
  interestMinor: Type.Integer(),
  indemnityMinor: Type.Integer({ description: '40 € per invoice late on the judgment’s day' }),
  totalMinor: Type.Integer({ description: 'principal + interest + indemnities' }),
  secured: Type.Boolean(),
  interestStatus: Type.String(),
});

const WatchResult = Type.Object({
  announcements: Type.Integer({ description: 'records read' }),
  matched: Type.Integer({ description: 'announcement × customer pairs on the portfolio’s SIRENs' }),
  events: Type.Array(
    Type.Object({
      customerCode: Type.String(),
      announcementId: Type.String(),
      procedure: Nullable(Procedure),
      judgmentKind: Type.String(),
      judgmentDate: Nullable(IsoDate),
      publicationDate: IsoDate,
      court: Nullable(Type.String()),
      claimDeadline: Nullable(IsoDate),
      claim: Nullable(Claim),
    }),
    { description: 'new collective-procedure announcements only: re-reading the same records adds nothing' },
  ),
  alerts: Type.Array(
    Type.Object({
      customerCode: Type.String(),
      announcementId: Type.String(),
      kind: Type.Literal('deregistration'),
      publicationDate: IsoDate,
    }),
  ),
});

export function registerLegalRoutes(app: ApiServer): void {
  app.post(
    '/api/watch/bodacc',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Matches BODACC announcements to the portfolio: procedure events, statuses, claim tasks, alerts.',
        querystring: Type.Object({ secured: Type.Optional(Type.Boolean({ default: false })) }),
        body: BodaccRecords,
        response: { 200: WatchResult, 400: Problem },
      },
    },
    async (request) =>
      watchBodacc(await app.contextOf(request), { records: request.body, secured: request.query.secured }),
  );

  app.post(
    '/api/watch/bodacc/schedule',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Schedules the live BODACC watch (job legal.watch_bodacc, daily 06:30 by default), or changes its time and settings.',
        body: Type.Object({
          cron: Type.Optional(Type.String({ maxLength: 100 })),
          baseUrl: Type.Optional(
            Type.String({ maxLength: 300, description: 'the records API (OpenDataSoft v1)' }),
          ),
          timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000 })),
          retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
          lookbackDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          secured: Type.Optional(Type.Boolean()),
        }),
        response: {
          200: Type.Object({
            id: Type.Integer(),
            kind: Type.String(),
            cron: Type.String(),
            timeZone: Type.String(),
            payload: Type.Unknown(),
            enabled: Type.Boolean(),
            lastFiredAt: Nullable(Type.String()),
            nextFireAt: Nullable(Type.String()),
            createdBy: Type.String(),
          }),
          400: Problem,
        },
      },
    },
    async (request) => {
      const { cron, ...payload } = request.body;
      return scheduleBodaccWatch(await app.contextOf(request), { cron, payload });
    },
  );

  registerClaimRoutes(app);
}

/** Whether the reader may call a route of `access` (the auditor never writes): the page disables the rest. */
function mayUse(ctx: AppContext, method: 'GET' | 'POST', access: readonly Role[]): boolean {
  const role = ctx.user?.role;
  return role === undefined || effectiveAccess(method, '', access).includes(role as Role);
}

function registerClaimRoutes(app: ApiServer): void {
  app.get(
    '/api/legal/claims',
    {
      config: { access: CLAIM_READERS },
      schema: {
        description:
          'Claims to declare to the mandataire judiciaire, nearest deadline first: those recorded, and one for each customer in proceedings (BODACC, else its status dated by its story) without one.',
        querystring: Type.Object({
          customer: Type.Optional(Type.String()),
          asOf: Type.Optional(IsoDate),
          lang: Lang,
        }),
        response: { 200: ClaimListSchema },
      },
    },
    async (request) => {
      const ctx = await app.contextOf(request);
      const asOf = request.query.asOf ?? (await defaultAsOf(ctx));
      const items = await listClaims(ctx, request.query.customer, toLang(request.query.lang), asOf);
      return {
        asOf,
        items,
        mayDeclare: mayUse(ctx, 'POST', CLAIM_DECLARERS),
        mayPrintLetter: mayUse(ctx, 'GET', CLAIM_LETTER_READERS),
      };
    },
  );
  app.post(
    '/api/legal/claims',
    {
      config: { access: CLAIM_DECLARERS },
      schema: {
        description:
          'Prepares (records) the claim of a customer in proceedings: judgment date (the story’s by default), BODACC publication if known, mandataire. Preparing it again returns the same claim.',
        querystring: Type.Object({ lang: Lang }),
        body: PrepareClaimBody,
        response: { 200: ClaimSchema, 400: Problem },
      },
    },
    async (request) => prepareClaim(await app.contextOf(request), request.body),
  );
  app.post(
    '/api/legal/claims/:claimId/declaration',
    {
      config: { access: CLAIM_DECLARERS },
      schema: {
        description:
          'Records the claim as declared to the mandataire (the day sent, the reference date by default).',
        params: Type.Object({ claimId: Type.Integer({ minimum: 1 }) }),
        body: DeclareClaimBody,
        response: { 200: ClaimSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      declareClaim(await app.contextOf(request), { claimId: request.params.claimId, ...request.body }),
  );
}
