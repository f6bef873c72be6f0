/**
 * The customer's credit risk over HTTP: the risk panel, scoring on demand and the nightly job,
 * insurer covers, the scoring profile, balance sheets (JSON or a CSV/XLSX file) and the risk map.
 */
import { type TProperties, Type } from '@fastify/type-provider-typebox';
import { recordCover } from '#app/credit/covers';
import { importBalanceSheetFile, importBalanceSheets, saveProfile } from '#app/credit/financial-data';
import { getRiskMap } from '#app/credit/risk-map';
import { getRiskPanel } from '#app/credit/risk-panel';
import { scoreOneCustomer } from '#app/credit/scoring';
import { jobsOf } from '#app/jobs/jobs';
import type { Role } from '#core/types';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES, CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { RejectedProblem } from '../schemas/problem.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';

const LIMIT_SETTERS: readonly Role[] = ['admin', 'credit_manager', 'director'];
const Open = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: true });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Minor = Type.Integer({ description: 'minor units' });
const CodeParams = Type.Object({ code: Type.String() });
/** The items of a balance sheet (`BalanceSheet` of the core), each in minor units of `currency`. */
const SHEET_AMOUNTS = {
  currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' }),
  totalAssetsMinor: Minor,
  equityMinor: Minor,
  totalDebtsMinor: Minor,
  turnoverMinor: Minor,
  valueAddedMinor: Minor,
  grossOperatingProfitMinor: Type.Integer({ description: 'EBE, minor units' }),
  permanentCapitalMinor: Type.Integer({ description: 'equity + long-term debts, minor units' }),
  cashMinor: Minor,
  receivablesMinor: Type.Integer({ description: 'trade receivables, minor units' }),
  financialChargesMinor: Minor,
  staffCostsMinor: Minor,
  netResultMinor: Minor,
};

