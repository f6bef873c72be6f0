/**
 * Cash routes: `POST /api/imports/bank` (a statement file, multipart field `file`, the same use
 * case as `encours import bank`) and the cash application workbench (accept, correct, split a
 * receipt between customers, reverse).
 */
import { Type } from '@fastify/type-provider-typebox';
import { acceptSuggestion, correctMatch, reverseMatch } from '#app/cash/decisions';
import { importBankStatement } from '#app/cash/import-bank';
import { matchReceipts } from '#app/cash/match-receipts';
import { listReceipts, RECEIPT_VIEWS, type ReceiptView } from '#app/cash/receipts';
import { splitReceipt } from '#app/cash/split-receipt';
import { DomainError } from '#app/errors';
import type { Lang } from '#text/catalogue';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { RejectedProblem } from '../schemas/problem.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';
import { registerCashControlRoutes } from './cash-control.ts';
import { registerCashDemoRoutes } from './cash-demo.ts';
import {
  AcceptRequestSchema,
  AppliedSchema,
  BankImportSummarySchema,
  CorrectionRequestSchema,
  MatchRequestSchema,
  MatchSummarySchema,
  ReceiptListSchema,
  ReceiptParams,
  ReversedSchema,
  SplitRequestSchema,
} from './cash-schemas.ts';

const LangQuery = Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')]));

function languageOf(query: Lang | undefined, field: string | undefined): Lang {
  if (query !== undefined) return query;
  if (field === undefined || field === 'fr' || field === 'en') return field ?? 'fr';
  throw new DomainError('invalid_input', { key: 'errors.http.lang' });
}

export async function registerCashRoutes(api: ApiServer): Promise<void> {
  registerCashApplicationRoutes(api);
  registerCashDemoRoutes(api);
  await registerCashControlRoutes(api);
  await api.register(async (scope) => {
    await enableUploads(scope);
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/imports/bank',
      {
        config: { access: CREDIT_DEPARTMENT },
        schema: {
          description:
            'Imports a bank statement file: camt.053/054, CFONB 120 or OFX, detected from its content.',
          consumes: ['multipart/form-data'],
          querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()), lang: LangQuery }),
          response: { 200: BankImportSummarySchema, 400: Problem, 422: RejectedProblem },
        },
      },
      async (request) =>
        withUploadedFile(request, async (filePath, fileName, fields) =>
          importBankStatement(await api.contextOf(request), {
            filePath,
            fileName,
            dryRun: request.query.dryRun ?? false,
            lang: languageOf(request.query.lang, fields.lang),
          }),
        ),
    );
  });
}

const CASH_WORKERS = ['admin', 'credit_manager', 'collector'] as const;

/** The cash application workbench: receipts with suggestions, matching, accept, correct, reverse. */
export function registerCashApplicationRoutes(api: ApiServer): void {
  api.get(
    '/api/cash/receipts',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Bank receipts to apply (or applied, returns, all) with their ranked suggestions and evidence.',
        querystring: Type.Object({
          view: Type.Optional(Type.Union(RECEIPT_VIEWS.map((view) => Type.Literal(view)))),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: ReceiptListSchema },
      },
    },
    async (request) =>
      listReceipts(await api.contextOf(request), {
        view: (request.query.view ?? 'to_apply') as ReceiptView,
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
      }),
  );
  api.post(
    '/api/cash/match',
    {
      config: { access: CASH_WORKERS },
      schema: {
        description:
          'Proposes customers and invoices for every receipt to apply; `auto` applies those above the threshold.',
        body: MatchRequestSchema,
        response: { 200: MatchSummarySchema },
      },
    },
    async (request) =>
      matchReceipts(await api.contextOf(request), {
        auto: request.body.auto ?? false,
        ...(request.body.threshold !== undefined ? { threshold: request.body.threshold } : {}),
      }),
  );
  api.post(
    '/api/cash/receipts/:id/accept',
    {
      config: { access: CASH_WORKERS },
      schema: {
        description: 'Applies a suggestion (the first by default) and teaches the payer’s IBAN and name.',
        params: ReceiptParams,
        body: AcceptRequestSchema,
        response: { 200: AppliedSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      acceptSuggestion(await api.contextOf(request), {
        transactionId: request.params.id,
        rank: request.body.rank ?? 1,
      }),
  );
  api.post(
    '/api/cash/receipts/:id/apply',
    {
      config: { access: CASH_WORKERS },
      schema: {
        description:
          'Applies a receipt to the customer and items a person chose (a correction); teaches the payer.',
        params: ReceiptParams,
        body: CorrectionRequestSchema,
        response: { 200: AppliedSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      correctMatch(await api.contextOf(request), {
        transactionId: request.params.id,
        customerCode: request.body.customerCode,
        documentRefs: request.body.documentRefs,
        writeOffMinor: request.body.writeOffMinor ?? 0,
        ...(request.body.writeOffReason ? { writeOffReason: request.body.writeOffReason } : {}),
      }),
  );
  api.post(
    '/api/cash/receipts/:id/split',
    {
      config: { access: CASH_WORKERS },
      schema: {
        description:
          'Applies one receipt to several customers (a group receipt): each part an amount settling that customer’s items; the parts add up to the receipt.',
        params: ReceiptParams,
        body: SplitRequestSchema,
        response: { 200: AppliedSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      splitReceipt(await api.contextOf(request), {
        transactionId: request.params.id,
        parts: request.body.parts,
      }),
  );
  api.post(
    '/api/cash/receipts/:id/reverse',
    {
      config: { access: CASH_WORKERS },
      schema: {
        description: 'Reverses the match of a receipt with reversal allocations; the receipt waits again.',
        params: ReceiptParams,
        response: { 200: ReversedSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) => reverseMatch(await api.contextOf(request), { transactionId: request.params.id }),
  );
}
