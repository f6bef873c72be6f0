/**
 * The mail outbox: every message Encours decided to send, its status, its .eml and a retry.
 * Read and retried by the credit and collection staff.
 */
import { Type } from '@fastify/type-provider-typebox';
import { exportOutboxEml, getOutboxMessage, listOutbox, retryOutboxMessage } from '#app/mail/outbox';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { sendDocument } from '../download.ts';
import { MailStatusSchema, OutboxMessageSchema, OutboxPageSchema } from '../schemas/outbox.ts';

export const OUTBOX_READERS: readonly Role[] = ['admin', 'credit_manager', 'collector'];

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const errors = { 400: Problem, 404: Problem };

export function registerOutboxRoutes(app: ApiServer): void {
  app.get(
    '/api/outbox',
    {
      config: { access: OUTBOX_READERS },
      schema: {
        description: 'Messages of the outbox, newest first.',
        querystring: Type.Object({
          status: Type.Optional(MailStatusSchema),
          category: Type.Optional(Type.String()),
          customerCode: Type.Optional(Type.String()),
          documentRef: Type.Optional(Type.String()),
          search: Type.Optional(Type.String({ description: 'subject or recipient contains' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        }),
        response: { 200: OutboxPageSchema, 400: Problem },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listOutbox(await app.contextOf(request), filter, { limit: limit ?? 50, offset: offset ?? 0 });
    },
  );

  app.get(
    '/api/outbox/:id',
    {
      config: { access: OUTBOX_READERS },
      schema: {
        description: 'One message: recipients, bodies, attachments, attempts and last error.',
        params: IdParams,
        response: { 200: OutboxMessageSchema, ...errors },
      },
    },
    async (request) => getOutboxMessage(await app.contextOf(request), request.params.id),
  );

  app.get(
    '/api/outbox/:id/eml',
    {
      config: { access: OUTBOX_READERS },
      schema: {
        description: 'The message as an .eml file (message/rfc822): the bytes submitted over SMTP.',
        params: IdParams,
        response: { 200: Type.String({ description: 'message/rfc822 file' }), ...errors },
      },
    },
    async (request, reply) => {
      const eml = await exportOutboxEml(await app.contextOf(request), request.params.id);
      return sendDocument(reply, {
        fileName: eml.filename,
        contentType: 'message/rfc822',
        body: eml.content.toString('utf8'),
      });
    },
  );

  app.post(
    '/api/outbox/:id/retry',
    {
      config: { access: OUTBOX_READERS },
      schema: {
        description: 'Sends a failed or held message again; a sent message is refused (409).',
        params: IdParams,
        response: { 200: OutboxMessageSchema, ...errors, 409: Problem },
      },
    },
    async (request) => retryOutboxMessage(await app.contextOf(request), request.params.id),
  );
}
