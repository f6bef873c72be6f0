/**
 * Jobs and their schedules: staff follow them; the credit department starts, cancels and
 * schedules the kinds its role may start (each kind names its roles, checked by the use case).
 * A failed job's error is in the reader's language (`?lang=`, else Accept-Language).
 */
import { Type } from '@fastify/type-provider-typebox';
import { cancelJob, getJob, listJobs, startableKinds, startJob } from '#app/jobs/jobs';
import { addSchedule, changeSchedule, listSchedules, removeSchedule } from '#app/jobs/schedules';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { readerLang } from '../reader-lang.ts';
import {
  JobKindsSchema,
  JobPageSchema,
  JobSchema,
  JobStatusSchema,
  ScheduleSchema,
} from '../schemas/jobs.ts';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Payload = Type.Optional(
  Type.Record(Type.String(), Type.Unknown(), { description: 'the kind’s parameters' }),
);

export function registerJobRoutes(app: ApiServer): void {
  app.get(
    '/api/jobs',
    {
      config: { access: STAFF },
      schema: {
        description: 'The company’s jobs, newest first, with their progress.',
        querystring: Type.Object({
          status: Type.Optional(JobStatusSchema),
          kind: Type.Optional(Type.String()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: JobPageSchema, 400: Problem },
      },
    },
    async (request) =>
      listJobs(await app.contextOf(request), { ...request.query, lang: readerLang(request) }),
  );

  app.get(
    '/api/jobs/kinds',
    {
      config: { access: STAFF },
      schema: {
        description: 'The job kinds the signed-in role may start.',
        response: { 200: JobKindsSchema },
      },
    },
    async (request) => ({ kinds: startableKinds(await app.contextOf(request)) }),
  );

  app.get(
    '/api/jobs/:id',
    {
      config: { access: STAFF },
      schema: { params: IdParams, response: { 200: JobSchema, 404: Problem } },
    },
    async (request) => getJob(await app.contextOf(request), request.params.id, readerLang(request)),
  );

  app.post(
    '/api/jobs',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Starts a job. One at a time per company and kind: while one is queued or running, 409 names it (`jobId`).',
        body: Type.Object({ kind: Type.String(), payload: Payload }),
        response: { 202: JobSchema, 400: Problem, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await startJob(await app.contextOf(request), request.body)),
  );

  app.post(
    '/api/jobs/:id/cancel',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Cancels a job: at once when queued, at its next step when running.',
        params: IdParams,
        response: { 200: JobSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) => cancelJob(await app.contextOf(request), request.params.id),
  );

  registerScheduleRoutes(app);
}

function registerScheduleRoutes(app: ApiServer): void {
  const ScheduleBody = {
    cron: Type.String({ minLength: 1, maxLength: 200, description: 'minute hour day month weekday' }),
    timeZone: Type.Optional(Type.String({ description: 'IANA zone, default Europe/Paris' })),
    payload: Payload,
    enabled: Type.Optional(Type.Boolean()),
  };
  app.get(
    '/api/jobs/schedules',
    { config: { access: STAFF }, schema: { response: { 200: Type.Array(ScheduleSchema) } } },
    async (request) => listSchedules(await app.contextOf(request)),
  );
  app.post(
    '/api/jobs/schedules',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        body: Type.Object({ kind: Type.String(), ...ScheduleBody }),
        response: { 201: ScheduleSchema, 400: Problem, 403: Problem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addSchedule(await app.contextOf(request), request.body)),
  );
  app.patch(
    '/api/jobs/schedules/:id',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        params: IdParams,
        body: Type.Partial(Type.Object(ScheduleBody)),
        response: { 200: ScheduleSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => changeSchedule(await app.contextOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/jobs/schedules/:id',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: { params: IdParams, response: { 204: Type.Null(), 404: Problem } },
    },
    async (request, reply) => {
      await removeSchedule(await app.contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
