/**
 * Marketing promotions: sales submit their credit terms, the credit department approves or rejects
 * them, everyone reads them (an order names one in the order check).
 */
import { Type } from '@fastify/type-provider-typebox';
import {
  decidePromotion,
  getPromotion,
  listPromotions,
  submitPromotion,
  tagPromotionInvoices,
} from '#app/promotions/promotions';
import type { Role } from '#core/types';
import type { ApiServer } from '../api-types.ts';
import { ALL_ROLES, CREDIT_DEPARTMENT } from '../auth-roles.ts';
import { Problem } from '../schemas/problem.ts';
import { PromotionDetailSchema, PromotionSchema, PromotionTermsSchema } from '../schemas/promotions.ts';

/** Sales and marketing propose; the collector does not. */
const SUBMITTERS: readonly Role[] = ['admin', 'credit_manager', 'salesperson', 'director'];
const Code = Type.Object({ promotionCode: Type.String({ minLength: 1, maxLength: 40 }) });

export function registerPromotionRoutes(app: ApiServer): void {
  app.get(
    '/api/promotions',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Promotions with their status and the orders checked under them.',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('rejected')]),
          ),
        }),
        response: { 200: Type.Array(PromotionSchema) },
      },
    },
    async (request) => listPromotions(await app.contextOf(request), request.query),
  );
  app.get(
    '/api/promotions/:promotionCode',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'A promotion, its orders and how its invoices are paid compared with the others.',
        params: Code,
        querystring: Type.Object({ asOf: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) }),
        response: { 200: PromotionDetailSchema, 404: Problem },
      },
    },
    async (request) =>
      getPromotion(await app.contextOf(request), request.params.promotionCode, request.query),
  );
  app.post(
    '/api/promotions',
    {
      config: { access: SUBMITTERS },
      schema: {
        description: 'Submits a promotion’s credit terms for the credit manager’s approval.',
        body: PromotionTermsSchema,
        response: { 200: PromotionSchema, 409: Problem },
      },
    },
    async (request) => submitPromotion(await app.contextOf(request), request.body),
  );
  for (const decision of ['approve', 'reject'] as const)
    app.post(
      `/api/promotions/:promotionCode/${decision}`,
      {
        config: { access: CREDIT_DEPARTMENT },
        schema: {
          description:
            decision === 'approve'
              ? 'Approves the credit terms (not by the person who submitted them).'
              : 'Rejects the credit terms; the comment says why.',
          params: Code,
          body: Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }),
          response: { 200: PromotionSchema, 404: Problem, 409: Problem },
        },
      },
      async (request) =>
        decidePromotion(await app.contextOf(request), request.params.promotionCode, {
          decision,
          comment: request.body.comment,
        }),
    );
  app.post(
    '/api/promotions/:promotionCode/invoices',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Marks invoices as sold under the (approved) promotion, for its effect.',
        params: Code,
        body: Type.Object({ invoiceRefs: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }) }),
        response: { 200: Type.Object({ tagged: Type.Array(Type.String()) }), 404: Problem },
      },
    },
    async (request) =>
      tagPromotionInvoices(
        await app.contextOf(request),
        request.params.promotionCode,
        request.body.invoiceRefs,
      ),
  );
}
