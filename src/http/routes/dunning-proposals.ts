/**
 * Dunning runs awaiting approval over HTTP: the proposals the daily job stores when the company
 * reviews before sending, one with the preview of what approving it sends, and the decisions
 * (approve for all or some of its customers, reject with a note). Registered by dunning.ts.
 */
import { Type } from '@fastify/type-provider-typebox';
import { approveRunProposal, rejectRunProposal } from '#app/dunning/proposal-decisions';
import { getRunProposal, listRunProposals } from '#app/dunning/run-proposals';
import type { Role } from '#core/types';
import { toLang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT } from '../auth-roles.ts';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from '../schemas/common.ts';
import { BatchFile, RunView } from './dunning-runs.ts';

// The auditor reads too; writes drop it (auth-roles.ts effectiveAccess).
const READERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'director', 'auditor'];
const STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;

const proposalFields = {
  proposalId: Type.Integer(),
  asOf: IsoDate,
  status: StringEnum(STATUSES),
  customers: Type.Integer({ description: 'customers with an action planned' }),
  actions: Type.Integer(),
  byChannel: Type.Array(Type.Object({ channel: Type.String(), actions: Type.Integer() })),
  bySteps: Type.Array(
    Type.Object({
      step: Type.String(),
      stepKind: Type.String(),
      level: Type.Integer(),
      channel: Type.String(),
      actions: Type.Integer(),
    }),
  ),
  totals: Type.Array(Type.Object({ currency: Currency, totalDueMinor: Minor }), {
    description: 'Σ of the actions’ total due per currency, as planned when the proposal was made',
  }),
  createdAt: Instant,
  createdBy: Type.String({
    description: 'the job that made it, with who started it: e.g. « system (job 12) »',
  }),
  decidedAt: Nullable(Instant),
  decidedBy: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  runId: Nullable(Type.Integer({ description: 'the run an approval carried out' })),
};
const Proposal = Type.Object(proposalFields);
const ProposalDetail = Type.Object({
  ...proposalFields,
  customerCodes: Type.Array(Type.String()),
  preview: Type.Union([RunView, Type.Null()], {
    description: 'while pending: what approving sends now (planned again as of its date); null once decided',
  }),
});
const RunSummary = Type.Object({
  asOf: IsoDate,
  runId: Type.Integer(),
  plannedActions: Type.Integer(),
  sentActions: Type.Integer(),
  letters: Type.Integer(),
  emails: Type.Integer(),
  skippedItems: Type.Integer(),
  tasksCreated: Type.Integer(),
  batchLetterId: Nullable(Type.Integer()),
  batchFiles: Type.Array(BatchFile),
});

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const decisionErrors = { 400: Problem, 404: Problem, 409: Problem };

export function registerDunningProposalRoutes(app: ApiServer): void {
  app.get(
    '/api/dunning/proposals',
    {
      config: { access: READERS },
      schema: {
        description: 'The dunning runs proposed for approval, newest first.',
        querystring: Type.Object({
          status: Type.Optional(StringEnum(STATUSES)),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Array(Proposal), 400: Problem },
      },
    },
    async (request) => listRunProposals(await app.contextOf(request), request.query),
  );
  app.get(
    '/api/dunning/proposals/:id',
    {
      config: { access: READERS },
      schema: {
        description: 'A proposal, its customers and, while pending, the preview of what approving sends.',
        params: IdParams,
        response: { 200: ProposalDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => getRunProposal(await app.contextOf(request), request.params.id),
  );
  app.post(
    '/api/dunning/proposals/:id/approve',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Carries the proposed run out for its date (all its customers, or those given); 409 once decided.',
        params: IdParams,
        body: Type.Object(
          {
            customerCodes: Type.Optional(
              Type.Array(Type.String(), { description: 'only these customers of the proposal' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ proposal: Proposal, run: RunSummary }), ...decisionErrors },
      },
    },
    async (request) =>
      approveRunProposal(await app.contextOf(request), {
        proposalId: request.params.id,
        customerCodes: request.body.customerCodes,
        lang: toLang(request.headers['accept-language']),
      }),
  );
  app.post(
    '/api/dunning/proposals/:id/reject',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Rejects the proposed run, with why; nothing is sent. 409 once decided.',
        params: IdParams,
        body: Type.Object(
          { note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Proposal, ...decisionErrors },
      },
    },
    async (request) =>
      rejectRunProposal(await app.contextOf(request), {
        proposalId: request.params.id,
        note: request.body.note,
        lang: toLang(request.headers['accept-language']),
      }),
  );
}
