/**
 * The order check for an ERP: a signed webhook (no session; the company and an HMAC-SHA256
 * signature of `<timestamp>.<raw body>` in the headers), and the route that makes the company's
 * secret. The body is read as text so the signature is checked on the exact bytes received.
 */
import { Type } from '@fastify/type-provider-typebox';
import { checkOrderFromWebhook, createWebhookSecret } from '#app/credit/order-webhook';
import { toLang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { ADMINS } from '../auth-roles.ts';
import { OrderCheckSchema } from './credit.ts';

const WebhookAnswerSchema = Type.Intersect([
  OrderCheckSchema,
  Type.Object({
    action: Type.Union([Type.Literal('release'), Type.Literal('hold')], {
      description: 'what the ERP does with the order',
    }),
  }),
]);

export async function registerCreditWebhookRoutes(api: ApiServer): Promise<void> {
  api.post(
    '/api/credit/webhook-secret',
    {
      config: { access: ADMINS },
      schema: {
        description: 'Makes (or replaces) the secret the ERP signs its order-check calls with; shown once.',
        response: { 201: Type.Object({ secret: Type.String() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await createWebhookSecret(await api.contextOf(request))),
  );
  await api.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/credit/order-check/webhook',
      {
        config: { access: 'public' },
        schema: {
          description:
            'Order check called by an ERP. Headers: X-Encours-Company, X-Encours-Timestamp (Unix seconds, ±5 min) and X-Encours-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + raw body)). Body: {customerCode, amountMinor, orderRef, currency?, payment?, elements?}. A signature is accepted once.',
          headers: Type.Object({
            'x-encours-company': Type.String({ minLength: 1, maxLength: 100 }),
            'x-encours-timestamp': Type.String({ maxLength: 20 }),
            'x-encours-signature': Type.String({ maxLength: 200 }),
          }),
          response: { 200: WebhookAnswerSchema, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
        },
      },
      async (request) => {
        const ctx = await api.runtime.contextFor(request.headers['x-encours-company'], 'erp-webhook');
        return checkOrderFromWebhook(ctx, {
          timestamp: request.headers['x-encours-timestamp'],
          signature: request.headers['x-encours-signature'],
          rawBody: typeof request.body === 'string' ? request.body : '',
          lang: toLang(request.headers['accept-language']),
        });
      },
    );
  });
}
