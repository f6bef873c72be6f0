/**
 * Write-offs: the collector or the credit department proposes, a user whose role the delegation
 * matrix allows for the amount approves (never the proposer: the use case checks both); the
 * provision for doubtful debts at a date, with its movements since `from`; the claim-declaration
 * letter of a claim task as PDF.
 */
import { Type } from '@fastify/type-provider-typebox';
import { renderClaimLetter } from '#app/legal/claim-letter';
import { CLAIM_LETTER_READERS } from '#app/legal/claim-rights';
import { getProvision } from '#app/legal/provisions';
import { withDecisionRights } from '#app/legal/write-off-rights';
import { vatNoteText } from '#app/legal/write-off-text';
import {
  decideWriteOff,
  getWriteOff,
  listWriteOffs,
  proposeWriteOff,
  type WriteOffView,
} from '#app/legal/write-offs';
import type { Role } from '#core/types';
import { type Lang, toLang } from '#text/catalogue';
import type { ApiServer } from '../api-types.ts';
import { effectiveAccess, STAFF } from '../auth-roles.ts';
import { sendDocument } from '../download.ts';
import { IsoDate, StringEnum } from '../schemas/common.ts';
import { Problem } from '../schemas/problem.ts';
import {
  ProvisionSchema,
  WriteOffDecisionBody,
  WriteOffListSchema,
  WriteOffProposalBody,
  WriteOffSchema,
} from '../schemas/write-offs.ts';

const WRITERS: readonly Role[] = ['admin', 'credit_manager', 'collector', 'director'];
const LangQuery = Type.Object({ lang: Type.Optional(StringEnum(['fr', 'en'] as const)) });
const Id = Type.Object({ proposalId: Type.Integer({ minimum: 1 }) });

const withNote = (lang: Lang) => (view: WriteOffView) => ({
  ...view,
  proposedAt: view.proposedAt.toISOString(),
  decidedAt: view.decidedAt?.toISOString() ?? null,
  vatNoteText: vatNoteText(lang, view),
});

export function registerWriteOffRoutes(app: ApiServer): void {
  app.get(
    '/api/write-offs',
    {
      config: { access: STAFF },
      schema: {
        description: 'Write-off proposals, newest first, with their VAT-recovery note.',
        querystring: Type.Object({
          ...LangQuery.properties,
          status: Type.Optional(StringEnum(['proposed', 'approved', 'rejected'] as const)),
          customer: Type.Optional(Type.String()),
        }),
        response: { 200: WriteOffListSchema },
      },
    },
    async (request) => {
      const ctx = await app.contextOf(request);
      const views = await listWriteOffs(ctx, {
        status: request.query.status,
        customerCode: request.query.customer,
      });
      const items = (await withDecisionRights(ctx, views)).map((view) => ({
        ...withNote(toLang(request.query.lang))(view),
        mayDecide: view.mayDecide,
        decisionRefusal: view.decisionRefusal,
      }));
      // The same roles as the proposal's route (the auditor never writes).
      const role = ctx.user?.role;
      const mayPropose = role === undefined || effectiveAccess('POST', '', WRITERS).includes(role);
      return { items, mayPropose };
    },
  );
  app.get(
    '/api/write-offs/:proposalId',
    {
      config: { access: STAFF },
      schema: {
        description: 'One write-off proposal.',
        params: Id,
        querystring: LangQuery,
        response: { 200: WriteOffSchema, 404: Problem },
      },
    },
    async (request) =>
      withNote(toLang(request.query.lang))(
        await getWriteOff(await app.contextOf(request), request.params.proposalId),
      ),
  );
  app.post(
    '/api/write-offs',
    {
      config: { access: WRITERS },
      schema: {
        description:
          'Proposes writing off invoices of a customer; the role required comes from the delegation matrix.',
        querystring: LangQuery,
        body: WriteOffProposalBody,
        response: { 200: WriteOffSchema, 400: Problem },
      },
    },
    async (request) =>
      withNote(toLang(request.query.lang))(await proposeWriteOff(await app.contextOf(request), request.body)),
  );
  app.post(
    '/api/write-offs/:proposalId/decision',
    {
      config: { access: WRITERS },
      schema: {
        description:
          'Approves (a write_off document allocated to the invoices) or rejects a proposal; not by its proposer.',
        params: Id,
        querystring: LangQuery,
        body: WriteOffDecisionBody,
        response: { 200: WriteOffSchema, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      withNote(toLang(request.query.lang))(
        await decideWriteOff(await app.contextOf(request), {
          proposalId: request.params.proposalId,
          ...request.body,
        }),
      ),
  );
  app.get(
    '/api/provision',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Provision for doubtful debts at a date (by age or case, on amounts net of VAT); movements since `from`.',
        querystring: Type.Object({ asOf: Type.Optional(IsoDate), from: Type.Optional(IsoDate) }),
        response: { 200: ProvisionSchema, 400: Problem },
      },
    },
    async (request) => getProvision(await app.contextOf(request), request.query),
  );
  app.get(
    '/api/legal/claims/:claimId/letter.pdf',
    {
      config: { access: CLAIM_LETTER_READERS },
      schema: {
        params: Type.Object({ claimId: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({
          ...LangQuery.properties,
          mandataire: Type.Optional(Type.String({ maxLength: 200 })),
          address: Type.Optional(
            Type.String({ maxLength: 400, description: 'address lines separated by |' }),
          ),
        }),
        response: {
          200: {
            description:
              'The claim-declaration letter to the mandataire judiciaire (L622-24, R622-23) as a PDF.',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const { mandataire, address, lang } = request.query;
      const letter = await renderClaimLetter(await app.contextOf(request), {
        claimId: request.params.claimId,
        lang: toLang(lang),
        mandataire: mandataire
          ? { name: mandataire, addressLines: (address ?? '').split('|').filter(Boolean) }
          : undefined,
      });
      return sendDocument(reply, { fileName: letter.fileName, format: 'pdf', body: letter.pdf });
    },
  );
}