export function registerCreditRiskRoutes(app: ApiServer): void {
  app.get(
    '/api/credit/risk-map',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Customers and exposure by risk class, with the insured and uninsured parts (insurer covers).',
        querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })) }),
        response: {
          200: Type.Object({
            asOf: Type.String(),
            cells: Type.Array(
              Type.Object({
                riskClass: Nullable(Type.String()),
                currency: Type.String(),
                customers: Type.Integer(),
                exposureMinor: Minor,
                insuredMinor: Minor,
                uninsuredMinor: Minor,
                beyondCoverMinor: Minor,
                notGuaranteedMinor: Type.Integer({
                  description:
                    'exposure on invoices a cover in force no longer guarantees: their threatened loss was not declared by the policy deadline',
                }),
                insuredShareBps: Type.Integer({
                  description:
                    'insured ÷ positive exposure of the cell, basis points (not a cover’s insured share, the insurer’s rate)',
                }),
              }),
            ),
          }),
        },
      },
    },
    async (request) => getRiskMap(await app.contextOf(request), { asOf: request.query.asOf }),
  );
  app.get(
    '/api/credit/customers/:code/risk',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'Risk panel: score with its explanation, history, exposure by bucket, limit, cover.',
        params: CodeParams,
        response: {
          200: Open({
            asOf: Type.String(),
            customerCode: Type.String(),
            currency: Type.String(),
            score: Nullable(Open({ score: Nullable(Type.Number()), riskClass: Nullable(Type.String()) })),
            history: Type.Array(Open({ asOf: Type.String() })),
            exposure: Open({ totalMinor: Minor }),
            limit: Open({ limitMinor: Nullable(Minor) }),
            availableMinor: Nullable(Minor),
            cover: Nullable(Open({ insurer: Type.String() })),
          }),
          404: Problem,
        },
      },
    },
    async (request) => getRiskPanel(await app.contextOf(request), request.params.code),
  );
  app.post(
    '/api/credit/customers/:code/score',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        params: CodeParams,
        response: {
          200: Open({ customerCode: Type.String(), asOf: Type.String(), result: Open({}) }),
          404: Problem,
        },
      },
    },
    async (request) => scoreOneCustomer(await app.contextOf(request), request.params.code),
  );
  app.post(
    '/api/credit/rescore',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Starts the credit.rescore job (every customer).',
        body: Type.Optional(Type.Object({ asOf: Type.Optional(Type.String({ format: 'date' })) })),
        response: {
          202: Open({ id: Type.Integer(), kind: Type.String(), status: Type.String() }),
          409: Problem,
        },
      },
    },
    async (request, reply) => {
      const ctx = await app.contextOf(request);
      return reply
        .code(202)
        .send(await jobsOf(ctx).enqueue('credit.rescore', { asOf: request.body?.asOf ?? null }));
    },
  );
  app.post(
    '/api/credit/customers/:code/covers',
    {
      config: { access: LIMIT_SETTERS },
      schema: {
        params: CodeParams,
        body: Type.Object({
          insurer: Type.String({ minLength: 1 }),
          status: Type.Union(
            ['requested', 'granted', 'partial', 'refused', 'cancelled'].map((s) => Type.Literal(s)),
          ),
          requestedMinor: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
          grantedMinor: Type.Optional(Type.Integer({ minimum: 0 })),
          insuredShareBps: Type.Integer({ minimum: 0, maximum: 10000 }),
          effectiveFrom: Type.Optional(Nullable(Type.String({ format: 'date' }))),
          expiresOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
          reference: Type.Optional(Nullable(Type.String())),
        }),
        response: { 200: Open({ coverId: Type.Integer(), status: Type.String() }), 404: Problem },
      },
    },
    async (request) =>
      recordCover(await app.contextOf(request), {
        customerCode: request.params.code,
        ...request.body,
        status: request.body.status as never,
      }),
  );
  app.put(
    '/api/credit/customers/:code/profile',
    {
      config: { access: LIMIT_SETTERS },
      schema: {
        params: CodeParams,
        body: Type.Object({
          sectorRisk: Nullable(
            Type.Union(['low', 'medium', 'high', 'very_high'].map((s) => Type.Literal(s))),
          ),
          creationDate: Nullable(Type.String({ format: 'date' })),
          legalForm: Nullable(Type.String()),
          legalIncidents: Nullable(Type.Integer({ minimum: 0 })),
          externalGrade: Nullable(Type.String()),
          externalGradeSource: Type.Optional(Nullable(Type.String())),
          externalGradeDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
        }),
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await saveProfile(await app.contextOf(request), {
        customerCode: request.params.code,
        ...request.body,
        externalGradeSource: request.body.externalGradeSource ?? null,
        externalGradeDate: request.body.externalGradeDate ?? null,
      });
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/credit/balance-sheets',
    {
      config: { access: LIMIT_SETTERS },
      schema: {
        description:
          'Imports balance sheets (JSON, amounts in minor units); each names its customer by code or by SIREN (the sheet then goes to every account of that legal entity); all or nothing.',
        body: Type.Object({
          sheets: Type.Array(
            Type.Object({
              customerCode: Type.Optional(Type.String({ minLength: 1 })),
              siren: Type.Optional(
                Type.String({ description: '9 digits; used when customerCode is absent' }),
              ),
              fiscalYearEnd: Type.String(),
              ...SHEET_AMOUNTS,
            }),
          ),
        }),
        response: {
          200: Type.Object({ imported: Type.Integer(), customers: Type.Array(Type.String()) }),
          422: Problem,
        },
      },
    },
    async (request) => importBalanceSheets(await app.contextOf(request), request.body.sheets),
  );
}

/** The balance sheets of a CSV/XLSX file (multipart upload, field "file"): all or nothing. */
export async function registerCreditFileRoutes(api: ApiServer): Promise<void> {
  await api.register(async (scope) => {
    await enableUploads(scope);
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/credit/balance-sheets/file',
      {
        config: { access: LIMIT_SETTERS },
        schema: {
          description:
            'Imports balance sheets from a CSV or XLSX file (customer code or SIREN, fiscal year end, the sheet items); unknown columns are refused; the customers whose sheets changed are re-scored by a job.',
          consumes: ['multipart/form-data'],
          querystring: Type.Object({
            dryRun: Type.Optional(Type.Boolean()),
            lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
          }),
          response: {
            200: Type.Object({
              file: Type.String(),
              dryRun: Type.Boolean(),
              rows: Type.Integer(),
              customers: Type.Array(Type.String()),
            }),
            422: RejectedProblem,
          },
        },
      },
      async (request) =>
        withUploadedFile(request, async (filePath, fileName) =>
          importBalanceSheetFile(await api.contextOf(request), {
            filePath,
            fileName,
            dryRun: request.query.dryRun ?? false,
            lang: request.query.lang ?? 'fr',
          }),
        ),
    );
  });
}
