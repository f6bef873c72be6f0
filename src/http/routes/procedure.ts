/**
 * The policy replay over HTTP: start it (a `procedure.replay` job: 202, then follow it) and read a
 * replay with its typed comparison once done. The credit department runs it; the director reads it.
 */
import { Type } from '@fastify/type-provider-typebox';
import { DomainError } from '#app/errors';
import { getJob, type JobView, startJob } from '#app/jobs/jobs';
import { checkReplayInput } from '#app/procedure/replay';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { readerLang } from '../reader-lang.ts';
import { ReplayJobSchema, ReplayRequestSchema, type ReplayResultView } from '../schemas/procedure-replay.ts';

const RUNNERS: readonly Role[] = ['admin', 'credit_manager'];
const READERS: readonly Role[] = ['admin', 'credit_manager', 'director'];

function replayJob(job: JobView) {
  if (job.kind !== 'procedure.replay')
    throw new DomainError('not_found', { key: 'errors.http.noReplay', params: { id: String(job.id) } });
  const result = job.status === 'succeeded' ? (job.result as ReplayResultView) : null;
  return { job, result };
}

export function registerProcedureRoutes(app: ApiServer): void {
  app.post(
    '/api/procedure/replays',
    {
      config: { access: RUNNERS },
      schema: {
        description:
          'Replays the history day by day through a proposed policy beside the one in force, as a job (read it at /api/procedure/replays/{id}). Never writes to the ledger.',
        body: ReplayRequestSchema,
        response: { 202: ReplayJobSchema, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const { policy, version, from, to } = request.body;
      const payload = { proposal: policy, version, from, to };
      const ctx = await app.contextOf(request);
      // A bad policy (400, its problems listed) or an unknown version (404) is refused before any job.
      await checkReplayInput(ctx, payload);
      const job = await startJob(ctx, { kind: 'procedure.replay', payload });
      return reply.status(202).send(replayJob(job));
    },
  );

  app.get(
    '/api/procedure/replays/:id',
    {
      config: { access: READERS },
      schema: {
        description: 'A replay job, its progress and, once it succeeded, the comparison.',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: ReplayJobSchema, 404: Problem },
      },
    },
    async (request) =>
      replayJob(await getJob(await app.contextOf(request), request.params.id, readerLang(request))),
  );
}
