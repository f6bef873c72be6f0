/**
 * Legal watch: `POST /api/watch/bodacc` takes the BODACC records API's JSON as fetched and
 * records what concerns the portfolio (events, statuses, claim tasks, alerts); `GET
 * /api/legal/claims` lists the claim-declaration tasks with their deadlines and amounts.
 */
import { Type } from '@fastify/type-provider-typebox';
import { listClaims } from '#app/legal/claims';
import { watchBodacc } from '#app/legal/watch-bodacc';
import { scheduleBodaccWatch } from '#app/legal/watch-bodacc-schedule';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
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
  totalMinor: Type.Integer(),
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

const ClaimList = Type.Object({
  items: Type.Array(
    Type.Object({
      claimId: Type.Integer(),
      customerCode: Type.String(),
      announcementId: Type.String(),
      procedure: Type.String(),
      judgmentDate: IsoDate,
      publicationDate: IsoDate,
      deadline: IsoDate,
      status: Type.String(),
      currency: Type.String(),
      principalMinor: Type.Integer(),
      interestMinor: Type.Integer(),
      secured: Type.Boolean(),
      interestStatus: Type.String(),
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

  app.get(
    '/api/legal/claims',
    {
      config: { access: STAFF },
      schema: {
        description: 'Claim-declaration tasks, nearest deadline first.',
        querystring: Type.Object({ customer: Type.Optional(Type.String()) }),
        response: { 200: ClaimList },
      },
    },
    async (request) => ({ items: await listClaims(await app.contextOf(request), request.query.customer) }),
  );
}
