/**
 * Factoring: contracts (versioned), batches of invoices assigned to the factor (with a preview),
 * the factor's collections and the recourse, the current account and its reconciliation with the
 * factor's statement (multipart upload, field `file`). Reads for the staff, writes for the credit
 * department; every write is audited by its use case.
 */
import { Type } from '@fastify/type-provider-typebox';
import {
  assignInvoices,
  type ContractRow,
  listFactoringContracts,
  saveFactoringContract,
} from '#app/legal/factoring';
import {
  applyRecourse,
  getFactoringAccount,
  getFactoringBatch,
  recordFactorCollections,
} from '#app/legal/factoring-account';
import { reconcileFactorStatement } from '#app/legal/factoring-reconcile';
import { toLang } from '#text/catalogue';
import type { ApiServer } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import { IsoDate, StringEnum } from '../schemas/common.ts';
import {
  AccountSchema,
  AssignBody,
  BatchDetailSchema,
  BatchSchema,
  ClosedSchema,
  ContractBody,
  ContractSchema,
  ReconciliationSchema,
} from '../schemas/factoring.ts';
import { Problem, RejectedProblem } from '../schemas/problem.ts';
import { enableUploads, withUploadedFile } from '../uploads.ts';

const contractOut = (row: ContractRow) => ({ ...row, createdAt: row.createdAt.toISOString() });
const withInstant = <T extends { createdAt: Date }>(row: T) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});
const ContractParams = Type.Object({ contract: Type.String({ minLength: 1 }) });

export async function registerFactoringRoutes(api: ApiServer): Promise<void> {
  registerContractRoutes(api);
  registerBatchRoutes(api);
  await api.register(async (scope) => {
    await enableUploads(scope);
    const app = scope as unknown as ApiServer;
    app.post(
      '/api/factoring/contracts/:contract/reconciliation',
      {
        config: { access: CREDIT_DEPARTMENT },
        schema: {
          description:
            'Reconciles the current account with the factor’s statement (CSV or XLSX: date, label, reference, debit and credit or a signed amount, from our side): lines paired by amount and date, the rest listed.',
          consumes: ['multipart/form-data'],
          params: ContractParams,
          querystring: Type.Object({
            from: Type.Optional(IsoDate),
            to: Type.Optional(IsoDate),
            toleranceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 })),
            lang: Type.Optional(StringEnum(['fr', 'en'] as const)),
          }),
          response: { 200: ReconciliationSchema, 404: Problem, 422: RejectedProblem },
        },
      },
      async (request) =>
        withUploadedFile(request, async (filePath, fileName, fields) =>
          reconcileFactorStatement(await api.contextOf(request), {
            contractCode: request.params.contract,
            filePath,
            fileName,
            ...request.query,
            lang: toLang(request.query.lang ?? fields.lang),
          }),
        ),
    );
  });
}

function registerContractRoutes(api: ApiServer): void {
  api.get(
    '/api/factoring/contracts',
    {
      config: { access: STAFF },
      schema: {
        description: 'Every version of every factoring contract, by code, newest version first.',
        response: { 200: Type.Object({ items: Type.Array(ContractSchema) }) },
      },
    },
    async (request) => ({
      items: (await listFactoringContracts(await api.contextOf(request))).map(contractOut),
    }),
  );
  api.post(
    '/api/factoring/contracts',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Saves a factoring contract, or a new version of it in force from `effectiveFrom`.',
        body: ContractBody,
        response: { 200: ContractSchema, 400: Problem },
      },
    },
    async (request) => contractOut(await saveFactoringContract(await api.contextOf(request), request.body)),
  );
  api.get(
    '/api/factoring/contracts/:contract/account',
    {
      config: { access: STAFF },
      schema: {
        description:
          'The current account with the factor at a date: movements, balance, guarantee fund, outstanding assigned invoices, batches.',
        params: ContractParams,
        querystring: Type.Object({ asOf: Type.Optional(IsoDate) }),
        response: { 200: AccountSchema, 404: Problem },
      },
    },
    async (request) => {
      const account = await getFactoringAccount(await api.contextOf(request), {
        contractCode: request.params.contract,
        asOf: request.query.asOf,
      });
      return { ...account, batches: account.batches.map(withInstant) };
    },
  );
}

function registerBatchRoutes(api: ApiServer): void {
  api.post(
    '/api/factoring/batches',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'Assigns a batch of invoices (by reference or by rule) to the factor of a contract: reserve, advance, commission, fees, VAT and interest computed exactly; excluded invoices listed with their reason. `preview` records nothing.',
        body: AssignBody,
        response: { 200: BatchSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => assignInvoices(await api.contextOf(request), request.body),
  );
  api.get(
    '/api/factoring/batches/:batchId',
    {
      config: { access: STAFF },
      schema: {
        description: 'One batch with its invoices and where each stands (open, collected, charged back).',
        params: Type.Object({ batchId: Type.Integer({ minimum: 1 }) }),
        response: { 200: BatchDetailSchema, 404: Problem },
      },
    },
    async (request) =>
      withInstant(await getFactoringBatch(await api.contextOf(request), request.params.batchId)),
  );
  api.post(
    '/api/factoring/collections',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'The factor collected these invoices on `date`: reserve released, interest adjusted, the invoice settled in our ledger.',
        body: Type.Object({
          refs: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
          date: Type.Optional(IsoDate),
        }),
        response: { 200: Type.Object({ items: Type.Array(ClosedSchema) }), 400: Problem },
      },
    },
    async (request) => ({ items: await recordFactorCollections(await api.contextOf(request), request.body) }),
  );
  api.post(
    '/api/factoring/recourse',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description:
          'With-recourse contracts: charges back every assigned invoice still unpaid when its recourse delay ran out by `asOf`.',
        body: Type.Object({ asOf: Type.Optional(IsoDate) }),
        response: { 200: Type.Object({ asOf: IsoDate, closed: Type.Array(ClosedSchema) }) },
      },
    },
    async (request) => applyRecourse(await api.contextOf(request), request.body),
  );
}
