/**
 * Cash after application: bounced payments (from a receipt, a payment reference or the
 * statement's return lines), unapplied cash, and the bank and general-ledger reconciliations
 * (JSON, or a file with format=csv|xlsx|pdf).
 */
import { Type } from '@fastify/type-provider-typebox';
import { recordBouncedPayment } from '#app/cash/bounce';
import { reconcileBankToLedger, reconcileLedgerToSubLedger } from '#app/cash/reconcile';
import { bankReconciliationExport, ledgerReconciliationExport } from '#app/cash/reconcile-export';
import { bounceReturns, listReturns } from '#app/cash/returns';
import { listUnappliedCash } from '#app/cash/unapplied';
import { renderReport } from '#app/reports/report-tables';
import { type ApiServer, Problem } from '../api-types.ts';
import { STAFF } from '../auth-roles.ts';
import { isExportFormat, sendDocument } from '../download.ts';
import { RejectedProblem } from '../schemas/problem.ts';
import { reportResponses } from '../schemas/reports.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';
import {
  AutoBounceSchema,
  BankReconciliationSchema,
  BounceRequestSchema,
  BounceResultSchema,
  LedgerReconciliationSchema,
  PaymentBounceRequestSchema,
  ReturnListSchema,
  UnappliedSchema,
} from './cash-control-schemas.ts';
import { ReceiptParams } from './cash-schemas.ts';
import { channelOf } from './imports.ts';

const CASH_WORKERS = ['admin', 'credit_manager', 'collector'] as const;
const Day = Type.Optional(Type.String({ format: 'date' }));
const Lang = Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')]));
const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('pdf')]),
);
export async function registerCashControlRoutes(api: ApiServer): Promise<void> {
  registerBounceRoutes(api);
  api.get(
    '/api/cash/unapplied',
    {
      config: { access: STAFF },
      schema: {
        description: 'Unapplied cash: receipts not applied and credits open on customer accounts, aged.',
        querystring: Type.Object({
          asOf: Day,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: UnappliedSchema },
      },
    },
    async (request) =>
      listUnappliedCash(await api.contextOf(request), {
        ...(request.query.asOf ? { asOf: request.query.asOf } : {}),
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      }),
  );
  api.get(
    '/api/cash/reconcile/bank',
    {
      config: { access: STAFF },
      schema: {
        description:
          'The month’s bank receipts and returns against the payments and bounces recorded, differences listed.',
        querystring: Type.Object({ asOf: Day, from: Day, format: Format, lang: Lang }),
        response: reportResponses(BankReconciliationSchema),
      },
    },
    async (request, reply) => {
      const ctx = await api.contextOf(request);
      const q = request.query;
      const report = await reconcileBankToLedger(ctx, {
        ...(q.asOf ? { asOf: q.asOf } : {}),
        ...(q.from ? { from: q.from } : {}),
      });
      if (isExportFormat(q.format))
        return sendDocument(reply, {
          fileName: `rapprochement-bancaire-${report.to}.${q.format}`,
          format: q.format,
          body: await renderReport(ctx, bankReconciliationExport, report, q.format, q.lang),
        });
      return report;
    },
  );
  await api.register(async (scope) => {
    await enableUploads(scope);
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/cash/reconcile/ledger',
      {
        config: { access: STAFF },
        schema: {
          description:
            'A FEC’s customer control accounts (multipart field `file`) against the sub-ledger at `asOf`, per customer and document.',
          consumes: ['multipart/form-data'],
          querystring: Type.Object({
            asOf: Day,
            accounts: Type.Optional(Type.String({ pattern: '^\\d+(,\\d+)*$' })),
            format: Format,
            lang: Lang,
          }),
          // A FEC the reader refuses answers the imports' problem document, every bad line listed.
          response: { ...reportResponses(LedgerReconciliationSchema), 422: RejectedProblem },
        },
      },
      async (request, reply) => {
        const ctx = await api.contextOf(request);
        const q = request.query;
        const report = await withUploadedFile(request, (fecPath, fileName, fields) =>
          reconcileLedgerToSubLedger(ctx, {
            fecPath,
            fileName,
            // A refused FEC's problems in the reader's words: the web page sends its language as a field.
            lang: q.lang ?? (fields['lang'] === 'en' ? 'en' : 'fr'),
            channel: channelOf(request),
            ...(q.asOf ? { asOf: q.asOf } : {}),
            ...(q.accounts ? { accounts: q.accounts.split(',') } : {}),
          }),
        );
        if (isExportFormat(q.format))
          return sendDocument(reply, {
            fileName: `rapprochement-comptable-${report.asOf}.${q.format}`,
            format: q.format,
            body: await renderReport(ctx, ledgerReconciliationExport, report, q.format, q.lang),
          });
        return report;
      },
    );
  });
}

function registerBounceRoutes(api: ApiServer): void {
  api.post(
    '/api/cash/receipts/:id/bounce',
    {
      config: { access: CASH_WORKERS },
      schema: {
        description:
          'Records that an applied receipt bounced: its allocations reversed, its invoices reopened, a bounced-payment document, a fee if any.',
        params: ReceiptParams,
        body: BounceRequestSchema,
        response: { 200: BounceResultSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      recordBouncedPayment(await api.contextOf(request), {
        ...request.body,
        transactionId: request.params.id,
      }),
  );
  api.post(
    '/api/cash/bounces',
    {
      config: { access: CASH_WORKERS },
      schema: {
        description: 'Records that a payment of the ledger, named by its reference, bounced.',
        body: PaymentBounceRequestSchema,
        response: { 200: BounceResultSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) => recordBouncedPayment(await api.contextOf(request), request.body),
  );
  api.get(
    '/api/cash/returns',
    {
      config: { access: STAFF },
      schema: {
        description: 'Return lines of the statements waiting, with the applied receipts each may send back.',
        response: { 200: ReturnListSchema },
      },
    },
    async (request) => listReturns(await api.contextOf(request)),
  );
  api.post(
    '/api/cash/returns/auto',
    {
      config: { access: CASH_WORKERS },
      schema: {
        description:
          'Records the bounces that the payer’s own identifiers prove (end-to-end id, cheque number).',
        response: { 200: AutoBounceSchema },
      },
    },
    async (request) => bounceReturns(await api.contextOf(request)),
  );
}
