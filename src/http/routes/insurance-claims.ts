/**
 * Credit-insurance claims over HTTP: the policies (days to declare a threatened loss, waiting
 * period), the overdue invoices of covered buyers with their declaration deadline, the claims and
 * their outcome. The staff reads; the credit department declares and records.
 */
import { Type } from '@fastify/type-provider-typebox';
import {
  declareThreatenedLoss,
  listInsuranceClaims,
  updateInsuranceClaimStatus,
} from '#app/legal/insurance-claims';
import { previewDeclaration } from '#app/legal/insurance-declaration';
import {
  listDeclarationDeadlines,
  listInsurancePolicies,
  saveInsurancePolicy,
} from '#app/legal/insurance-policies';
import { INSURANCE_CLAIM_STATUSES } from '#core/legal/insurance-claims';
import type { ApiServer } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { IsoDate, StringEnum } from '../schemas/common.ts';
import {
  ClaimStatusBody,
  DeadlinesSchema,
  DeclarationPreviewSchema,
  DeclareBody,
  InsuranceClaimSchema,
  PolicyBody,
  PolicySchema,
} from '../schemas/insurance-claims.ts';
import { Problem } from '../schemas/problem.ts';

export function registerInsuranceClaimRoutes(app: ApiServer): void {
  app.get(
    '/api/insurance/policies',
    {
      config: { access: STAFF },
      schema: {
        description: 'The credit-insurance policy in force of each insurer.',
        response: { 200: Type.Object({ items: Type.Array(PolicySchema) }) },
      },
    },
    async (request) => ({ items: await listInsurancePolicies(await app.contextOf(request)) }),
  );
  app.post(
    '/api/insurance/policies',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Records a policy (a new version for an insurer already known).',
        body: PolicyBody,
        response: { 200: PolicySchema, 400: Problem },
      },
    },
    async (request) =>
      saveInsurancePolicy(await app.contextOf(request), {
        ...request.body,
        policyNumber: request.body.policyNumber ?? null,
      }),
  );
  app.get(
    '/api/insurance/deadlines',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Overdue invoices of covered buyers with their threatened-loss declaration deadline; approaching or past and not declared, or all.',
        querystring: Type.Object({ asOf: Type.Optional(IsoDate), all: Type.Optional(Type.Boolean()) }),
        response: { 200: DeadlinesSchema, 400: Problem },
      },
    },
    async (request) => listDeclarationDeadlines(await app.contextOf(request), request.query),
  );
  app.get(
    '/api/insurance/claims',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Credit-insurance claims, newest first, with the insured share and the indemnity received.',
        querystring: Type.Object({
          customer: Type.Optional(Type.String()),
          status: Type.Optional(StringEnum(INSURANCE_CLAIM_STATUSES)),
        }),
        response: { 200: Type.Object({ items: Type.Array(InsuranceClaimSchema) }) },
      },
    },
    async (request) => ({
      items: await listInsuranceClaims(await app.contextOf(request), {
        customerCode: request.query.customer,
        status: request.query.status,
      }),
    }),
  );
  app.post(
    '/api/insurance/claims',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Declares the threatened loss on a covered buyer’s overdue invoices (a claim file).',
        body: DeclareBody,
        response: { 200: InsuranceClaimSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => declareThreatenedLoss(await app.contextOf(request), request.body),
  );
  app.post(
    '/api/insurance/claims/preview',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'What declaring would take (the invoices with their days late and deadlines, the total and the insured share); records nothing.',
        body: DeclareBody,
        response: { 200: DeclarationPreviewSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => previewDeclaration(await app.contextOf(request), request.body),
  );
  app.post(
    '/api/insurance/claims/:claimId/status',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Moves a claim on: claim filed, indemnified (amount and date received), rejected, settled.',
        params: Type.Object({ claimId: Type.Integer({ minimum: 1 }) }),
        body: ClaimStatusBody,
        response: { 200: InsuranceClaimSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      updateInsuranceClaimStatus(await app.contextOf(request), {
        claimId: request.params.claimId,
        ...request.body,
      }),
  );
}
