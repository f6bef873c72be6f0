/**
 * The collector's agenda over HTTP (split from dunning-follow-up.ts): the prioritised list for
 * the day, each entry with the reasons for its rank.
 */
import { Type } from '@fastify/type-provider-typebox';
import { getAgenda } from '#app/dunning/agenda';
import { toLang } from '#text/catalogue';
import type { ApiServer } from '../api-types.ts';
import { ALL_ROLES } from '../auth-roles.ts';
import { Currency, IsoDate, Minor } from '../schemas/common.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const LangQuery = Type.Optional(Type.String({ description: 'fr (default) or en' }));

const AgendaEntry = Type.Object({
  rank: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  salesperson: NullableString,
  scorePoints: Type.Integer(),
  overdueMinor: Minor,
  currency: Currency,
  factors: Type.Array(
    Type.Object({
      factor: Type.String(),
      input: Type.Union([Type.Number(), Type.String(), Type.Null()]),
      points: Type.Integer(),
    }),
  ),
  reasons: Type.Array(Type.String()),
  plannedActions: Type.Array(
    Type.Object({ step: Type.String(), stepKind: Type.String(), channel: Type.String() }),
  ),
  openTasks: Type.Array(Type.Object({ taskId: Type.Integer(), kind: Type.String(), dueDate: IsoDate })),
  openDisputes: Type.Array(
    Type.Object({ disputeId: Type.Integer(), documentRef: Type.String(), department: Type.String() }),
  ),
});

export function registerAgendaRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/agenda',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'The collector’s prioritised list for the day, each entry with the reasons for its rank.',
        querystring: Type.Object({ asOf: Type.Optional(IsoDate), lang: LangQuery }),
        response: { 200: Type.Object({ asOf: IsoDate, entries: Type.Array(AgendaEntry) }) },
      },
    },
    async (request) =>
      getAgenda(await app.contextOf(request), { asOf: request.query.asOf, lang: toLang(request.query.lang) }),
  );
}
