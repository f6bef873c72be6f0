/**
 * Legal watch: `POST /api/watch/bodacc` takes the BODACC records API's JSON as fetched and
 * records what concerns the portfolio (events, statuses, claim tasks, alerts); `GET
 * /api/legal/claims` lists the claim-declaration tasks with their deadlines and amounts.
 */
import { Type } from '@fastify/type-provider-typebox';
import { listClaims } from '#app/legal/claims';
import { watchBodacc } from '#app/legal/watch-bodacc';
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
