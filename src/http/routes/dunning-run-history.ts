/**
 * The history of dunning runs over HTTP: the runs carried out, newest first, a page at a time.
 * One run's actions are the log's (`GET /api/dunning/actions?runId=`), its print batch and
 * registered letters its delivery's (dunning-delivery.ts). Registered by dunning.ts.
 */
import { Type } from '@fastify/type-provider-typebox';
import { listDunningRunHistory, MAX_RUN_PAGE } from '#app/dunning/run-history';
import { type ApiServer, Problem } from '../api-types.ts';
import { STAFF } from '../auth-roles.ts';
import { RunHistoryPageSchema } from '../schemas/dunning-run-history.ts';

export function registerDunningRunHistoryRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/runs',
    {
      config: { access: STAFF },
      schema: {
        description:
          'The dunning runs carried out, newest first: date, who, what each sent by channel, the tasks ' +
          'it raised, the amount claimed per currency and its print batch.',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RUN_PAGE, default: 20 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: RunHistoryPageSchema, 400: Problem },
      },
    },
    async (request) => listDunningRunHistory(await app.contextOf(request), request.query),
  );
}
